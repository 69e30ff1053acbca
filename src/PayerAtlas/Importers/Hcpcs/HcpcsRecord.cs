namespace PayerAtlas.Importers.Hcpcs;

public enum HcpcsRecordKind
{
    Procedure,
    Modifier,
}

/// <summary>
/// One HCPCS Level II procedure or modifier from the CMS alpha-numeric file, with its continuation records
/// folded in (the long description runs over several records). Field names follow the CMS record layout
/// ("HCPCS Contractor Record"); multi-slot fields keep only the slots CMS filled, in file order.
/// </summary>
public sealed record HcpcsRecord
{
    /// <summary>Five characters for a procedure ("A4206"); two for a modifier ("GA").</summary>
    public required string Code { get; init; }
    public required HcpcsRecordKind Kind { get; init; }
    /// <summary>Positions 12–91 of the first record and of every continuation, each trimmed, joined by one space.</summary>
    public required string LongDescription { get; init; }
    public required string ShortDescription { get; init; }
    /// <summary>Up to four two-digit pricing indicators ("00" not separately priced, "51" drugs …).</summary>
    public IReadOnlyList<string> PricingIndicators { get; init; } = [];
    public string MultiplePricingIndicator { get; init; } = "";
    /// <summary>Coverage Issues Manual reference sections (up to three), e.g. "60-9".</summary>
    public IReadOnlyList<string> CoverageIssuesManualSections { get; init; } = [];
    /// <summary>Medicare Carriers Manual reference sections (up to three), e.g. "2100.1".</summary>
    public IReadOnlyList<string> CarriersManualSections { get; init; } = [];
    public string Statute { get; init; } = "";
    /// <summary>CLIA lab certification codes (up to eight three-digit codes), e.g. "340" toxicology.</summary>
    public IReadOnlyList<string> LabCertificationCodes { get; init; } = [];
    /// <summary>Codes a deleted or non-Medicare code crosswalks to (up to five).</summary>
    public IReadOnlyList<string> CrossReferenceCodes { get; init; } = [];
    /// <summary>C carrier judgment, D special coverage instructions, I not payable, M non-covered, S non-covered by statute.</summary>
    public string CoverageCode { get; init; } = "";
    /// <summary>"YY" when approved for an ambulatory surgical center, else empty.</summary>
    public string AscPaymentGroup { get; init; } = "";
    public DateOnly? AscPaymentGroupEffectiveDate { get; init; }
    /// <summary>Number of the note in proc_notes_20xx.txt, e.g. "0088".</summary>
    public string ProcessingNote { get; init; } = "";
    public string BetosCode { get; init; } = "";
    /// <summary>Up to five one-character CMS type-of-service codes.</summary>
    public IReadOnlyList<string> TypeOfServiceCodes { get; init; } = [];
    /// <summary>Blank for modifiers; "0" for most Level II procedures.</summary>
    public int? AnesthesiaBaseUnits { get; init; }
    public string ActionCode { get; init; } = "";
    public DateOnly? AddDate { get; init; }
    public DateOnly? ActionEffectiveDate { get; init; }
    public DateOnly? TerminationDate { get; init; }
    /// <summary>1-based line of the first record (RIC 3 or 7).</summary>
    public required long Line { get; init; }
}
