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
        SpillCodec.Write(buffer, batch.Rows);
        file.Stream.Write(buffer.Written);
    }

    /// <summary>Closes every spill file; then <see cref="ReadAll"/> gives a partition's batches back in order.</summary>
    public void CloseAll()
    {
        foreach (var f in open.Values)
        {
            f.Stream.Dispose();
        }

        open.Clear();
    }

    /// <summary>
    /// The partition's spill, whole (a partition's share of a file is small), into a buffer rented from the shared
    /// pool (give it back with <see cref="System.Buffers.ArrayPool{T}.Return"/>); the file is deleted.
    /// </summary>
    public (byte[] Buffer, int Length) ReadAll(PartitionKey key)
    {
        var path = paths[key];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.DeleteOnClose);
        var length = checked((int)stream.Length);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        stream.ReadExactly(buffer, 0, length);
        return (buffer, length);
    }

    public void Dispose() => CloseAll();

    sealed class Open(FileStream stream)
    {
        public FileStream Stream { get; } = stream;
        public long LastUsed { get; set; }
    }
}
