using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake;

/// <summary>
/// The end of an ingest: turns one partition's spill into its part file under the staging folder, row groups of at
/// least <see cref="LakeWriterOptions.RowGroupRows"/> rows (<see cref="ParquetFileWriter"/>), one file at a time.
/// Used from one thread; buffers are reused from partition to partition.
/// </summary>
internal sealed class PartFileWriter(string staging, int rowGroupRows) : IDisposable
{
    readonly ParquetWorkspace workspace = new();
    readonly LakeColumns columns = new();

    public StagedPart Write(PartitionKey key, SpillFiles spill)
    {
        // Flat in the staging folder (one directory, made once): the commit moves each part into its partition folder.
        var relative = $"{key.PayerSlug}__{key.CodePrefix}.parquet";
        var path = Path.Combine(staging, relative);
        long rows = 0;
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new ParquetFileWriter(stream, LakeSchema.Fields, workspace: workspace))
        {
            columns.Clear();
            var written = 0L;
            spill.Read(key, bytes =>
            {
                var reader = new SpillReader(bytes);
                while (SpillCodec.Read(ref reader, columns))
                {
                }

                if (columns.Count >= rowGroupRows)
                {
                    written += Flush(writer);
                }
            });
            rows += written;

            if (columns.Count > 0)
            {
                rows += Flush(writer);
            }

            writer.Close();
        }

        return new StagedPart(key, 0, relative, rows);
    }

    int Flush(ParquetFileWriter writer)
    {
        var n = columns.Count;
        columns.WriteRowGroup(writer);
        columns.Clear();
        return n;
    }

    public void Dispose() => workspace.Dispose();
}

/// <summary>A finished part file in the staging folder, waiting to be moved into the lake.</summary>
internal sealed record StagedPart(PartitionKey Partition, int Number, string RelativePath, long Rows);
