using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake;

/// <summary>
/// The background side of a <see cref="LakeWriter"/>: writes each flushed batch as one Parquet row group into its
/// partition's part file under the staging folder (<see cref="ParquetFileWriter"/>). At most
/// <see cref="LakeWriterOptions.MaxOpenFiles"/> files are open (least recently used closed) and at most
/// <see cref="LakeWriterOptions.MaxOpenRowGroups"/> row groups wait for their footers (past it the file with the most
/// is closed); a later batch of a closed partition starts its next part file. Runs on one thread.
/// </summary>
internal sealed class PartFileWriter : IDisposable
{
    readonly string staging;
    readonly int maxOpen;
    readonly int maxRowGroups;
    readonly Dictionary<PartitionKey, OpenPart> open = [];
    readonly Dictionary<PartitionKey, int> partsPerPartition = [];
    readonly List<StagedPart> closed = [];
    readonly ParquetWorkspace workspace = new();
    readonly LakeColumns columns = new();
    long tick;
    int openRowGroups;

    public PartFileWriter(string staging, int maxOpen, int maxRowGroups)
    {
        this.staging = staging;
        this.maxOpen = Math.Max(1, maxOpen);
        this.maxRowGroups = Math.Max(1, maxRowGroups);
    }

    public long Rows { get; private set; }

    public void Write(RowBatch batch)
    {
        if (!open.TryGetValue(batch.Partition, out var part))
        {
            if (open.Count >= maxOpen)
            {
                Close(LeastRecentlyUsed());
            }

            part = Open(batch.Partition);
        }

        part.LastUsed = ++tick;
        columns.Write(part.Writer, batch.Rows);
        part.Rows += batch.Count;
        part.RowGroups++;
        openRowGroups++;
        Rows += batch.Count;
        if (openRowGroups > maxRowGroups)
        {
            Close(MostRowGroups());
        }
    }

    /// <summary>Closes every file (writing the Parquet footers) and lists the parts written.</summary>
    public IReadOnlyList<StagedPart> Finish()
    {
        foreach (var part in open.Values.ToList())
        {
            Close(part);
        }

        return closed;
    }

    public void Dispose()
    {
        foreach (var part in open.Values.ToList())
        {
            try
            {
                Close(part);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // Aborting: the staging folder is deleted anyway.
            }
        }

        workspace.Dispose();
    }

    OpenPart LeastRecentlyUsed()
    {
        OpenPart? found = null;
        foreach (var p in open.Values)
        {
            if (found is null || p.LastUsed < found.LastUsed)
            {
                found = p;
            }
        }

        return found!;
    }

    OpenPart MostRowGroups()
    {
        OpenPart? found = null;
        foreach (var p in open.Values)
        {
            if (found is null || p.RowGroups > found.RowGroups)
            {
                found = p;
            }
        }

        return found!;
    }

    OpenPart Open(PartitionKey key)
    {
        var n = partsPerPartition.GetValueOrDefault(key);
        partsPerPartition[key] = n + 1;
        var relative = Path.Combine(LakeLayout.PartitionFolder(key.PayerSlug, key.CodePrefix), $"{n:D4}.parquet");
        var path = Path.Combine(staging, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 13);
        var part = new OpenPart(key, n, relative, stream, new ParquetFileWriter(stream, LakeSchema.Fields, workspace: workspace));
        open.Add(key, part);
        return part;
    }

    void Close(OpenPart part)
    {
        open.Remove(part.Key);
        openRowGroups -= part.RowGroups;
        part.Writer.Dispose();
        part.Stream.Dispose();
        closed.Add(new StagedPart(part.Key, part.Number, part.RelativePath, part.Rows));
    }

    sealed class OpenPart(PartitionKey key, int number, string relativePath, FileStream stream, ParquetFileWriter writer)
    {
        public PartitionKey Key { get; } = key;
        public int Number { get; } = number;
        public string RelativePath { get; } = relativePath;
        public FileStream Stream { get; } = stream;
        public ParquetFileWriter Writer { get; } = writer;
        public long Rows { get; set; }
        public int RowGroups { get; set; }
        public long LastUsed { get; set; }
    }
}

/// <summary>A finished part file in the staging folder, waiting to be moved into the lake.</summary>
internal sealed record StagedPart(PartitionKey Partition, int Number, string RelativePath, long Rows);
