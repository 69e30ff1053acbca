using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>String chunks given as runs (<see cref="ParquetRowGroup.WriteStringRuns"/>) read back by DuckDB exactly as the rows they stand for.</summary>
public sealed class ParquetWriterStringRunsTests : IDisposable
{
    static readonly ParquetField[] Field = [new("s", ParquetType.Utf8)];
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    string Write(string name, (string? Value, int Rows)[] runs, ParquetWriterOptions? options = null)
    {
        var path = folder.File(name);
        using var stream = File.Create(path);
        using var writer = new ParquetFileWriter(stream, Field, options);
        var g = writer.BeginRowGroup(runs.Sum(r => r.Rows));
        g.WriteStringRuns(runs.Select(r => r.Value).ToArray(), runs.Select(r => r.Rows).ToArray());
        g.End();
        writer.Close();
        return path;
    }

    static List<string?> Read(string path) =>
        [.. DuckDb.Query("SELECT s FROM read_parquet($p, file_row_number = true) ORDER BY file_row_number", ("p", path)).Select(r => (string?)r[0])];

    static List<string?> Expand((string? Value, int Rows)[] runs) => [.. runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Rows))];

    static string Encodings(string path) => (string)DuckDb.Query("SELECT encodings FROM parquet_metadata($p)", ("p", path))[0][0]!;

    [Fact]
    public void Runs_with_nulls_and_repeated_values_read_back_as_their_rows_dictionary_encoded()
    {
        var random = new Random(5);
        string?[] values = ["negotiated", "fee schedule", null, "derived", "per diem"];
        var runs = Enumerable.Range(0, 2_000).Select(_ => (values[random.Next(values.Length)], random.Next(1, 40))).ToArray();

        var path = Write("runs.parquet", runs);

        Assert.Equal(Expand(runs), Read(path));
        Assert.Equal("PLAIN, RLE, RLE_DICTIONARY", Encodings(path));
        var stats = DuckDb.Query("SELECT stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata($p)", ("p", path))[0];
        Assert.Equal(("derived", "per diem", (long)Expand(runs).Count(v => v is null)), ((string?)stats[0], (string?)stats[1], (long)stats[2]!));
    }

    [Fact]
    public void Near_unique_runs_fall_back_to_plain_and_one_run_or_only_nulls_still_read_back()
    {
        var unique = Enumerable.Range(0, 3_000).Select(i => ((string?)$"locator {i}", 1)).ToArray();
        var plain = Write("unique.parquet", unique);
        Assert.Equal(Expand(unique), Read(plain));
        Assert.Equal("PLAIN, RLE", Encodings(plain));

        var one = Write("one.parquet", [("Acme Health", 5_000)]);
        Assert.Equal(Expand([("Acme Health", 5_000)]), Read(one));

        (string?, int)[] nulls = [(null, 3), (null, 4)];
        Assert.Equal(Expand(nulls), Read(Write("nulls.parquet", nulls)));
    }

    [Fact]
    public void Runs_that_do_not_add_up_or_hold_no_row_are_refused()
    {
        using var stream = new MemoryStream();
        using var writer = new ParquetFileWriter(stream, Field);
        var g = writer.BeginRowGroup(10);

        Assert.Contains("10 rows", Assert.Throws<InvalidOperationException>(() => g.WriteStringRuns(["a", "b"], [4, 5])).Message, StringComparison.Ordinal);
        Assert.Contains("at least one row", Assert.Throws<InvalidOperationException>(() => g.WriteStringRuns(["a", "b"], [10, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("one length per value", Assert.Throws<InvalidOperationException>(() => g.WriteStringRuns(["a"], [5, 5])).Message, StringComparison.Ordinal);
    }
}
