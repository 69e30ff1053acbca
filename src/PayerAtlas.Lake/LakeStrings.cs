using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>The lake's 22 string columns, numbered in <see cref="LakeSchema.Fields"/> order, read off an observation.</summary>
internal static class LakeStrings
{
    public const int Count = 22;

    /// <summary>Adds the observation's 22 string columns, in order, to their runs.</summary>
    public static void AddRow(StringRuns[] runs, in RateObservation o)
    {
        runs[0].AddRow(o.SourceFile);
        runs[1].AddRow(RowBatch.KindName(o.SourceKind));
        runs[2].AddRow(o.ReportingEntity);
        runs[3].AddRow(o.ReportingEntityType);
        runs[4].AddRow(o.Payer);
        runs[5].AddRow(o.Plan);
        runs[6].AddRow(o.PlanId);
        runs[7].AddRow(o.PlanIdType);
        runs[8].AddRow(o.PlanMarketType);
        runs[9].AddRow(o.Network);
        runs[10].AddRow(o.BillingCode);
        runs[11].AddRow(o.BillingCodeType);
        runs[12].AddRow(o.BillingCodeTypeVersion);
        runs[13].AddRow(o.Modifiers);
        runs[14].AddRow(o.NegotiationArrangement);
        runs[15].AddRow(o.NegotiatedType);
        runs[16].AddRow(o.Algorithm);
        runs[17].AddRow(RowBatch.ClassName(o.BillingClass));
        runs[18].AddRow(o.Setting);
        runs[19].AddRow(o.PlacesOfService);
        runs[20].AddRow(o.State);
        runs[21].AddRow(o.AdditionalInformation);
    }

    /// <summary>One string column per observation's runs: <see cref="Count"/> of them, in <see cref="AddRow"/>'s order.</summary>
    public static StringRuns[] NewRuns() => [.. Enumerable.Range(0, Count).Select(_ => new StringRuns())];
}
