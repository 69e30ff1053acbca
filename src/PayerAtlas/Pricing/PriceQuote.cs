namespace PayerAtlas.Pricing;

/// <summary>Medicare payment for one locality (or the nation, or a state's summary) in both settings.</summary>
/// <param name="Mac">Medicare Administrative Contractor number, null for national and state rows.</param>
/// <param name="NonFacility">What Medicare pays: the PFS formula, or the OPPS-capped price when that is lower.</param>
public sealed record LocalityAmount(
    string? Mac,
    string? Locality,
    string Name,
    string? State,
    decimal? NonFacility,
    decimal? Facility)
{
    /// <summary>True when the OPPS imaging cap (OPPSCAP file) lowered an amount below the PFS formula.</summary>
    public bool OppsCapped { get; init; }

    /// <summary>The PFS formula amounts before the cap; set only when <see cref="OppsCapped"/>.</summary>
    public decimal? FormulaNonFacility { get; init; }
    public decimal? FormulaFacility { get; init; }
}

/// <summary>Range and unweighted average of locality amounts within one state.</summary>
public sealed record StateSummary(
    string State,
    int Localities,
    decimal? NonFacilityMin,
    decimal? NonFacilityMax,
    decimal? NonFacilityAverage,
    decimal? FacilityMin,
    decimal? FacilityMax,
    decimal? FacilityAverage);

/// <summary>What <c>payeratlas price</c> prints: the amounts for a code (and modifier) in one release.</summary>
public sealed record PriceQuote(
    string Code,
    string? Modifier,
    string Release,
    decimal ConversionFactor,
    string StatusCode,
    IReadOnlyList<LocalityAmount> Amounts,
    IReadOnlyList<StateSummary> States);
