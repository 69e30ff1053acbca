using Parquet;
using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>
/// DELTA_BINARY_PACKED integers at the edges of the encoding: every length around the block (128) and miniblock (32)
/// sizes, deltas that wrap (extremes next to each other), constant runs (bit width 0), widths up to 64, nulls between.
/// Read back by DuckDB and by Parquet.Net (two independent decoders).
/// </summary>
public sealed class ParquetWriterDeltaTests : IDisposable
{
    static readonly ParquetField[] Fields = [new("small", ParquetType.Int32), new("large", ParquetType.Int64)];

    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string, int> Shapes()
    {
        var data = new TheoryData<string, int>();
        foreach (var shape in new[] { "extremes", "ascending", "constant", "random", "nulls" })
        {
            foreach (var rows in new[] { 1, 2, 31, 32, 33, 127, 128, 129, 130, 257, 1_000 })
            {
                data.Add(shape, rows);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Integers_read_back_from_both_readers(string shape, int rows)
    {
        var (small, large) = Values(shape, rows);
        var path = folder.File($"{shape}-{rows}.parquet");
        using (var stream = File.Create(path))
        using (var writer = new ParquetFileWriter(stream, Fields))
        {
            var g = writer.BeginRowGroup(rows);
            g.WriteInt32s(small);
            g.WriteInt64s(large);
            g.End();
            writer.Close();
        }

        var encodings = DuckDb.Query("SELECT DISTINCT encodings FROM parquet_metadata($p)", ("p", path)).Select(r => (string)r[0]!).ToList();
        Assert.Contains(encodings, e => e.Contains("DELTA_BINARY_PACKED", StringComparison.Ordinal));

        var read = DuckDb.Query("SELECT small, large FROM read_parquet($p, file_row_number = true) ORDER BY file_row_number", ("p", path));
        Assert.Equal(small.Select(v => (object?)v), read.Select(r => r[0]));
        Assert.Equal(large.Select(v => (object?)v), read.Select(r => r[1]));

        await using var file = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(file);
        var fields = reader.Schema.GetDataFields();
        using var group = reader.OpenRowGroupReader(0);
        var ints = new int?[rows];
        var longs = new long?[rows];
        await group.ReadAsync(fields[0], ints.AsMemory());
        await group.ReadAsync(fields[1], longs.AsMemory());
        Assert.Equal(small, ints);
        Assert.Equal(large, longs);
    }

    [Fact]
    public void Slowly_rising_offsets_pack_to_a_fraction_of_plain()
    {
        // Byte offsets ~200 apart and array indices that rise by 0 or 1: what the lake's locator columns hold.
        const int rows = 100_000;
        var offsets = Enumerable.Range(0, rows).Select(i => (long?)(1_000_000_000L + (i * 200L) + (i % 7))).ToArray();
        var items = Enumerable.Range(0, rows).Select(i => (int?)(i / 40)).ToArray();
        long Size(bool delta)
        {
            var path = folder.File($"size-{delta}.parquet");
            using (var stream = File.Create(path))
            using (var writer = new ParquetFileWriter(stream, Fields, new ParquetWriterOptions { DeltaIntegers = delta, Compression = ParquetCompression.None }))
            {
                var g = writer.BeginRowGroup(rows);
                g.WriteInt32s(items);
                g.WriteInt64s(offsets);
                g.End();
                writer.Close();
            }

            Assert.Equal(rows, (long)DuckDb.Query("SELECT count(*) FROM read_parquet($p) WHERE large = 1000000000 + (small * 0) + (file_row_number * 200) + (file_row_number % 7) AND small = file_row_number // 40", ("p", path))[0][0]!);
            return new FileInfo(path).Length;
        }

        var plain = Size(delta: false);
        var packed = Size(delta: true);
        Assert.True(packed * 5 < plain, $"{packed:N0} bytes packed, {plain:N0} PLAIN");
    }

    static (int?[] Small, long?[] Large) Values(string shape, int rows)
    {
        var random = new Random(rows * 31 + shape.Length);
        var small = new int?[rows];
        var large = new long?[rows];
        for (var i = 0; i < rows; i++)
        {
            (small[i], large[i]) = shape switch
            {
                "extremes" => (i % 3) switch
                {
                    0 => ((int?)int.MinValue, (long?)long.MinValue),
                    1 => (int.MaxValue, long.MaxValue),
                    _ => (-1, 0L),
                },
                "ascending" => (i, 1_000_000_000_000L + (i * 211L)),
                "constant" => (42, -7L),
                "nulls" => i % 4 == 1 ? (null, null) : (random.Next(int.MinValue, int.MaxValue), random.NextInt64(long.MinValue, long.MaxValue)),
                _ => (random.Next(-1000, 1000), random.NextInt64(-(1L << 50), 1L << 50)),
            };
        }

        return (small, large);
    }
}
