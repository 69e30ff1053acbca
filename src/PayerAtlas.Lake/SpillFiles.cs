using System.Text;

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
    long tick;

    public IReadOnlyCollection<PartitionKey> Partitions => paths.Keys;

    public void Append(RowBatch batch)
    {
        if (!open.TryGetValue(batch.Partition, out var file))
        {
            if (open.Count >= Math.Max(1, maxOpen))
            {
                var lru = open.MinBy(p => p.Value.LastUsed);
                lru.Value.Writer.Dispose();
                open.Remove(lru.Key);
            }

            if (!paths.TryGetValue(batch.Partition, out var path))
            {
                path = Path.Combine(folder, $"{paths.Count:D6}.spill");
                paths.Add(batch.Partition, path);
                Directory.CreateDirectory(folder);
            }

            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, 1 << 14);
            file = new Open(new BinaryWriter(stream, Encoding.UTF8, leaveOpen: false));
            open.Add(batch.Partition, file);
        }

        file.LastUsed = ++tick;
        SpillCodec.Write(file.Writer, batch);
    }

    /// <summary>Closes every spill file; then <see cref="OpenRead"/> reads a partition's batches back in order.</summary>
    public void CloseAll()
    {
        foreach (var f in open.Values)
        {
            f.Writer.Dispose();
        }

        open.Clear();
    }

    public BinaryReader OpenRead(PartitionKey key) =>
        new(new FileStream(paths[key], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.DeleteOnClose), Encoding.UTF8);

    public void Dispose() => CloseAll();

    sealed class Open(BinaryWriter writer)
    {
        public BinaryWriter Writer { get; } = writer;
        public long LastUsed { get; set; }
    }
}
