using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// The lake's 22 string columns, numbered in <see cref="LakeSchema.Fields"/> order, read off an observation in two
/// parts: the <em>item</em> columns, constant across a TiC <c>in_network</c> item (source, entity, payer, plan, code,
/// arrangement), and the <em>price</em> columns, which change from price to price.
/// </summary>
internal static class LakeStrings
{
    public const int Count = 22;

    /// <summary>The item columns, by column number.</summary>
    public static ReadOnlySpan<int> ItemColumns => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14];

    /// <summary>The price columns, by column number.</summary>
    public static ReadOnlySpan<int> PriceColumns => [13, 15, 16, 17, 18, 19, 20, 21];

    /// <summary>The position of column <paramref name="column"/> among the price columns, or -1 for an item column.</summary>
    public static int PricePosition(int column) => PriceColumns.IndexOf(column);

    public const int ItemCount = 14;
    public const int PriceCount = 8;

    /// <summary>Copies the item's columns into <paramref name="head"/>, in <see cref="ItemColumns"/> order.</summary>
    public static void FillItem(string?[] head, RateItem o)
    {
        head[0] = o.SourceFile;
        head[1] = KindName(o.SourceKind);
        head[2] = o.ReportingEntity;
        head[3] = o.ReportingEntityType;
        head[4] = o.Payer;
        head[5] = o.Plan;
        head[6] = o.PlanId;
        head[7] = o.PlanIdType;
        head[8] = o.PlanMarketType;
        head[9] = o.Network;
        head[10] = o.BillingCode;
        head[11] = o.BillingCodeType;
        head[12] = o.BillingCodeTypeVersion;
        head[13] = o.NegotiationArrangement;
    }

    /// <summary>True when <paramref name="head"/> holds the item's columns as the same instances.</summary>
    public static bool SameItem(string?[] head, RateItem o) =>
        ReferenceEquals(head[10], o.BillingCode)
        && ReferenceEquals(head[4], o.Payer)
        && ReferenceEquals(head[5], o.Plan)
        && ReferenceEquals(head[9], o.Network)
        && ReferenceEquals(head[0], o.SourceFile)
        && ReferenceEquals(head[1], KindName(o.SourceKind))
        && ReferenceEquals(head[2], o.ReportingEntity)
        && ReferenceEquals(head[3], o.ReportingEntityType)
        && ReferenceEquals(head[6], o.PlanId)
        && ReferenceEquals(head[7], o.PlanIdType)
        && ReferenceEquals(head[8], o.PlanMarketType)
        && ReferenceEquals(head[11], o.BillingCodeType)
        && ReferenceEquals(head[12], o.BillingCodeTypeVersion)
        && ReferenceEquals(head[13], o.NegotiationArrangement);

    /// <summary>Copies the observation's price columns into <paramref name="head"/>, in <see cref="PriceColumns"/> order.</summary>
    public static void FillPrice(string?[] head, in LakeRow o)
    {
        head[0] = o.Modifiers;
        head[1] = o.NegotiatedType;
        head[2] = o.Algorithm;
        head[3] = ClassName(o.BillingClass);
        head[4] = o.Setting;
        head[5] = o.PlacesOfService;
        head[6] = o.State;
        head[7] = o.AdditionalInformation;
    }

    /// <summary>True when <paramref name="head"/> holds the observation's price columns as the same instances.</summary>
    public static bool SamePrice(string?[] head, in LakeRow o) =>
        ReferenceEquals(head[1], o.NegotiatedType)
        && ReferenceEquals(head[3], ClassName(o.BillingClass))
        && ReferenceEquals(head[5], o.PlacesOfService)
        && ReferenceEquals(head[0], o.Modifiers)
        && ReferenceEquals(head[2], o.Algorithm)
        && ReferenceEquals(head[4], o.Setting)
        && ReferenceEquals(head[6], o.State)
        && ReferenceEquals(head[7], o.AdditionalInformation);

    public static string KindName(RateSourceKind kind) => kind switch
    {
        RateSourceKind.TicInNetwork => "tic-in-network",
        RateSourceKind.TicAllowedAmount => "tic-allowed-amount",
        RateSourceKind.HospitalStandardCharges => "hospital-standard-charges",
        _ => kind.ToString(),
    };

    static readonly string[] ClassNames = ["professional", "institutional", "both"];

    public static string? ClassName(BillingClass? billingClass) => billingClass is not { } c ? null
        : (uint)c < (uint)ClassNames.Length ? ClassNames[(int)c]
        : c.ToString();
}
