using System.Collections.Concurrent;
using System.Threading.Channels;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Writes observations into part files in one staging folder, partitioned by payer and code prefix. The reader's
/// thread only copies fields into per-partition column batches; full batches (or the largest, when
/// <see cref="LakeWriterOptions.MaxBufferedRows"/> is reached) go through bounded channels to background Parquet
/// encoders that append each as a row group to its partition's part file (so parsing and encoding use both cores, and
/// a slow disk slows the reader instead of growing memory). <see cref="RateLake"/> moves the parts into place once the
/// source was read whole.
/// </summary>
public sealed class LakeWriter : IRateSink, IAsyncDisposable
{
    readonly LakeWriterOptions options;
    readonly Encoder[] encoders;
    readonly ConcurrentQueue<RowBatch> pool = new();
    readonly ArrayShelf<RateObservation> arrays;
    readonly CancellationTokenSource abort = new();
    readonly Dictionary<string, PayerSlots> payers = new(StringComparer.Ordinal);
    readonly List<Slot> openSlots = [];
    string? lastPayer;
    string? lastCode;
    Slot? lastSlot;
    int bufferedRows;
    bool finished;

    public LakeWriter(string stagingFolder, LakeWriterOptions? options = null)
    {
        this.options = options ?? new LakeWriterOptions();
        StagingFolder = stagingFolder;
        Directory.CreateDirectory(stagingFolder);
        var share = Math.Max(1, this.options.Encoders);

        // Spare arrays kept for reuse, as many rows as the budget: enough that batches regrowing after a flush find theirs.
        arrays = new ArrayShelf<RateObservation>(Math.Max(this.options.RowGroupRows, this.options.MaxBufferedRows));
        encoders = Enumerable.Range(0, share)
            .Select(_ => new Encoder(this, new PartFileWriter(
                stagingFolder, Math.Max(1, this.options.MaxOpenFiles / share), Math.Max(1, this.options.MaxOpenRowGroups / share))))
            .ToArray();
    }

    public string StagingFolder { get; }

    /// <summary>Observations accepted so far.</summary>
    public long Observations { get; private set; }

    public void Write(in RateObservation observation)
    {
        var slot = ReferenceEquals(observation.Payer, lastPayer) && ReferenceEquals(observation.BillingCode, lastCode) && lastSlot is not null
            ? lastSlot
            : Find(in observation);
        if (slot.Batch is null)
        {
            if (openSlots.Count >= options.MaxOpenBatches)
            {
                FlushLargest();
            }

            slot.Batch = Rent(slot.Key);
            openSlots.Add(slot);
        }

        slot.Batch.Add(in observation);
        Observations++;
        bufferedRows++;
        if (slot.Batch.IsFull)
        {
            Flush(slot);
        }
        else if (bufferedRows > options.MaxBufferedRows)
        {
            FlushLargest();
        }
    }

    /// <summary>Flushes every batch, waits for the Parquet thread and closes the files; returns the staged parts.</summary>
    internal async Task<IReadOnlyList<StagedPart>> FinishAsync()
    {
        foreach (var slot in openSlots.ToList())
        {
            Flush(slot);
        }

        finished = true;
        var parts = new List<StagedPart>();
        foreach (var e in encoders)
        {
            e.Queue.Writer.TryComplete();
        }

        foreach (var e in encoders)
        {
            await e.Drain.ConfigureAwait(false);
        }

        foreach (var e in encoders)
        {
            parts.AddRange(e.Files.Finish());
        }

        return parts;
    }

    public async ValueTask DisposeAsync()
    {
        if (!finished)
        {
            finished = true;
            await abort.CancelAsync().ConfigureAwait(false);
            foreach (var e in encoders)
            {
                e.Queue.Writer.TryComplete();
                try
                {
                    await e.Drain.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                }
            }
        }

        foreach (var e in encoders)
        {
            e.Files.Dispose();
        }

        abort.Dispose();
    }

    Slot Find(in RateObservation o)
    {
        if (!payers.TryGetValue(o.Payer, out var slots))
        {
            slots = new PayerSlots(LakeLayout.PayerSlug(o.Payer));
            payers.Add(o.Payer, slots);
        }

        var code = o.BillingCode.AsSpan();
        var raw = code[..Math.Min(code.Length, 3)];
        var lookup = slots.ByRawPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(raw, out var slot))
        {
            slot = new Slot(new PartitionKey(slots.Slug, LakeLayout.CodePrefix(raw)));
            lookup[raw] = slot;
        }

        lastPayer = o.Payer;
        lastCode = o.BillingCode;
        lastSlot = slot;
        return slot;
    }

    void FlushLargest()
    {
        Slot? largest = null;
        foreach (var s in openSlots)
        {
            if (largest is null || s.Batch!.Count > largest.Batch!.Count)
            {
                largest = s;
            }
        }

        if (largest is not null)
        {
            Flush(largest);
        }
    }

    void Flush(Slot slot)
    {
        var batch = slot.Batch!;
        slot.Batch = null;
        openSlots.Remove(slot);
        bufferedRows -= batch.Count;
        if (batch.Count == 0)
        {
            Recycle(batch);
            return;
        }

        // A partition always goes to the same encoder (its part files are that encoder's). Back-pressure: the reader
        // waits here while that encoder is behind by QueuedBatches.
        var encoder = encoders[(int)((uint)batch.Partition.GetHashCode() % (uint)encoders.Length)];
        while (!encoder.Queue.Writer.TryWrite(batch))
        {
            if (encoder.Drain.IsCompleted)
            {
                encoder.Drain.GetAwaiter().GetResult();
                throw new InvalidOperationException("the lake writer stopped");
            }

            encoder.Queue.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Keeps emptied batches for reuse; past <see cref="PooledBatches"/> a batch gives its arrays back and goes to the GC.</summary>
    void Recycle(RowBatch batch)
    {
        if (pool.Count < PooledBatches)
        {
            batch.Clear();
            pool.Enqueue(batch);
        }
        else
        {
            batch.Release();
        }
    }

    const int PooledBatches = 256;

    RowBatch Rent(PartitionKey key)
    {
        var batch = pool.TryDequeue(out var b) ? b : new RowBatch(options.RowGroupRows, arrays);
        batch.Partition = key;
        return batch;
    }

    async Task DrainAsync(Encoder encoder)
    {
        try
        {
            await foreach (var batch in encoder.Queue.Reader.ReadAllAsync(abort.Token).ConfigureAwait(false))
            {
                encoder.Files.Write(batch);
                Recycle(batch);
            }
        }
        catch
        {
            // Unblock a reader waiting on a full queue; the fault surfaces from Flush or FinishAsync.
            encoder.Queue.Writer.TryComplete();
            throw;
        }
    }

    /// <summary>One encoder: its queue of full batches, its part files, its background task.</summary>
    sealed class Encoder
    {
        public Encoder(LakeWriter owner, PartFileWriter files)
        {
            Files = files;
            Queue = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(Math.Max(1, owner.options.QueuedBatches))
            {
                SingleReader = true,
                SingleWriter = true,
            });
            Drain = Task.Run(() => owner.DrainAsync(this));
        }

        public Channel<RowBatch> Queue { get; }
        public PartFileWriter Files { get; }
        public Task Drain { get; }
    }

    sealed class PayerSlots(string slug)
    {
        public string Slug { get; } = slug;
        public Dictionary<string, Slot> ByRawPrefix { get; } = new(StringComparer.Ordinal);
    }

    sealed class Slot(PartitionKey key)
    {
        public PartitionKey Key { get; } = key;
        public RowBatch? Batch { get; set; }
    }
}
