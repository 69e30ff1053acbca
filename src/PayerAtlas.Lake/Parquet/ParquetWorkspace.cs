using System.Buffers;

namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// The scratch buffers a column chunk is encoded in (values, page, compressed page, header, dictionary, bounds,
/// levels, indices). One workspace serves any number of <see cref="ParquetFileWriter"/>s used from one thread, so a
/// lake writer with hundreds of part files open holds one set of buffers, not one per file.
/// </summary>
internal sealed class ParquetWorkspace : IDisposable
{
    public ParquetWorkspace()
    {
        Thrift = new ThriftCompactWriter(Header);
    }

    public PooledBuffer Values { get; } = new(1 << 16);
    public PooledBuffer Page { get; } = new(1 << 16);
    public PooledBuffer Compressed { get; } = new(1 << 16);

    /// <summary>A page's integers DELTA_BINARY_PACKED, before they replace the PLAIN ones.</summary>
    public PooledBuffer Delta { get; } = new(1 << 16);
    public PooledBuffer Header { get; } = new(256);
    public ThriftCompactWriter Thrift { get; }
    public StringDictionary Dictionary { get; } = new();
    public BinaryBounds Bounds { get; } = new();
    public RleRunEncoder LevelRuns { get; } = new();
    public RleRunEncoder IndexRuns { get; } = new();
    public byte[] Levels { get; set; } = [];
    public int[] Indices { get; set; } = [];
    public int[] RunLengths { get; set; } = [];

    /// <summary>The dictionary index of each key of a keyed string chunk (<see cref="ColumnChunkWriter.WriteKeyedRuns"/>).</summary>
    public int[] KeyIds { get; set; } = [];

    /// <summary>String runs expanded into rows, for a chunk given as runs that turns out near-unique (PLAIN).</summary>
    public string?[] Rows { get; set; } = [];

    /// <summary>The run values of a string chunk given row by row (cleared after each chunk).</summary>
    public string?[] RunValues { get; set; } = [];

    public void Dispose()
    {
        Values.Dispose();
        Page.Dispose();
        Compressed.Dispose();
        Delta.Dispose();
        Header.Dispose();
        Dictionary.Dispose();
        Bounds.Dispose();
        LevelRuns.Dispose();
        IndexRuns.Dispose();
        Return(Levels);
        Return(Indices);
        Return(RunLengths);
        Return(KeyIds);
        Levels = [];
        Indices = [];
        RunLengths = [];
        KeyIds = [];
    }

    public static void Return<T>(T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }
}
