namespace PayerAtlas.Importers.Pfs;

/// <summary>One row of the PFS relative value file (PPRRVU): all 31 fields as CMS publishes them.</summary>
/// <remarks>Indicator fields stay strings: their codes ("09", "XXX", "NA") are meaningful as written.</remarks>
public sealed record RvuRecord
{
    public required string Hcpcs { get; init; }
    /// <summary>Blank for the global service; 26, TC or 53 otherwise.</summary>
    public required string Modifier { get; init; }
    public required string Description { get; init; }
    public required string StatusCode { get; init; }
    public required string NotUsedForMedicarePayment { get; init; }
    public required decimal WorkRvu { get; init; }
    public required decimal NonFacilityPeRvu { get; init; }
    public required string NonFacilityNaIndicator { get; init; }
    public required decimal FacilityPeRvu { get; init; }
    public required string FacilityNaIndicator { get; init; }
    public required decimal MpRvu { get; init; }
    public required decimal NonFacilityTotal { get; init; }
    public required decimal FacilityTotal { get; init; }
    public required string PcTcIndicator { get; init; }
    public required string GlobalDays { get; init; }
    public required decimal PreOp { get; init; }
    public required decimal IntraOp { get; init; }
    public required decimal PostOp { get; init; }
    public required string MultipleProcedure { get; init; }
    public required string BilateralSurgery { get; init; }
    public required string AssistantSurgery { get; init; }
    public required string CoSurgeons { get; init; }
    public required string TeamSurgery { get; init; }
    public required string EndoscopicBase { get; init; }
    public required decimal ConversionFactor { get; init; }
    public required string PhysicianSupervision { get; init; }
    public required string CalculationFlag { get; init; }
    public required string DiagnosticImagingFamily { get; init; }
    public required decimal OppsNonFacilityPe { get; init; }
    public required decimal OppsFacilityPe { get; init; }
    public required decimal OppsMp { get; init; }
    /// <summary>1-based line in the source file.</summary>
    public required long Line { get; init; }

    public bool NonFacilityNotApplicable => NonFacilityNaIndicator == "NA";
    public bool FacilityNotApplicable => FacilityNaIndicator == "NA";
}
