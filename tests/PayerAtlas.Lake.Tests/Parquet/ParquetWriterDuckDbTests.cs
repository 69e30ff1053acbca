using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>Files from <see cref="ParquetFileWriter"/> read back by DuckDB (an independent reader), row by row.</summary>
public sealed class ParquetWriterDuckDbTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_value_of_every_type_reads_back_in_several_row_groups()
    {
        var table = new SampleTable(3_000);
        var path = folder.File("groups.parquet");
        table.Write(path, [1, 999, 1_000, 7, 993]);

        AssertRowsEqual(table, path);
    }

    [Fact]
    public void A_row_group_of_200_000_rows_reads_back_across_page_splits()
    {
        var table = new SampleTable(200_000, seed: 7);
        var path = folder.File("big.parquet");
        var written = table.Write(path, [200_000]);

        AssertRowsEqual(table, path);

        // The 1.6 MB of doubles and the ~4 MB of near-unique strings were cut into ~1 MB pages.
        var chunks = written[0].Columns;
        Assert.Equal(2, chunks[5].DataPages);
        Assert.InRange(chunks[3].DataPages, 3, 6);
        Assert.InRange(chunks[4].DataPages, 3, 10);
        Assert.Equal(1, chunks[1].DataPages);
    }

    [Fact]
    public void Small_pages_and_no_compression_read_back()
    {
        var table = new SampleTable(5_000, seed: 3);
        var path = folder.File("small-pages.parquet");
        table.Write(path, [4_096, 904], new ParquetWriterOptions { PageBytes = 1_000, Compression = ParquetCompression.None });

        AssertRowsEqual(table, path);
    }

    [Fact]
    public void A_file_with_no_row_groups_has_the_schema_and_no_rows()
    {
        var path = folder.File("empty.parquet");
        using (var stream = File.Create(path))
        using (var writer = new ParquetFileWriter(stream, SampleTable.Fields))
        {
            writer.Close();
            Assert.Equal(0, writer.RowCount);
        }

        Assert.Equal(0L, (long)DuckDb.Query("SELECT count(*) FROM read_parquet($p)", ("p", path))[0][0]!);
        Assert.Equal(ExpectedTypes, Describe(path));
    }

    [Fact]
    public void Columns_have_the_types_every_engine_reads()
    {
        var path = folder.File("types.parquet");
        new SampleTable(100).Write(path, [100]);

        Assert.Equal(ExpectedTypes, Describe(path));
    }

    internal static readonly (string, string)[] ExpectedTypes =
    [
        ("code", "VARCHAR"), ("constant", "VARCHAR"), ("nothing", "VARCHAR"), ("serial", "VARCHAR"), ("locator", "VARCHAR"),
        ("rate", "DOUBLE"), ("flag", "BOOLEAN"), ("count", "INTEGER"), ("big", "BIGINT"), ("expires", "DATE"),
    ];

    static (string, string)[] Describe(string path) =>
        [.. DuckDb.Query("DESCRIBE SELECT * FROM read_parquet($p)", ("p", path)).Select(r => ((string)r[0]!, (string)r[1]!))];

    static void AssertRowsEqual(SampleTable table, string path)
    {
        var rows = DuckDb.Query(
            "SELECT code, constant, nothing, serial, locator, rate, flag, count, big, expires FROM read_parquet($p, file_row_number = true) ORDER BY file_row_number",
            ("p", path));
        Assert.Equal(table.Rows, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = table.Row(i);
            var actual = rows[i];
            for (var c = 0; c < expected.Length; c++)
            {
                if (!Same(expected[c], actual[c]))
                {
                    Assert.Fail($"row {i}, column {SampleTable.Fields[c].Name}: expected {Show(expected[c])}, DuckDB read {Show(actual[c])}");
                }
            }
        }
    }

    static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (double e, double a) => e.Equals(a),
        (DateOnly e, DateTime a) => e == DateOnly.FromDateTime(a),
        (DateOnly e, DateOnly a) => e == a,
        _ => Equals(expected, actual),
    };

    static string Show(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
}
