namespace PayerAtlas.Rates;

/// <summary>
/// The columns a run of prices shares: source, reporting entity, payer, plan, network, code and arrangement — for a
/// TiC in-network file, everything but the price's own fields within one <c>in_network</c> element and provider set.
/// Immutable: a reader makes one when any of them changes and hands the same instance with every price it covers, so a
/// sink can tell "same as before" by reference (<see cref="IRatePriceSink"/>).
/// </summary>
public sealed class RateItem
{
    public required string SourceFile { get; init; }
    public required RateSourceKind SourceKind { get; init; }
    public required string ReportingEntity { get; init; }
    public string? ReportingEntityType { get; init; }
    public required string Payer { get; init; }
    public string? Plan { get; init; }
    public string? PlanId { get; init; }
    public string? PlanIdType { get; init; }
    public string? PlanMarketType { get; init; }
    public string? Network { get; init; }
    public required string BillingCode { get; init; }
    public required string BillingCodeType { get; init; }
    public string? BillingCodeTypeVersion { get; init; }
    public string? NegotiationArrangement { get; init; }

    /// <summary>The observation's shared columns as an item.</summary>
    public static RateItem Of(in RateObservation o) => new()
    {
        SourceFile = o.SourceFile,
        SourceKind = o.SourceKind,
        ReportingEntity = o.ReportingEntity,
        ReportingEntityType = o.ReportingEntityType,
        Payer = o.Payer,
        Plan = o.Plan,
        PlanId = o.PlanId,
        PlanIdType = o.PlanIdType,
        PlanMarketType = o.PlanMarketType,
        Network = o.Network,
        BillingCode = o.BillingCode,
        BillingCodeType = o.BillingCodeType,
        BillingCodeTypeVersion = o.BillingCodeTypeVersion,
        NegotiationArrangement = o.NegotiationArrangement,
    };

    /// <summary>True when the observation's shared columns are these very instances (readers intern what repeats).</summary>
    public bool Holds(in RateObservation o) =>
        ReferenceEquals(BillingCode, o.BillingCode)
        && ReferenceEquals(Payer, o.Payer)
        && ReferenceEquals(Plan, o.Plan)
        && ReferenceEquals(SourceFile, o.SourceFile)
        && SourceKind == o.SourceKind
        && ReferenceEquals(ReportingEntity, o.ReportingEntity)
        && ReferenceEquals(ReportingEntityType, o.ReportingEntityType)
        && ReferenceEquals(PlanId, o.PlanId)
        && ReferenceEquals(PlanIdType, o.PlanIdType)
        && ReferenceEquals(PlanMarketType, o.PlanMarketType)
        && ReferenceEquals(Network, o.Network)
        && ReferenceEquals(BillingCodeType, o.BillingCodeType)
        && ReferenceEquals(BillingCodeTypeVersion, o.BillingCodeTypeVersion)
        && ReferenceEquals(NegotiationArrangement, o.NegotiationArrangement);

    /// <summary>The observation of one of this item's prices.</summary>
    public RateObservation Observation(in RatePrice p) => new()
    {
        SourceFile = SourceFile,
        SourceKind = SourceKind,
        Locator = p.Locator,
        ReportingEntity = ReportingEntity,
        ReportingEntityType = ReportingEntityType,
        Payer = Payer,
        Plan = Plan,
        PlanId = PlanId,
        PlanIdType = PlanIdType,
        PlanMarketType = PlanMarketType,
        Network = Network,
        BillingCode = BillingCode,
        BillingCodeType = BillingCodeType,
        BillingCodeTypeVersion = BillingCodeTypeVersion,
        Modifiers = p.Modifiers,
        NegotiationArrangement = NegotiationArrangement,
        NegotiatedType = p.NegotiatedType,
        Rate = p.Rate,
        RateIsPercentage = p.RateIsPercentage,
        BillingClass = p.BillingClass,
        Setting = p.Setting,
        PlacesOfService = p.PlacesOfService,
        ProviderNpiCount = p.ProviderNpiCount,
        ProviderTinCount = p.ProviderTinCount,
        ExpirationDate = p.ExpirationDate,
        AdditionalInformation = p.AdditionalInformation,
    };
}

/// <summary>
/// A sink that takes prices with their shared columns once per run (<see cref="RateItem"/>) instead of one full
/// <see cref="RateObservation"/> each: the TiC in-network reader uses it when the sink offers it (the rate lake's
/// writer does), every other reader writes observations. Both forms describe the same rows.
/// </summary>
public interface IRatePriceSink : IRateSink
{
    /// <summary>Prices of <paramref name="item"/>, in file order; the span is the reader's and reused after the call.</summary>
    void Write(RateItem item, ReadOnlySpan<RatePrice> prices);
}
