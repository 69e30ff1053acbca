using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Writes observations into part files in one staging folder, partitioned by payer and code prefix. The reader's
/// thread only copies each observation into a batch (a <see cref="LakeRow"/>: the reader is the ingest's bottleneck); a
/// partitioner thread appends the batches' observations to their partitions' <see cref="PartitionRows"/> (a compact
/// in-memory form); a partition is handed to a background encoder as a row group when it reaches
/// <see cref="LakeWriterOptions.RowGroupRows"/>, early (from <see cref="LakeWriterOptions.EarlyRowGroupRows"/>) when
/// its encoder is idle, or, when <see cref="LakeWriterOptions.MaxBufferedBytes"/> is reached, if it is among the
/// largest (<c>LakeWriter.Partitions.cs</c>). Each encoder appends its row groups to its partitions' part files; once
/// the source is read every partition's remaining rows are written the same way, the encoders in parallel, and
/// <see cref="RateLake"/> moves the parts into place.
/// </summary>
public sealed partial class LakeWriter : IRatePriceSink, IAsyncDisposable
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
    // The partitioner sleeps until a few batches wait (it is faster than the reader: woken for each, it was woken
    // for every other batch). The reader has BatchesInFlight + 1 batches besides the one it fills, so it can always
    // hand over that many without waiting for the partitioner.
    readonly HandOffQueue<(LakeRow[] Rows, int Count)> filled = new(BatchesInFlight, wakeTakersAt: BatchesInFlight / 2);
    readonly HandOffQueue<LakeRow[]> empty = new(BatchesInFlight + 2);
    readonly Task partitioner;
    LakeRow[] batch;
    int batchCount;
    Slot?[] slotsByItem = new Slot?[256];
    RateItem? currentItem;
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
            .Select(i => new Encoder(this, i, new PartFiles(
                stagingFolder, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Max(1, this.options.MaxOpenFiles / share), Math.Max(1, this.options.MaxOpenRowGroups / share))))
            .ToArray();
        for (var i = 0; i < BatchesInFlight + 1; i++)
        {
            empty.Add(new LakeRow[BatchRows]);
        }

        batch = new LakeRow[BatchRows];
        partitioner = Task.Factory.StartNew(Partition, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Observations per hand-off from the reader's thread to the partitioner's (~280 bytes each).</summary>
    const int BatchRows = 2_048;

    /// <summary>Batches waiting for the partitioner; past it the reader waits.</summary>
    const int BatchesInFlight = 8;

    public string StagingFolder { get; }

    /// <summary>Observations accepted so far.</summary>
    public long Observations { get; private set; }

    /// <summary>
    /// Copies the observation into the current batch (its shared columns as the <see cref="RateItem"/> of the rows
    /// before when they are the same instances); a full batch goes to the partitioner's thread.
    /// </summary>
    public void Write(in RateObservation observation)
    {
        if (currentItem is null || !currentItem.Holds(in observation))
        {
            currentItem = RateItem.Of(in observation);
        }

        batch[batchCount++].Set(currentItem, in observation);
        Observations++;
        if (batchCount == batch.Length)
        {
            HandOff();
        }
    }

    /// <summary>Copies the prices into the current batch, with <paramref name="item"/> as their shared columns.</summary>
    public void Write(RateItem item, ReadOnlySpan<RatePrice> prices)
    {
        foreach (ref readonly var p in prices)
        {
            batch[batchCount++].Set(item, in p);
            if (batchCount == batch.Length)
            {
                HandOff();
            }
        }

        Observations += prices.Length;
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

    /// <summary>
    /// Writes every partition's remaining rows, waits for the encoders and finishes the files; returns the staged parts.
    /// The waits for the helper threads block instead of awaiting: an await continues on the thread that completes the
    /// task, here a helper running below the caller's priority (<see cref="HelperThreads"/>), which would then run the
    /// rest of the caller's work — the commit, the next source — at that priority.
    /// </summary>
    internal Task<IReadOnlyList<StagedPart>> FinishAsync()
    {
        if (batchCount > 0)
        {
            HandOff();
        }

        filled.CompleteAdding();
        partitioner.GetAwaiter().GetResult();
        FlushAll();
        finished = true;
        foreach (var e in encoders)
        {
            // Each encoder writes its files' footers on its own thread once its queue is empty: in parallel.
            e.FinishFiles = true;
            e.Queue.CompleteAdding();
        }

        // All of them, even when one failed: a drain still finishing its files must not meet DisposeAsync's disposal.
        Task.WhenAll(encoders.Select(e => e.Drain)).GetAwaiter().GetResult();
        return Task.FromResult<IReadOnlyList<StagedPart>>([.. encoders.SelectMany(e => e.Staged)]);
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
                partitioner.GetAwaiter().GetResult(); // blocking, as in FinishAsync
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
            }

            foreach (var e in encoders)
            {
                e.Queue.CompleteAdding();
                try
                {
                    e.Drain.GetAwaiter().GetResult();
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
}

/// <summary>One Hive partition: payer slug and code prefix.</summary>
internal readonly record struct PartitionKey(string PayerSlug, string CodePrefix);
