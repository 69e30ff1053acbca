using System.Collections.Concurrent;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Writes observations into part files in one staging folder, partitioned by payer and code prefix. The reader's
/// thread only copies each observation into a batch (one contiguous copy: the reader is the ingest's bottleneck); a
/// partitioner thread appends the batches' observations to their partitions' <see cref="PartitionRows"/> (a compact
/// in-memory form); a partition is handed to a background encoder as a row group when it reaches
/// <see cref="LakeWriterOptions.RowGroupRows"/>, or, when <see cref="LakeWriterOptions.MaxBufferedBytes"/> is reached,
/// if it is among the largest. Each encoder appends its row groups to its partitions' part files; once the source is
/// read every partition's remaining rows are written the same way, the encoders in parallel, and <see cref="RateLake"/>
/// moves the parts into place.
/// </summary>
public sealed class LakeWriter : IRateSink, IAsyncDisposable
{
    readonly LakeWriterOptions options;
    readonly Encoder[] encoders;
    readonly ArrayShelf<byte> blocks;
    readonly HeadTable<ItemColumns> items = new();
    readonly HeadTable<PriceColumns> prices = new();
    readonly CancellationTokenSource abort = new();
    readonly Dictionary<string, PayerSlots> payers = new(StringComparer.Ordinal);
    readonly List<Slot> slots = [];
    readonly object idle = new();
    readonly BlockingCollection<(RateObservation[] Rows, int Count)> filled = new(BatchesInFlight);
    readonly BlockingCollection<RateObservation[]> empty = new(BatchesInFlight + 2);
    readonly Task partitioner;
    RateObservation[] batch;
    int batchCount;
    string? lastPayer;
    string? lastCode;
    Slot? lastSlot;
    long bufferedBytes;
    int queued;
    bool finished;

