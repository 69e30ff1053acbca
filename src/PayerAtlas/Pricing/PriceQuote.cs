namespace PayerAtlas.Pricing;

/// <summary>Medicare payment for one locality (or the nation, or a state's summary) in both settings.</summary>
/// <param name="Mac">Medicare Administrative Contractor number, null for national and state rows.</param>
public sealed record LocalityAmount(
    string? Mac,
    string? Locality,
    string Name,
    string? State,
    decimal? NonFacility,
    decimal? Facility);

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
