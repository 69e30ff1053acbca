namespace PayerAtlas.Rates;

/// <summary>Which kind of price-transparency file an observation was read from.</summary>
public enum RateSourceKind
{
    /// <summary>A Transparency in Coverage in-network rates file (schema 1.x or 2.x).</summary>
    TicInNetwork,

    /// <summary>A Transparency in Coverage allowed-amounts (out-of-network) file.</summary>
    TicAllowedAmount,

    /// <summary>A hospital standard-charges file (CMS template v2/v3: CSV tall, CSV wide, JSON).</summary>
    HospitalStandardCharges,
}

/// <summary>The claim form a rate applies to: CMS-1500 (professional), UB-04 (institutional), or either.</summary>
public enum BillingClass
{
    Professional,
    Institutional,
    Both,
}

/// <summary>
/// One price for (payer, plan, provider set, code, modifiers, setting) as a price-transparency file states it.
/// Readers fill it field by field from the file; nothing is defaulted that the file did not say. A struct passed by
/// reference: a reader makes millions of them per file, and none needs to outlive the sink's <c>Write</c>.
/// </summary>
public readonly record struct RateObservation
{
    public RateObservation()
    {
    }

    /// <summary>The file or URL as given by the user.</summary>
    public required string SourceFile { get; init; }

    public required RateSourceKind SourceKind { get; init; }

    /// <summary>Where in the file: a JSON path with the byte offset (<c>$.in_network[12].negotiated_rates[0].negotiated_prices[1] @ 48213</c>) or a CSV line.</summary>
    public required RateLocator Locator { get; init; }

    /// <summary>The insurer, administrator or hospital that published the file.</summary>
    public required string ReportingEntity { get; init; }

    public string? ReportingEntityType { get; init; }

    /// <summary>
    /// The payer the rate is negotiated with: for TiC the issuer (or the reporting entity when no issuer is named);
    /// for hospital files <c>payer_name</c>. Empty for a hospital's payer-independent charges (gross, discounted cash).
    /// </summary>
    public required string Payer { get; init; }

    public string? Plan { get; init; }
    public string? PlanId { get; init; }
    public string? PlanIdType { get; init; }
    public string? PlanMarketType { get; init; }

    /// <summary>Network names joined with <c>|</c>, when the file names them.</summary>
    public string? Network { get; init; }

    public required string BillingCode { get; init; }

    /// <summary>CPT, HCPCS, RC, MS-DRG, … as the file writes it.</summary>
    public required string BillingCodeType { get; init; }

    public string? BillingCodeTypeVersion { get; init; }

    /// <summary>Billing-code modifiers, upper case, sorted, joined with <c>:</c>; empty when none.</summary>
    public string Modifiers { get; init; } = "";

    /// <summary>TiC <c>negotiation_arrangement</c>: ffs, bundle, capitation.</summary>
    public string? NegotiationArrangement { get; init; }

    /// <summary>
    /// TiC <c>negotiated_type</c> (negotiated, derived, fee schedule, percentage, per diem) or the hospital
    /// methodology (case rate, fee schedule, percent of total billed charges, per diem, other) or, for a hospital's
    /// payer-independent charges, <c>gross</c> / <c>discounted cash</c> / <c>min</c> / <c>max</c>.
    /// </summary>
    public required string NegotiatedType { get; init; }

    /// <summary>The dollar amount, or the percentage when the rate is a percentage; null when only an algorithm is given.</summary>
    public decimal? Rate { get; init; }

    /// <summary>True when <see cref="Rate"/> is a percentage (of billed charges or of a fee schedule), not dollars.</summary>
    public bool RateIsPercentage { get; init; }

    /// <summary>A hospital's negotiated algorithm text, when the charge is not a number.</summary>
    public string? Algorithm { get; init; }

    public BillingClass? BillingClass { get; init; }

    /// <summary>A hospital's setting: inpatient, outpatient or both.</summary>
    public string? Setting { get; init; }

    /// <summary>CMS place-of-service codes the rate applies to, sorted, joined with <c>:</c>; empty when not stated.</summary>
    public string PlacesOfService { get; init; } = "";

    public int ProviderNpiCount { get; init; }
    public int ProviderTinCount { get; init; }

    /// <summary>Two-letter state of the provider or hospital, where the file makes it known.</summary>
    public string? State { get; init; }

    public DateOnly? ExpirationDate { get; init; }

    public string? AdditionalInformation { get; init; }

    /// <summary>
    /// TiC allowed-amounts files only: the provider's billed charge the allowed amount (<see cref="Rate"/>) was paid
    /// against. Null for every other source.
    /// </summary>
    public decimal? BilledCharge { get; init; }
}

/// <summary>Where readers push observations (the rate lake's writer, a counter, a test list).</summary>
public interface IRateSink
{
    void Write(in RateObservation observation);
}
