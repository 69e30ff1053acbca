namespace PayerAtlas.Importers.Hcpcs;

public enum HcpcsRecordKind
{
    Procedure,
    Modifier,
}

/// <summary>
/// One HCPCS Level II procedure or modifier from the CMS alpha-numeric file, with its continuation records
/// folded in (the long description runs over several 320-character records).
/// </summary>
public sealed record HcpcsRecord
{
    /// <summary>Five characters for a procedure ("A4206"); two for a modifier ("GA").</summary>
    public required string Code { get; init; }
    public required HcpcsRecordKind Kind { get; init; }
    public required string LongDescription { get; init; }
    public required string ShortDescription { get; init; }
    public IReadOnlyList<string> PricingIndicators { get; init; } = [];
    public string MultiplePricingIndicator { get; init; } = "";
    public string CoverageCode { get; init; } = "";
    public string BetosCode { get; init; } = "";
    public IReadOnlyList<string> TypeOfServiceCodes { get; init; } = [];
    public string ActionCode { get; init; } = "";
    public DateOnly? AddDate { get; init; }
    public DateOnly? ActionEffectiveDate { get; init; }
    public DateOnly? TerminationDate { get; init; }
    /// <summary>1-based line of the first record (RIC 3 or 7).</summary>
    public required long Line { get; init; }
}
