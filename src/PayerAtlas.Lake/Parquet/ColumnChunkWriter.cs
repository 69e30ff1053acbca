using System.Buffers;
using System.Buffers.Binary;
using Snappier;

namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// Encodes column chunks into pages and writes them to the file: definition levels (RLE hybrid, bit width 1, 4-byte
/// length prefix: data page v1), the values, Snappy, the Thrift page header. Owns every buffer, all reused from
/// chunk to chunk, so the steady state allocates only the few objects the footer keeps per chunk.
/// </summary>
internal sealed partial class ColumnChunkWriter : IDisposable
{
    readonly Stream stream;
    readonly ParquetWriterOptions options;
    readonly ParquetWorkspace workspace;
    readonly bool ownsWorkspace;

    public ColumnChunkWriter(Stream stream, ParquetWriterOptions options, ParquetWorkspace? workspace = null)
    {
        this.stream = stream;
        this.options = options;
        ownsWorkspace = workspace is null;
        this.workspace = workspace ?? new ParquetWorkspace();
    }

    // The scratch buffers live in the (possibly shared) workspace.
    PooledBuffer values => workspace.Values;
    PooledBuffer page => workspace.Page;
    PooledBuffer compressed => workspace.Compressed;
    PooledBuffer header => workspace.Header;
    ThriftCompactWriter thrift => workspace.Thrift;
    StringDictionary dictionary => workspace.Dictionary;
    BinaryBounds bounds => workspace.Bounds;
    RleRunEncoder levelRuns => workspace.LevelRuns;
    RleRunEncoder indexRuns => workspace.IndexRuns;

    /// <summary>Bytes held before they are written (see <see cref="WriteRaw"/>).</summary>
    const int MaxPendingBytes = 1 << 18;

    byte[]? pending;
    int pendingLength;

    /// <summary>Bytes written so far (pending ones included): the file offset of the next page.</summary>
    public long Position { get; private set; }

    public int Codec => options.Compression == ParquetCompression.Snappy ? ParquetFormat.Snappy : ParquetFormat.Uncompressed;

    /// <summary>Writes what is pending and flushes the stream.</summary>
    public void Flush()
    {
        FlushPending();
        stream.Flush();
    }

    /// <summary>
    /// Appends to the file. The bytes are held in a pooled buffer until <see cref="FlushPending"/> (the end of a row
    /// group, the footer) or until <see cref="MaxPendingBytes"/> are held: one <c>write</c> per row group instead of
    /// one per page (a 1 GB ingest made ~16,000 writes of ~5 KB, each a system call).
    /// </summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Position += bytes.Length;
        if (bytes.Length >= MaxPendingBytes)
        {
            // Too large to hold: written at once, after what is held (whatever size of buffer the pool handed out).
            FlushPending();
            stream.Write(bytes);
            return;
        }

        if (pending is not null && pending.Length - pendingLength < bytes.Length)
        {
            FlushPending();
        }

        pending ??= ArrayPool<byte>.Shared.Rent(MaxPendingBytes);
        bytes.CopyTo(pending.AsSpan(pendingLength));
        pendingLength += bytes.Length;
    }

    /// <summary>Writes the pending bytes to the stream (and gives the buffer back to the pool).</summary>
    public void FlushPending()
    {
        if (pending is null)
        {
            return;
        }

        try
        {
            stream.Write(pending, 0, pendingLength);
        }
        finally
        {
            ReturnPending();
        }
    }

    void ReturnPending()
    {
        if (pending is not null)
        {
            ArrayPool<byte>.Shared.Return(pending);
            pending = null;
            pendingLength = 0;
        }
    }

    Span<byte> Levels(int rows)
    {
        if (workspace.Levels.Length < rows)
        {
            ParquetWorkspace.Return(workspace.Levels);
            workspace.Levels = ArrayPool<byte>.Shared.Rent(rows);
        }

        return workspace.Levels.AsSpan(0, rows);
    }

    Span<int> Indices(int rows)
    {
        if (workspace.Indices.Length < rows)
        {
            ParquetWorkspace.Return(workspace.Indices);
            workspace.Indices = ArrayPool<int>.Shared.Rent(rows);
        }

        return workspace.Indices.AsSpan(0, rows);
    }

    Span<int> RunLengths(int rows)
    {
        if (workspace.RunLengths.Length < rows)
        {
            ParquetWorkspace.Return(workspace.RunLengths);
            workspace.RunLengths = ArrayPool<int>.Shared.Rent(rows);
        }

        return workspace.RunLengths.AsSpan(0, rows);
    }

    /// <summary>Writes one data page: the levels of its rows, then whatever <see cref="values"/> holds (then emptied).</summary>
    void FlushDataPage(ColumnChunkInfo chunk, ReadOnlySpan<byte> pageLevels, int encoding)
    {
        StartDataPage();
        RleHybrid.Encode(pageLevels, 1, page);
        FinishDataPage(chunk, pageLevels.Length, encoding);
    }

    /// <summary>Starts a data page: room for the 4-byte length of the definition levels that follow.</summary>
    void StartDataPage()
    {
        page.Reset();
        page.GetFree(4);
        page.Advance(4);
    }

    /// <summary>Ends a data page whose levels are in <see cref="page"/>: appends <see cref="values"/> (then emptied) and writes it.</summary>
    void FinishDataPage(ColumnChunkInfo chunk, int rows, int encoding)
    {
        BinaryPrimitives.WriteInt32LittleEndian(page.WrittenSpan[..4], page.Length - 4);
        page.Write(values.Written);
        values.Reset();
        WritePage(chunk, ParquetFormat.DataPage, rows, encoding, page.Written);
        chunk.DataPages++;
        chunk.ValueEncodings |= 1 << encoding;
    }

    void WritePage(ColumnChunkInfo chunk, int type, int count, int encoding, ReadOnlySpan<byte> body)
    {
        var payload = body;
        if (options.Compression == ParquetCompression.Snappy && !chunk.Uncompressed)
        {
            compressed.Reset();
            var free = compressed.GetFree(Snappy.GetMaxCompressedLength(body.Length));
            payload = free[..Snappy.Compress(body, free)];
        }

        header.Reset();
        thrift.StructBegin();
        thrift.FieldI32(1, type);
        thrift.FieldI32(2, body.Length);
        thrift.FieldI32(3, payload.Length);
        if (type == ParquetFormat.DictionaryPage)
        {
            thrift.FieldStructBegin(7);
            thrift.FieldI32(1, count);
            thrift.FieldI32(2, ParquetFormat.Plain);
            thrift.StructEnd();
            chunk.DictionaryPageOffset = Position;
            chunk.ValueEncodings |= 1 << ParquetFormat.Plain;
        }
        else
        {
            thrift.FieldStructBegin(5);
            thrift.FieldI32(1, count);
            thrift.FieldI32(2, encoding);
            thrift.FieldI32(3, ParquetFormat.Rle);
            thrift.FieldI32(4, ParquetFormat.Rle);
            thrift.StructEnd();
            if (chunk.DataPageOffset < 0)
            {
                chunk.DataPageOffset = Position;
            }
        }

        thrift.StructEnd();
        WriteRaw(header.Written);
        WriteRaw(payload);
        chunk.UncompressedBytes += header.Length + body.Length;
        chunk.CompressedBytes += header.Length + payload.Length;
    }

    public void Dispose()
    {
        // What is still pending belongs to an unfinished file (an error): it is dropped, not written.
        ReturnPending();

        if (ownsWorkspace)
        {
            workspace.Dispose();
        }
    }
}
