namespace PayerAtlas.Importers.Pfs;

/// <summary>
/// One row of OPPSCAP: the payment for an imaging service in one locality after the OPPS cap (Deficit Reduction
/// Act 2005 §5102(b): the PFS technical payment may not exceed the hospital outpatient amount).
/// </summary>
/// <param name="ProcStatus">The code's PFS status ("A"; "C" rows are contractor priced and carry no usable cap).</param>
public sealed record OppsCapRecord(
    string Hcpcs,
    string Modifier,
    string ProcStatus,
    string Mac,
    string LocalityNumber,
    decimal FacilityPrice,
    decimal NonFacilityPrice,
    long Line)
{
    public string LocalityId => $"{Mac}-{LocalityNumber}";

    /// <summary>
    /// Whether this price belongs to a GPCI locality. As shipped, OPPSCAP files Southern California localities
    /// (17, 18, 71–74) under carrier 01112 while the GPCI file has them under MAC 01182: same contractor
    /// (first three digits), same locality number. Matching on that keeps them without joining Dallas (04412-18).
    /// </summary>
    public bool Matches(string mac, string localityNumber) =>
        LocalityNumber == localityNumber && (Mac == mac || string.CompareOrdinal(Mac, 0, mac, 0, 3) == 0);
}