    public LakeWriter(string stagingFolder, LakeWriterOptions? options = null)
    {
        this.options = options ?? new LakeWriterOptions();
        StagingFolder = stagingFolder;
        Directory.CreateDirectory(stagingFolder);
        var share = Math.Max(1, this.options.Encoders);

        // Blocks given back by the encoders are kept for the partitions that fill next, up to the budget: blocks in use
        // and blocks on the shelf never exceed what the budget allowed at its peak, and none is allocated twice (a
        // 5 GB ingest otherwise allocates and frees half a gigabyte of pinned blocks, and the kernel zeroes each page).
        blocks = new ArrayShelf<byte>(Math.Max(PartitionRows.BlockBytes, this.options.MaxBufferedBytes));
        // Each encoder creates its files in a folder of its own: file creation takes the folder's lock.
        encoders = Enumerable.Range(0, share)
            .Select(i => new Encoder(this, new PartFiles(
                stagingFolder, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Max(1, this.options.MaxOpenFiles / share), Math.Max(1, this.options.MaxOpenRowGroups / share))))
            .ToArray();
        for (var i = 0; i < BatchesInFlight + 1; i++)
        {
            empty.Add(new RateObservation[BatchRows]);
        }

        batch = new RateObservation[BatchRows];
        partitioner = Task.Factory.StartNew(Partition, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Observations per hand-off from the reader's thread to the partitioner's (~280 bytes each).</summary>
    const int BatchRows = 2_048;

    /// <summary>Batches waiting for the partitioner; past it the reader waits.</summary>
    const int BatchesInFlight = 2;

    public string StagingFolder { get; }

    /// <summary>Observations accepted so far.</summary>
    public long Observations { get; private set; }

    /// <summary>Copies the observation into the current batch; a full batch goes to the partitioner's thread.</summary>
    public void Write(in RateObservation observation)
    {
        batch[batchCount++] = observation;
        Observations++;
        if (batchCount == batch.Length)
        {
            HandOff();
        }
    }

    void HandOff()
    {
        try
        {
            filled.Add((batch, batchCount));
            batch = empty.Take();
        }
        catch (InvalidOperationException)
        {
            // The partitioner stopped: its fault (or an encoder's) surfaces here.
            partitioner.GetAwaiter().GetResult();
            throw new InvalidOperationException("the lake writer stopped");
        }

        batchCount = 0;
    }

    /// <summary>The partitioner's thread: places each observation of each batch in its partition, in order.</summary>
    void Partition()
    {
        try
        {
            foreach (var (rows, n) in filled.GetConsumingEnumerable(abort.Token))
            {
                for (var i = 0; i < n; i++)
                {
                    Place(in rows[i]);
                }

                empty.Add(rows);
            }
        }
        catch
        {
            // Unblock a reader waiting for an empty batch; the fault surfaces from HandOff or FinishAsync.
            filled.CompleteAdding();
            empty.CompleteAdding();
            throw;
        }
    }

    void Place(in RateObservation observation)
    {
        var slot = ReferenceEquals(observation.Payer, lastPayer) && ReferenceEquals(observation.BillingCode, lastCode) && lastSlot is not null
            ? lastSlot
            : Find(in observation);
        var headBytes = items.Bytes + prices.Bytes;
        var item = items.Find(in observation);
        var price = prices.Find(in observation);
        var rows = slot.Rows ??= new PartitionRows(slot.Key, blocks);
        bufferedBytes += rows.Add(in observation, item, price) + (items.Bytes + prices.Bytes - headBytes);
        if (rows.Count >= options.RowGroupRows
            || ((rows.Count & 1023) == 0 && rows.Count >= slot.EarlyRows && encoders[slot.Encoder].Queue.Count == 0))
        {
            // Full, or worth a row group while its encoder has nothing to do (writing then overlaps the read).
            Flush(slot);
        }
        else if (bufferedBytes > options.MaxBufferedBytes)
        {
            FlushLargest();
        }
    }

    /// <summary>Writes every partition's remaining rows, waits for the encoders and finishes the files; returns the staged parts.</summary>
    internal async Task<IReadOnlyList<StagedPart>> FinishAsync()
    {
        if (batchCount > 0)
        {
            HandOff();
        }

        filled.CompleteAdding();
        await partitioner.ConfigureAwait(false);
        FlushAll();
        finished = true;
        foreach (var e in encoders)
        {
            e.Queue.CompleteAdding();
        }

        foreach (var e in encoders)
        {
            await e.Drain.ConfigureAwait(false);
        }

        return [.. encoders.SelectMany(e => e.Files.FinishAll())];
    }

    public async ValueTask DisposeAsync()
    {
        if (!finished)
        {
            finished = true;
            await abort.CancelAsync().ConfigureAwait(false);
            filled.CompleteAdding();
            try
            {
                await partitioner.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
            }

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
            e.Files.Dispose();
            e.Queue.Dispose();
        }

        filled.Dispose();
        empty.Dispose();
        abort.Dispose();
    }

    Slot Find(in RateObservation o)
    {
        if (!payers.TryGetValue(o.Payer, out var payer))
        {
            payer = new PayerSlots(LakeLayout.PayerSlug(o.Payer));
            payers.Add(o.Payer, payer);
        }

        var code = o.BillingCode.AsSpan();
        var raw = code[..Math.Min(code.Length, 3)];
        var lookup = payer.ByRawPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(raw, out var slot))
        {
            // Prefixes that differ only in case or punctuation (and payer names with one slug) share a partition.
            var key = new PartitionKey(payer.Slug, LakeLayout.CodePrefix(raw));
            slot = slots.Find(s => s.Key == key) ?? NewSlot(key);
            lookup[raw] = slot;
        }

        lastPayer = o.Payer;
        lastCode = o.BillingCode;
        lastSlot = slot;
        return slot;
    }

    Slot NewSlot(PartitionKey key)
    {
        // Partitions go to the encoders in turn, so each gets an even share of them.
        var slot = new Slot(key, slots.Count % encoders.Length) { EarlyRows = Math.Max(1, options.EarlyRowGroupRows) };
        slots.Add(slot);
        return slot;
    }

    /// <summary>
    /// Hands the largest partitions to the encoders until a quarter of the budget is free. When the head tables alone
    /// hold a quarter of it (a source whose string columns rarely repeat), every partition is written and the tables
    /// start over.
    /// </summary>
    void FlushLargest()
    {
        if (items.Bytes + prices.Bytes > options.MaxBufferedBytes / 4)
        {
            FlushAll();
            WaitForEncoders();
            bufferedBytes -= items.Bytes + prices.Bytes;
            items.Clear();
            prices.Clear();
            return;
        }

        var target = options.MaxBufferedBytes / 4 * 3;
        foreach (var slot in slots.Where(s => s.Rows is not null).OrderByDescending(s => s.Rows!.Bytes).ToList())
        {
            if (bufferedBytes <= target)
            {
                break;
            }

            Flush(slot);
        }
    }

    /// <summary>Hands every partition's rows to the encoders, largest first (the encoders then finish together).</summary>
    void FlushAll()
    {
        foreach (var slot in slots.Where(s => s.Rows is not null).OrderByDescending(s => s.Rows!.Count).ToList())
        {
            Flush(slot);
        }
    }

    void Flush(Slot slot)
    {
        var rows = slot.Rows!;
        slot.Rows = null;
        bufferedBytes -= rows.Bytes;
        if (rows.Count == 0)
        {
            rows.Release();
            return;
        }

        // A partition always goes to the same encoder (its part files are that encoder's). Back-pressure: the reader
        // waits here while that encoder is behind by QueuedPartitions.
        var encoder = encoders[slot.Encoder];
        Interlocked.Increment(ref queued);
        try
        {
            encoder.Queue.Add(rows);
        }
        catch (InvalidOperationException)
        {
            // The encoder stopped (its fault surfaces here) or the writer is finishing.
            Interlocked.Decrement(ref queued);
            rows.Release();
            encoder.Drain.GetAwaiter().GetResult();
            throw new InvalidOperationException("the lake writer stopped");
        }
    }

    /// <summary>Waits until the encoders have written every partition handed to them (or one of them failed).</summary>
    void WaitForEncoders()
    {
        lock (idle)
        {
            while (Volatile.Read(ref queued) > 0)
            {
                if (encoders.FirstOrDefault(e => e.Drain.IsCompleted) is { } stopped)
                {
                    stopped.Drain.GetAwaiter().GetResult();
                    throw new InvalidOperationException("the lake writer stopped");
                }

                Monitor.Wait(idle, 50);
            }
        }
    }

    /// <summary>An encoder's thread: writes the partitions queued for it, in order, as row groups.</summary>
    void Drain(Encoder encoder)
    {
        try
        {
            foreach (var rows in encoder.Queue.GetConsumingEnumerable(abort.Token))
            {
                try
                {
                    encoder.Files.Write(rows, items, prices);
                }
                finally
                {
                    rows.Release();
                    if (Interlocked.Decrement(ref queued) == 0)
                    {
                        lock (idle)
                        {
                            Monitor.PulseAll(idle);
                        }
                    }
                }
            }
        }
        catch
        {
            // Unblock a reader waiting on a full queue; the fault surfaces from Flush or FinishAsync.
            encoder.Queue.CompleteAdding();
            throw;
        }
    }

    /// <summary>One encoder: its queue of partitions to write, its part files, its thread.</summary>
    sealed class Encoder
    {
        public Encoder(LakeWriter owner, PartFiles files)
        {
            Files = files;
            Queue = new BlockingCollection<PartitionRows>(Math.Max(1, owner.options.QueuedPartitions));

            // A thread of its own (not the pool's): blocked waits, no pool workers spinning for work on two cores.
            Drain = Task.Factory.StartNew(() => owner.Drain(this), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public BlockingCollection<PartitionRows> Queue { get; }
        public PartFiles Files { get; }
        public Task Drain { get; }
    }

    sealed class PayerSlots(string slug)
    {
        public string Slug { get; } = slug;
        public Dictionary<string, Slot> ByRawPrefix { get; } = new(StringComparer.Ordinal);
    }

    sealed class Slot(PartitionKey key, int encoder)
    {
        public PartitionKey Key { get; } = key;
        public int Encoder { get; } = encoder;

        /// <summary>Rows the partition needs before its next early row group.</summary>
        public int EarlyRows { get; set; }
        public PartitionRows? Rows { get; set; }
    }
}

/// <summary>One Hive partition: payer slug and code prefix.</summary>
internal readonly record struct PartitionKey(string PayerSlug, string CodePrefix);
