namespace PayerAtlas.Importers.Pfs;

/// <summary>One Medicare payment locality with its geographic practice cost indices (GPCI file, Addendum E).</summary>
/// <param name="LocalityName">As published, without the footnote stars.</param>
/// <param name="Footnote">The stars CMS puts on a name: "*" Alaska work floor, "**" frontier-state PE floor.</param>
public sealed record GpciRecord(
    string Mac,
    string State,
    string LocalityNumber,
    string LocalityName,
    string Footnote,
    decimal WorkGpci,
    decimal PeGpci,
    decimal MpGpci,
    long Line)
{
    /// <summary>"MAC-locality", e.g. 01112-54: how CMS and users name a locality.</summary>
    public string Id => $"{Mac}-{LocalityNumber}";
}

/// <summary>One row of the locality/county crosswalk (*LOCCO*): which counties a fee schedule area covers.</summary>
/// <param name="State">Full state name; CMS prints it only on a state's first row, so later rows of the block inherit it. Empty where the file omits it.</param>
public sealed record LocalityCountyRecord(
    string Mac,
    string LocalityNumber,
    string State,
    string FeeScheduleArea,
    string Counties,
    long Line)
{
    public string LocalityId => $"{Mac}-{LocalityNumber}";
}
