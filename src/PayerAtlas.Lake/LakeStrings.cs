using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>The lake's 22 string columns, numbered in <see cref="LakeSchema.Fields"/> order, read off an observation.</summary>
internal static class LakeStrings
{
    public const int Count = 22;

    public static string? Get(in RateObservation o, int column) => column switch
    {
        0 => o.SourceFile,
        1 => RowBatch.KindName(o.SourceKind),
        2 => o.ReportingEntity,
        3 => o.ReportingEntityType,
        4 => o.Payer,
        5 => o.Plan,
        6 => o.PlanId,
        7 => o.PlanIdType,
        8 => o.PlanMarketType,
        9 => o.Network,
        10 => o.BillingCode,
        11 => o.BillingCodeType,
        12 => o.BillingCodeTypeVersion,
        13 => o.Modifiers,
        14 => o.NegotiationArrangement,
        15 => o.NegotiatedType,
        16 => o.Algorithm,
        17 => RowBatch.ClassName(o.BillingClass),
        18 => o.Setting,
        19 => o.PlacesOfService,
        20 => o.State,
        21 => o.AdditionalInformation,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
