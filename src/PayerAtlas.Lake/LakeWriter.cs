using System.Collections.Concurrent;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Writes observations into part files in one staging folder, partitioned by payer and code prefix. The reader's
/// thread only copies fields into per-partition column batches; full batches (or the largest, when
/// <see cref="LakeWriterOptions.MaxBufferedRows"/> is reached) go through bounded channels to background encoders that
/// append them to their partition's spill file in a compact form (parsing and spilling use both cores, and a slow disk
/// slows the reader instead of growing memory). Once the source is read, each partition's spill becomes one part file
/// of full row groups, the encoders working in parallel; <see cref="RateLake"/> moves the parts into place.
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
            .Select(i => new Encoder(this, new SpillFiles(
                Path.Combine(Path.GetDirectoryName(stagingFolder)!, "spill", i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Math.Max(1, this.options.MaxOpenFiles / share))))
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
            e.Queue.CompleteAdding();
        }

        foreach (var e in encoders)
        {
            await e.Drain.ConfigureAwait(false);
        }

        foreach (var compacted in await Task.WhenAll(encoders.Select(e => Task.Run(() => Compact(e)))).ConfigureAwait(false))
        {
            parts.AddRange(compacted);
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
                e.Queue.CompleteAdding();
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
            e.Spill.Dispose();
            e.Queue.Dispose();
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
        try
        {
            encoder.Queue.Add(batch);
        }
        catch (InvalidOperationException)
        {
            // The encoder stopped (its fault surfaces here) or the writer is finishing.
            encoder.Drain.GetAwaiter().GetResult();
            throw new InvalidOperationException("the lake writer stopped");
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

    /// <summary>An encoder's thread: spills the batches queued for it, in order.</summary>
    void Drain(Encoder encoder)
    {
        try
        {
            foreach (var batch in encoder.Queue.GetConsumingEnumerable(abort.Token))
            {
                encoder.Spill.Append(batch);
                Recycle(batch);
            }
        }
        catch
        {
            // Unblock a reader waiting on a full queue; the fault surfaces from Flush or FinishAsync.
            encoder.Queue.CompleteAdding();
            throw;
        }
    }

    /// <summary>
    /// Once the source is read: each of the encoder's partitions becomes one part file of full row groups, however
    /// finely the source interleaved its partitions (the per-row-group cost of Parquet is what this saves).
    /// </summary>
    IReadOnlyList<StagedPart> Compact(Encoder encoder)
    {
        encoder.Spill.CloseAll();
        var parts = new List<StagedPart>();
        using var files = new PartFileWriter(StagingFolder, options.RowGroupRows);
        foreach (var key in encoder.Spill.Partitions.ToList())
        {
            abort.Token.ThrowIfCancellationRequested();
            parts.Add(files.Write(key, encoder.Spill));
        }

        return parts;
    }

    /// <summary>One encoder: its queue of full batches, its spill files, its thread.</summary>
    sealed class Encoder
    {
        public Encoder(LakeWriter owner, SpillFiles spill)
        {
            Spill = spill;
            Queue = new BlockingCollection<RowBatch>(Math.Max(1, owner.options.QueuedBatches));

            // A thread of its own (not the pool's): blocked waits, no pool workers spinning for work on two cores.
            Drain = Task.Factory.StartNew(() => owner.Drain(this), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public BlockingCollection<RowBatch> Queue { get; }
        public SpillFiles Spill { get; }
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
