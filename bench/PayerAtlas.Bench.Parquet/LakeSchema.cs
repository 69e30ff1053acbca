using Parquet.Schema;

namespace PayerAtlas.Bench.Parquet;

/// <summary>
/// The lake's 29 columns as Parquet.Net declares them, for this bench's baseline writer: the same names and types as
/// <see cref="PayerAtlas.Lake.LakeSchema.Fields"/>, in the same order.
/// </summary>
internal static class LakeSchema
{
    public static readonly DataField<string> SourceFile = new("source_file", true);
    public static readonly DataField<string> SourceKind = new("source_kind", true);
    public static readonly DataField<string> Locator = new("locator", true);
    public static readonly DataField<string> ReportingEntity = new("reporting_entity", true);
    public static readonly DataField<string> ReportingEntityType = new("reporting_entity_type", true);
    public static readonly DataField<string> PayerName = new("payer_name", true);
    public static readonly DataField<string> Plan = new("plan_name", true);
    public static readonly DataField<string> PlanId = new("plan_id", true);
    public static readonly DataField<string> PlanIdType = new("plan_id_type", true);
    public static readonly DataField<string> PlanMarketType = new("plan_market_type", true);
    public static readonly DataField<string> Network = new("network", true);
    public static readonly DataField<string> BillingCode = new("billing_code", true);
    public static readonly DataField<string> BillingCodeType = new("billing_code_type", true);
    public static readonly DataField<string> BillingCodeTypeVersion = new("billing_code_type_version", true);
    public static readonly DataField<string> Modifiers = new("modifiers", true);
    public static readonly DataField<string> NegotiationArrangement = new("negotiation_arrangement", true);
    public static readonly DataField<string> NegotiatedType = new("negotiated_type", true);
    public static readonly DataField<double?> Rate = new("rate");
    public static readonly DataField<bool?> RateIsPercentage = new("rate_is_percentage");
    public static readonly DataField<double?> BilledCharge = new("billed_charge");
    public static readonly DataField<string> Algorithm = new("algorithm", true);
    public static readonly DataField<string> BillingClass = new("billing_class", true);
    public static readonly DataField<string> Setting = new("setting", true);
    public static readonly DataField<string> PlacesOfService = new("places_of_service", true);
    public static readonly DataField<int?> ProviderNpiCount = new("provider_npi_count");
    public static readonly DataField<int?> ProviderTinCount = new("provider_tin_count");
    public static readonly DataField<string> State = new("state", true);
    public static readonly DataField<DateOnly?> ExpirationDate = new("expiration_date");
    public static readonly DataField<string> AdditionalInformation = new("additional_information", true);

    public static readonly ParquetSchema Schema = new(
        SourceFile, SourceKind, Locator, ReportingEntity, ReportingEntityType, PayerName, Plan, PlanId, PlanIdType,
        PlanMarketType, Network, BillingCode, BillingCodeType, BillingCodeTypeVersion, Modifiers, NegotiationArrangement,
        NegotiatedType, Rate, RateIsPercentage, BilledCharge, Algorithm, BillingClass, Setting, PlacesOfService, ProviderNpiCount,
        ProviderTinCount, State, ExpirationDate, AdditionalInformation);
}
