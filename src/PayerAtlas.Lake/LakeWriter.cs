using System.Collections.Concurrent;
using System.Threading.Channels;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Writes observations into part files in one staging folder, partitioned by payer and code prefix. The reader's
/// thread only copies fields into per-partition column batches; full batches go through a bounded channel to one
/// background task that encodes Parquet (so parsing and encoding use both cores, and a slow disk slows the reader
/// instead of growing memory). <see cref="RateLake"/> moves the parts into place once the source was read whole.
/// </summary>
public sealed class LakeWriter : IRateSink, IAsyncDisposable
{
    readonly LakeWriterOptions options;
    readonly Channel<RowBatch> queue;
    readonly ConcurrentQueue<RowBatch> pool = new();
    readonly PartFileWriter files;
    readonly Task background;
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
        files = new PartFileWriter(stagingFolder, this.options.MaxOpenFiles);
        queue = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(Math.Max(1, this.options.QueuedBatches))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        background = Task.Run(DrainAsync);
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
        queue.Writer.TryComplete();
        await background.ConfigureAwait(false);
        return await files.FinishAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!finished)
        {
            finished = true;
            await abort.CancelAsync().ConfigureAwait(false);
            queue.Writer.TryComplete();
            try
            {
                await background.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
            }
        }

        await files.DisposeAsync().ConfigureAwait(false);
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
            pool.Enqueue(batch);
            return;
        }

        // Back-pressure: the reader waits here while the Parquet thread is behind by QueuedBatches.
        while (!queue.Writer.TryWrite(batch))
        {
            if (background.IsCompleted)
            {
                background.GetAwaiter().GetResult();
                throw new InvalidOperationException("the lake writer stopped");
            }

            queue.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    RowBatch Rent(PartitionKey key)
    {
        var batch = pool.TryDequeue(out var b) ? b : new RowBatch(options.RowGroupRows);
        batch.Partition = key;
        return batch;
    }

    async Task DrainAsync()
    {
        try
        {
            await foreach (var batch in queue.Reader.ReadAllAsync(abort.Token).ConfigureAwait(false))
            {
                await files.WriteAsync(batch, abort.Token).ConfigureAwait(false);
                batch.Clear();
                pool.Enqueue(batch);
            }
        }
        catch
        {
            // Unblock a reader waiting on a full queue; the fault surfaces from Flush or FinishAsync.
            queue.Writer.TryComplete();
            throw;
        }
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
