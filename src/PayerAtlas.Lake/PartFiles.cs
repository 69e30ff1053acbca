using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake;

/// <summary>
/// One encoder's part files in the staging folder: each partition handed to it is appended as a row group to that
/// partition's open part file. At most <c>maxOpen</c> files are open (the least recently used is finished: footer
/// written, and the partition's next rows start its next part file) holding at most <c>maxRowGroups</c> row groups
/// between them (past it the file with the most is finished). Used from one thread; the Parquet buffers and the column
/// arrays are shared by all its files.
/// </summary>
internal sealed class PartFiles(string staging, string folder, int maxOpen, int maxRowGroups) : IDisposable
{
    readonly ParquetWorkspace workspace = new();
    readonly LakeColumns columns = new();
    readonly Dictionary<PartitionKey, Open> open = [];
    readonly Dictionary<PartitionKey, int> nextNumber = [];
    readonly List<StagedPart> finished = [];
    long tick;
    int openRowGroups;
    bool folderMade;

    /// <summary>Writes the rows as one row group of their partition's part file.</summary>
    public void Write(PartitionRows rows, HeadTable<ItemColumns> items, HeadTable<PriceColumns> prices)
    {
        if (!open.TryGetValue(rows.Key, out var file))
        {
            if (open.Count >= Math.Max(1, maxOpen))
            {
                Finish(open.MinBy(p => p.Value.LastUsed).Key);
            }

            file = Start(rows.Key);
        }

        file.LastUsed = ++tick;
        columns.Fill(rows, items, prices);
        columns.WriteRowGroup(file.Writer);
        file.Rows += columns.Count;
        columns.Clear();
        if (++openRowGroups >= maxRowGroups)
        {
            Finish(open.MaxBy(p => p.Value.Writer.RowGroupCount).Key);
        }
    }

    /// <summary>Finishes every open file and returns all the parts written.</summary>
    public IReadOnlyList<StagedPart> FinishAll()
    {
        foreach (var key in open.Keys.ToList())
        {
            Finish(key);
        }

        return finished;
    }

    Open Start(PartitionKey key)
    {
        var number = nextNumber.GetValueOrDefault(key);
        nextNumber[key] = number + 1;

        // Flat in the encoder's folder (made once): the commit moves each part into its partition folder.
        if (!folderMade)
        {
            Directory.CreateDirectory(Path.Combine(staging, folder));
            folderMade = true;
        }

        var relative = Path.Combine(folder, $"{key.PayerSlug}__{key.CodePrefix}__{number:D4}.parquet");
        var stream = new FileStream(Path.Combine(staging, relative), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            var file = new Open(stream, new ParquetFileWriter(stream, LakeSchema.Fields, workspace: workspace), number, relative);
            open.Add(key, file);
            return file;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    void Finish(PartitionKey key)
    {
        var file = open[key];
        open.Remove(key);
        openRowGroups -= file.Writer.RowGroupCount;
        using (file.Stream)
        using (file.Writer)
        {
            file.Writer.Close();
        }

        finished.Add(new StagedPart(key, file.Number, file.Relative, file.Rows));
    }

    /// <summary>Closes what is still open without finishing it (an abandoned ingest: its staging is deleted).</summary>
    public void Dispose()
    {
        foreach (var file in open.Values)
        {
            // The stream first, so the writer's dispose cannot write a footer; a full disk's error is already reported.
            try
            {
                file.Stream.Dispose();
            }
            catch (IOException)
            {
            }

            try
            {
                file.Writer.Dispose();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
            }
        }

        open.Clear();
        workspace.Dispose();
    }

    sealed class Open(FileStream stream, ParquetFileWriter writer, int number, string relative)
    {
        public FileStream Stream { get; } = stream;
        public ParquetFileWriter Writer { get; } = writer;
        public int Number { get; } = number;
        public string Relative { get; } = relative;
        public long Rows { get; set; }
        public long LastUsed { get; set; }
    }
}

/// <summary>A finished part file in the staging folder, waiting to be moved into the lake.</summary>
internal sealed record StagedPart(PartitionKey Partition, int Number, string RelativePath, long Rows);
