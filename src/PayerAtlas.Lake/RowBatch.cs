using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Up to <see cref="MaxRows"/> observations of one partition, column by column: one Parquet row group. Arrays start small and
/// double up to the row-group size; batches are pooled and reused, so the steady state allocates no arrays; the strings are the readers' (interned) instances.
/// </summary>
internal sealed class RowBatch
{
    public RowBatch(int maxRows, int initialRows = InitialRows)
    {
        MaxRows = maxRows;
        Allocate(Math.Min(initialRows, maxRows));
    }

    /// <summary>Rows a new (or recycled) batch has room for: small, since hundreds of partitions may be open at once.</summary>
    public const int InitialRows = 64;

    /// <summary>The row-group size: a batch never grows past it.</summary>
    public int MaxRows { get; }
    public int Count { get; private set; }
    public bool IsFull => Count == MaxRows;

    /// <summary>The partition the rows belong to (set when the batch is taken from the pool).</summary>
    public PartitionKey Partition { get; set; } = new("", "");

    public string?[] SourceFile = [];
    public string?[] SourceKind = [];
    public string?[] Locator = [];
    public string?[] ReportingEntity = [];
    public string?[] ReportingEntityType = [];
    public string?[] PayerName = [];
    public string?[] Plan = [];
    public string?[] PlanId = [];
    public string?[] PlanIdType = [];
    public string?[] PlanMarketType = [];
    public string?[] Network = [];
    public string?[] BillingCode = [];
    public string?[] BillingCodeType = [];
    public string?[] BillingCodeTypeVersion = [];
    public string?[] Modifiers = [];
    public string?[] NegotiationArrangement = [];
    public string?[] NegotiatedType = [];
    public double?[] Rate = [];
    public bool?[] RateIsPercentage = [];
    public double?[] BilledCharge = [];
    public string?[] Algorithm = [];
    public string?[] BillingClass = [];
    public string?[] Setting = [];
    public string?[] PlacesOfService = [];
    public int?[] ProviderNpiCount = [];
    public int?[] ProviderTinCount = [];
    public string?[] State = [];
    public DateOnly?[] ExpirationDate = [];
    public string?[] AdditionalInformation = [];

    /// <summary>Makes room for <paramref name="rows"/> more rows (spill read-back fills the arrays directly) and counts them.</summary>
    public int Extend(int rows)
    {
        var start = Count;
        if (start + rows > SourceFile.Length)
        {
            Allocate(Math.Min(Math.Max(start + rows, SourceFile.Length * 2), Math.Max(MaxRows, start + rows)));
        }

        Count += rows;
        return start;
    }

    public void Add(RateObservation o)
    {
        if (Count == SourceFile.Length)
        {
            Allocate(Math.Min(SourceFile.Length * 2, MaxRows));
        }

        var i = Count++;
        SourceFile[i] = o.SourceFile;
        SourceKind[i] = KindName(o.SourceKind);
        Locator[i] = o.Locator;
        ReportingEntity[i] = o.ReportingEntity;
        ReportingEntityType[i] = o.ReportingEntityType;
        PayerName[i] = o.Payer;
        Plan[i] = o.Plan;
        PlanId[i] = o.PlanId;
        PlanIdType[i] = o.PlanIdType;
        PlanMarketType[i] = o.PlanMarketType;
        Network[i] = o.Network;
        BillingCode[i] = o.BillingCode;
        BillingCodeType[i] = o.BillingCodeType;
        BillingCodeTypeVersion[i] = o.BillingCodeTypeVersion;
        Modifiers[i] = o.Modifiers;
        NegotiationArrangement[i] = o.NegotiationArrangement;
        NegotiatedType[i] = o.NegotiatedType;
        Rate[i] = o.Rate is { } r ? (double)r : null;
        RateIsPercentage[i] = o.RateIsPercentage;
        BilledCharge[i] = o.BilledCharge is { } c ? (double)c : null;
        Algorithm[i] = o.Algorithm;
        BillingClass[i] = ClassName(o.BillingClass);
        Setting[i] = o.Setting;
        PlacesOfService[i] = o.PlacesOfService;
        ProviderNpiCount[i] = o.ProviderNpiCount;
        ProviderTinCount[i] = o.ProviderTinCount;
        State[i] = o.State;
        ExpirationDate[i] = o.ExpirationDate;
        AdditionalInformation[i] = o.AdditionalInformation;
    }

    void Allocate(int rows)
    {
        Array.Resize(ref SourceFile, rows);
        Array.Resize(ref SourceKind, rows);
        Array.Resize(ref Locator, rows);
        Array.Resize(ref ReportingEntity, rows);
        Array.Resize(ref ReportingEntityType, rows);
        Array.Resize(ref PayerName, rows);
        Array.Resize(ref Plan, rows);
        Array.Resize(ref PlanId, rows);
        Array.Resize(ref PlanIdType, rows);
        Array.Resize(ref PlanMarketType, rows);
        Array.Resize(ref Network, rows);
        Array.Resize(ref BillingCode, rows);
        Array.Resize(ref BillingCodeType, rows);
        Array.Resize(ref BillingCodeTypeVersion, rows);
        Array.Resize(ref Modifiers, rows);
        Array.Resize(ref NegotiationArrangement, rows);
        Array.Resize(ref NegotiatedType, rows);
        Array.Resize(ref Rate, rows);
        Array.Resize(ref RateIsPercentage, rows);
        Array.Resize(ref BilledCharge, rows);
        Array.Resize(ref Algorithm, rows);
        Array.Resize(ref BillingClass, rows);
        Array.Resize(ref Setting, rows);
        Array.Resize(ref PlacesOfService, rows);
        Array.Resize(ref ProviderNpiCount, rows);
        Array.Resize(ref ProviderTinCount, rows);
        Array.Resize(ref State, rows);
        Array.Resize(ref ExpirationDate, rows);
        Array.Resize(ref AdditionalInformation, rows);
    }

    /// <summary>Empties the batch, dropping its string references so pooled batches keep no source data alive.</summary>
    public void Clear(bool shrink = true)
    {
        foreach (var column in new[]
                 {
                     SourceFile, SourceKind, Locator, ReportingEntity, ReportingEntityType, PayerName, Plan, PlanId, PlanIdType,
                     PlanMarketType, Network, BillingCode, BillingCodeType, BillingCodeTypeVersion, Modifiers,
                     NegotiationArrangement, NegotiatedType, Algorithm, BillingClass, Setting, PlacesOfService, State,
                     AdditionalInformation,
                 })
        {
            Array.Clear(column, 0, Count);
        }

        Count = 0;

        // A recycled batch serves any partition next, most of them small: drop the room a big one grew.
        if (shrink && SourceFile.Length > 4 * InitialRows)
        {
            Allocate(InitialRows);
        }
    }

    public static string KindName(RateSourceKind kind) => kind switch
    {
        RateSourceKind.TicInNetwork => "tic-in-network",
        RateSourceKind.TicAllowedAmount => "tic-allowed-amount",
        RateSourceKind.HospitalStandardCharges => "hospital-standard-charges",
        _ => kind.ToString(),
    };

    public static string? ClassName(Rates.BillingClass? billingClass) => billingClass switch
    {
        null => null,
        Rates.BillingClass.Professional => "professional",
        Rates.BillingClass.Institutional => "institutional",
        Rates.BillingClass.Both => "both",
        _ => billingClass.ToString(),
    };
}

/// <summary>One Hive partition: payer slug and code prefix.</summary>
internal readonly record struct PartitionKey(string PayerSlug, string CodePrefix);
