namespace PayerAtlas.Lake.Parquet;

/// <summary>What the footer says about one written column chunk (ColumnChunk + ColumnMetaData + Statistics).</summary>
internal sealed class ColumnChunkInfo(ParquetField field, int rows, long start)
{
    public ParquetField Field { get; } = field;
    public int Rows { get; } = rows;

    /// <summary>File offset of the chunk's first page (the dictionary page when there is one).</summary>
    public long Start { get; } = start;

    public long DataPageOffset { get; set; } = -1;
    public long DictionaryPageOffset { get; set; } = -1;
    public long UncompressedBytes { get; set; }
    public long CompressedBytes { get; set; }
    public bool Dictionary { get; set; }

    /// <summary>Pages stored as encoded, whatever the file's codec (bit-packed integers gain little from Snappy).</summary>
    public bool Uncompressed { get; set; }

    /// <summary>The value encodings of the chunk's pages, as bits (1 &lt;&lt; encoding): the footer lists them.</summary>
    public int ValueEncodings { get; set; }
    public int DataPages { get; set; }

    public long NullCount { get; set; }

    /// <summary>Only for DOUBLE columns (the spec asks for it whenever min/max are written for floats).</summary>
    public long? NanCount { get; set; }

    /// <summary>PLAIN-encoded bounds (no length prefix for strings), or null when not recorded.</summary>
    public byte[]? MinValue { get; set; }
    public byte[]? MaxValue { get; set; }
}
