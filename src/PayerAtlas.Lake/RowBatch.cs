using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Up to <see cref="MaxRows"/> observations of one partition, as the readers gave them: one Parquet row group. Rows, not
/// columns: the reader's thread appends each observation with one contiguous copy (hundreds of partitions fill at
/// once, and 29 column arrays per partition would cost a cache miss per column per row); the encoder turns the rows
/// into columns (<see cref="LakeColumns"/>). The array starts small and doubles up to the row-group size, rented from
/// and returned to the writer's shelf, so the steady state allocates nothing.
/// </summary>
internal sealed class RowBatch
{
    readonly ArrayShelf<RateObservation> shelf;
    RateObservation[] rows;

    public RowBatch(int maxRows, ArrayShelf<RateObservation> shelf)
    {
        MaxRows = maxRows;
        this.shelf = shelf;
        rows = shelf.Rent(Math.Min(InitialRows, maxRows));
    }

    /// <summary>Rows a new (or recycled) batch has room for: small, since hundreds of partitions may be open at once.</summary>
    public const int InitialRows = 64;

    /// <summary>The row-group size: a batch never grows past it.</summary>
    public int MaxRows { get; }
    public int Count { get; private set; }
    public bool IsFull => Count >= MaxRows;

    /// <summary>The partition the rows belong to (set when the batch is taken from the pool).</summary>
    public PartitionKey Partition { get; set; } = new("", "");

    public ReadOnlySpan<RateObservation> Rows => rows.AsSpan(0, Count);

    public void Add(in RateObservation o)
    {
        if (Count == rows.Length)
        {
            Grow();
        }

        rows[Count++] = o;
    }

    void Grow()
    {
        var next = shelf.Rent(Math.Min(rows.Length * 2, MaxRows));
        rows.AsSpan(0, Count).CopyTo(next);
        shelf.Return(rows, Count);
        rows = next;
    }

    /// <summary>Empties the batch: its array goes back to the shelf and it keeps a small one, ready for any partition.</summary>
    public void Clear()
    {
        if (rows.Length > InitialRows)
        {
            shelf.Return(rows, Count);
            rows = shelf.Rent(Math.Min(InitialRows, MaxRows));
        }
        else
        {
            rows.AsSpan(0, Count).Clear();
        }

        Count = 0;
    }

    /// <summary>Gives the array back (the batch is not used again).</summary>
    public void Release()
    {
        shelf.Return(rows, Count);
        rows = [];
        Count = 0;
    }

    public static string KindName(RateSourceKind kind) => kind switch
    {
        RateSourceKind.TicInNetwork => "tic-in-network",
        RateSourceKind.TicAllowedAmount => "tic-allowed-amount",
        RateSourceKind.HospitalStandardCharges => "hospital-standard-charges",
        _ => kind.ToString(),
    };

    public static string? ClassName(BillingClass? billingClass) => billingClass switch
    {
        null => null,
        BillingClass.Professional => "professional",
        BillingClass.Institutional => "institutional",
        BillingClass.Both => "both",
        _ => billingClass.ToString(),
    };
}

/// <summary>One Hive partition: payer slug and code prefix.</summary>
internal readonly record struct PartitionKey(string PayerSlug, string CodePrefix);
