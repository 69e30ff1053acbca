using System.Collections.Concurrent;
using System.Threading.Channels;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Writes observations into part files in one staging folder, partitioned by payer and code prefix. The reader's
/// thread only copies fields into per-partition column batches; full batches go through bounded channels to background
/// Parquet encoders (so parsing and encoding use both cores, and a slow disk slows the reader instead of growing
/// memory). <see cref="RateLake"/> moves the parts into place once the source was read whole.
/// </summary>
public sealed class LakeWriter : IRateSink, IAsyncDisposable
{
    readonly LakeWriterOptions options;
    readonly Encoder[] encoders;
    readonly ConcurrentQueue<RowBatch> pool = new();
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
        encoders = Enumerable.Range(0, share)
            .Select(i => new Encoder(this,
                new PartFileWriter(stagingFolder, Math.Max(1, this.options.MaxOpenFiles / share), Math.Max(1, this.options.MaxOpenRowGroups / share)),
                new SpillFiles(Path.Combine(Path.GetDirectoryName(stagingFolder)!, "spill", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Math.Max(1, this.options.MaxOpenFiles / share))))
            .ToArray();
    }

    public string StagingFolder { get; }

    /// <summary>Observations accepted so far.</summary>
    public long Observations { get; private set; }

    public void Write(RateObservation observation)
    {
        var slot = ReferenceEquals(observation.Payer, lastPayer) && ReferenceEquals(observation.BillingCode, lastCode) && lastSlot is not null
            ? lastSlot
            : Find(observation);
        if (slot.Batch is null)
        {
            if (openSlots.Count >= options.MaxOpenBatches)
            {
                FlushLargest();
            }

            slot.Batch = Rent(slot.Key);
            openSlots.Add(slot);
        }

        slot.Batch.Add(observation);
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

        foreach (var compacted in await Task.WhenAll(encoders.Select(e => Task.Run(() => CompactAsync(e)))).ConfigureAwait(false))
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
            e.Spill.Dispose();
            await e.Files.DisposeAsync().ConfigureAwait(false);
        }

        abort.Dispose();
    }

    Slot Find(RateObservation o)
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

    /// <summary>Keeps a few emptied batches for reuse (enough for the queues); the rest go to the GC.</summary>
    void Recycle(RowBatch batch)
    {
        batch.Clear();
        if (pool.Count < (encoders.Length * options.QueuedBatches) + 8)
        {
            pool.Enqueue(batch);
        }
    }

    RowBatch Rent(PartitionKey key)
    {
        var batch = pool.TryDequeue(out var b) ? b : new RowBatch(options.RowGroupRows);
        batch.Partition = key;
        return batch;
    }

    async Task DrainAsync(Encoder encoder)
    {
        try
        {
            await foreach (var batch in encoder.Queue.Reader.ReadAllAsync(abort.Token).ConfigureAwait(false))
            {
                encoder.Spill.Append(batch);
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

    /// <summary>
    /// Once the source is read: each partition's spill becomes one part file of full row groups. Parquet.Net's cost
    /// is mostly per column chunk, so this is several times cheaper than writing the small batches a source that
    /// interleaves hundreds of code prefixes flushes (measured: 13,431 part files and 5.8 MB/s for 1 GB before).
    /// </summary>
    async Task<IReadOnlyList<StagedPart>> CompactAsync(Encoder encoder)
    {
        encoder.Spill.CloseAll();
        var batch = new RowBatch(options.RowGroupRows, options.RowGroupRows);
        foreach (var key in encoder.Spill.Partitions.ToList())
        {
            batch.Partition = key;
            using (var reader = encoder.Spill.OpenRead(key))
            {
                while (SpillCodec.Read(reader, batch))
                {
                    if (batch.Count >= options.RowGroupRows)
                    {
                        await encoder.Files.WriteAsync(batch, abort.Token).ConfigureAwait(false);
                        batch.Clear(shrink: false);
                    }
                }
            }

            if (batch.Count > 0)
            {
                await encoder.Files.WriteAsync(batch, abort.Token).ConfigureAwait(false);
                batch.Clear(shrink: false);
            }

            await encoder.Files.CloseAsync(key).ConfigureAwait(false);
        }

        return await encoder.Files.FinishAsync().ConfigureAwait(false);
    }

    /// <summary>One encoder: its queue of full batches, its spill, its part files, its background task.</summary>
    sealed class Encoder
    {
        public Encoder(LakeWriter owner, PartFileWriter files, SpillFiles spill)
        {
            Files = files;
            Spill = spill;
            Queue = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(Math.Max(1, owner.options.QueuedBatches))
            {
                SingleReader = true,
                SingleWriter = true,
            });
            Drain = Task.Run(() => owner.DrainAsync(this));
        }

        public Channel<RowBatch> Queue { get; }
        public PartFileWriter Files { get; }
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
