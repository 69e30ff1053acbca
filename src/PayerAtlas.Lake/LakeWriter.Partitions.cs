namespace PayerAtlas.Lake;

/// <summary>The partitioner's and the encoders' side of <see cref="LakeWriter"/>: partitions, budget, hand-offs to the encoders.</summary>
public sealed partial class LakeWriter
{
    /// <summary>The partitioner's thread: places each observation of each batch in its partition, in order.</summary>
    void Partition()
    {
        HelperThreads.Start("lake-partition", options.HelperNiceness);
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

    void Place(in LakeRow observation)
    {
        var headBytes = items.Bytes + prices.Bytes;
        var item = items.Find(in observation);
        var price = prices.Find(in observation);

        // An item head always lands in one partition (payer and code are item columns): remembered by its number.
        var slot = item < slotsByItem.Length ? slotsByItem[item] : null;
        if (slot is null)
        {
            slot = Find(in observation);
            if (item >= slotsByItem.Length)
            {
                Array.Resize(ref slotsByItem, Math.Max(item + 1, slotsByItem.Length * 2));
            }

            slotsByItem[item] = slot;
        }

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

    Slot Find(in LakeRow o)
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
            Array.Clear(slotsByItem);
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
        HelperThreads.Start(encoder.ThreadName, options.HelperNiceness);
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

            if (encoder.FinishFiles && !abort.IsCancellationRequested)
            {
                encoder.Staged = encoder.Files.FinishAll();
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
        public Encoder(LakeWriter owner, int index, PartFiles files)
        {
            ThreadName = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lake-encode-{index}");
            Files = files;
            Queue = new HandOffQueue<PartitionRows>(Math.Max(1, owner.options.QueuedPartitions));

            // A thread of its own (not the pool's): blocked waits, no pool workers spinning for work on two cores.
            Drain = Task.Factory.StartNew(() => owner.Drain(this), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        /// <summary>The name its thread runs under.</summary>
        public string ThreadName { get; }

        public HandOffQueue<PartitionRows> Queue { get; }
        public PartFiles Files { get; }

        /// <summary>
        /// Set before the queue completes when the ingest finishes (the queue's lock publishes it): the drain then
        /// finishes the files too.
        /// </summary>
        public bool FinishFiles { get; set; }

        /// <summary>The encoder's finished parts, once its drain has run to the end with <see cref="FinishFiles"/> set.</summary>
        public IReadOnlyList<StagedPart> Staged { get; set; } = [];
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
