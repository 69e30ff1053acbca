using System.Buffers.Binary;

namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// A small Parquet writer for flat schemas of OPTIONAL columns: dictionary-encoded strings with a same-instance fast
/// path, PLAIN numbers, data pages v1, Snappy, a hand-written Thrift footer. Writes "PAR1" at construction; one
/// <see cref="ParquetRowGroup"/> at a time; <see cref="Close"/> writes the footer. The stream must be positioned at
/// the start of the file and stays open (the caller owns it). A file with no row groups is a valid 0-row file.
/// </summary>
internal sealed class ParquetFileWriter : IDisposable
{
    readonly ParquetWriterOptions options;
    readonly List<RowGroupInfo> rowGroups = [];
    ParquetRowGroup? open;
    bool closed;
    bool disposed;

    public ParquetFileWriter(Stream stream, IReadOnlyList<ParquetField> fields, ParquetWriterOptions? options = null, ParquetWorkspace? workspace = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fields);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ParquetFileWriter writes PLAIN values by copying memory: little-endian hosts only.");
        }

        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        if (fields.Count == 0)
        {
            throw new ArgumentException("A Parquet file needs at least one column.", nameof(fields));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (string.IsNullOrEmpty(field.Name) || !names.Add(field.Name))
            {
                throw new ArgumentException($"Column names must be non-empty and unique; '{field.Name}' is not.", nameof(fields));
            }
        }

        this.options = options ?? ParquetWriterOptions.Default;
        if (this.options.PageBytes < 1 || this.options.MaxDictionaryBytes < 0)
        {
            throw new ArgumentException("PageBytes must be positive and MaxDictionaryBytes not negative.", nameof(options));
        }

        Fields = [.. fields];
        Chunks = new ColumnChunkWriter(stream, this.options, workspace);
        Chunks.WriteRaw(ParquetFormat.Magic);
    }

    public IReadOnlyList<ParquetField> Fields { get; }

    /// <summary>Rows in the row groups ended so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Row groups ended so far.</summary>
    public int RowGroupCount => rowGroups.Count;

    /// <summary>What the footer will say about the row groups ended so far.</summary>
    internal IReadOnlyList<RowGroupInfo> RowGroups => rowGroups;

    internal ColumnChunkWriter Chunks { get; }

    /// <summary>The column being written; set while its encoder runs, so a throw half-way leaves it set (faulted).</summary>
    internal ColumnChunkInfo? Writing { get; set; }

    public ParquetRowGroup BeginRowGroup(int rows)
    {
        EnsureWritable();
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        if (open is not null)
        {
            ParquetThrow.Misuse($"Row group {open.Ordinal} is still open; End() it before beginning another.");
        }

        open = new ParquetRowGroup(this, rows, rowGroups.Count, Chunks.Position);
        return open;
    }

    /// <summary>Writes the footer (FileMetaData), its length and "PAR1". The stream is flushed, not closed.</summary>
    public void Close()
    {
        EnsureWritable();
        if (open is not null)
        {
            ParquetThrow.Misuse($"Row group {open.Ordinal} is still open; End() it before Close().");
        }

        closed = true;
        var footer = new PooledBuffer(1 << 14);
        try
        {
            ParquetFooter.Write(new ThriftCompactWriter(footer), Fields, rowGroups, RowCount, Chunks.Codec, options.CreatedBy);
            Chunks.WriteRaw(footer.Written);
            Span<byte> tail = stackalloc byte[8];
            BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
            ParquetFormat.Magic.CopyTo(tail[4..]);
            Chunks.WriteRaw(tail);
            Chunks.Flush();
        }
        finally
        {
            footer.Dispose();
        }
    }

    /// <summary>Closes the file if it is complete; a file left with an unfinished row group (an error) gets no footer.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        try
        {
            if (!closed && open is null && Writing is null)
            {
                Close();
            }
        }
        finally
        {
            disposed = true;
            closed = true;
            Chunks.Dispose();
        }
    }

    internal void Ended(ParquetRowGroup group, RowGroupInfo info)
    {
        rowGroups.Add(info);
        RowCount += group.Rows;
        open = null;
    }

    internal void EnsureWritable()
    {
        if (closed)
        {
            ParquetThrow.Misuse("The Parquet file is closed; nothing more can be written to it.");
        }

        if (Writing is { } column)
        {
            ParquetThrow.Misuse($"Writing column '{column.Field.Name}' failed earlier; the Parquet file is incomplete.");
        }
    }
}
