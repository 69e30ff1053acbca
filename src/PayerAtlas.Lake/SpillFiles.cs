namespace PayerAtlas.Lake;

/// <summary>
/// One encoder's spill: each partition's flushed batches appended to its own file under the staging folder, so that
/// at the end every partition becomes one part file with full row groups, however finely the source interleaves its
/// partitions. At most <c>maxOpen</c> spill files are open (least recently used closed, reopened for append).
/// </summary>
internal sealed class SpillFiles(string folder, int maxOpen) : IDisposable
{
    readonly Dictionary<PartitionKey, Open> open = [];
    readonly Dictionary<PartitionKey, string> paths = [];
    readonly SpillBuffer buffer = new();
    readonly StringRuns[] runs = LakeStrings.NewRuns();
    byte[] readBuffer = new byte[1 << 16];
    long tick;

    public IReadOnlyCollection<PartitionKey> Partitions => paths.Keys;

    public void Append(RowBatch batch)
    {
        if (!open.TryGetValue(batch.Partition, out var file))
        {
            if (open.Count >= Math.Max(1, maxOpen))
            {
                var lru = open.MinBy(p => p.Value.LastUsed);
                lru.Value.Stream.Dispose();
                open.Remove(lru.Key);
            }

            if (!paths.TryGetValue(batch.Partition, out var path))
            {
                path = Path.Combine(folder, $"{paths.Count:D6}.spill");
                paths.Add(batch.Partition, path);
                Directory.CreateDirectory(folder);
            }

            file = new Open(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, 1 << 15));
            open.Add(batch.Partition, file);
        }

        file.LastUsed = ++tick;
        buffer.Reset();
        SpillCodec.Write(buffer, batch.Rows, runs);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, buffer.Length);
        file.Stream.Write(length);
        file.Stream.Write(buffer.Written);
    }

    /// <summary>Closes every spill file; then <see cref="Read"/> gives a partition's batches back in order.</summary>
    public void CloseAll()
    {
        foreach (var f in open.Values)
        {
            f.Stream.Dispose();
        }

        open.Clear();
    }

    /// <summary>
    /// Reads the partition's spill back batch by batch (each stored with its byte length), handing each batch's
    /// bytes to <paramref name="batch"/>; the file is deleted. One batch is in memory at a time.
    /// </summary>
    public void Read(PartitionKey key, SpillBatchHandler batch)
    {
        using var stream = new FileStream(paths[key], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.DeleteOnClose);
        Span<byte> length = stackalloc byte[4];
        var size = stream.Length;
        var position = 0L;
        while (stream.ReadAtLeast(length, 4, throwOnEndOfStream: false) == 4)
        {
            var n = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(length);
            position += 4;
            if (n < 0 || n > size - position)
            {
                throw new InvalidDataException($"spill file {paths[key]} is corrupt: a batch of {n} bytes at {position - 4}");
            }

            position += n;

            if (readBuffer.Length < n)
            {
                readBuffer = new byte[Math.Max(n, readBuffer.Length * 2)];
            }

            stream.ReadExactly(readBuffer, 0, n);
            batch(readBuffer.AsSpan(0, n));
        }
    }

    /// <summary>
    /// Closes whatever is still open without flushing errors: after <see cref="CloseAll"/> nothing is; otherwise the
    /// ingest is being abandoned (its staging folder is deleted next), and a flush failing again on a full disk must not
    /// keep the remaining handles open or hide the error that stopped the ingest.
    /// </summary>
    public void Dispose()
    {
        foreach (var f in open.Values)
        {
            try
            {
                f.Stream.Dispose();
            }
            catch (IOException)
            {
            }
        }

        open.Clear();
    }

    sealed class Open(FileStream stream)
    {
        public FileStream Stream { get; } = stream;
        public long LastUsed { get; set; }
    }
}

/// <summary>Takes one spilled batch's bytes (valid only during the call).</summary>
internal delegate void SpillBatchHandler(ReadOnlySpan<byte> batch);
