using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>
/// String chunks given as runs of keys into a table of values (<see cref="ParquetRowGroup.WriteKeyedRuns"/>), as the
/// lake writes its price columns: read back by DuckDB exactly as the rows they stand for, whichever path the writer
/// takes (dictionary from the keys, string runs for a table far larger than the chunk, PLAIN for near-unique values).
/// </summary>
public sealed class ParquetWriterKeyedRunsTests : IDisposable
{
    static readonly ParquetField[] Field = [new("s", ParquetType.Utf8)];
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    string Write(string name, string?[] table, (int Key, int Rows)[] runs)
    {
        var path = folder.File(name);
        using var stream = File.Create(path);
        using var writer = new ParquetFileWriter(stream, Field);
        var g = writer.BeginRowGroup(runs.Sum(r => r.Rows));
        g.WriteKeyedRuns(runs.Select(r => r.Key).ToArray(), runs.Select(r => r.Rows).ToArray(), new Table(table));
        g.End();
        writer.Close();
        return path;
    }

    static List<string?> Read(string path) =>
        [.. DuckDb.Query("SELECT s FROM read_parquet($p, file_row_number = true) ORDER BY file_row_number", ("p", path)).Select(r => (string?)r[0])];

    static List<string?> Expand(string?[] table, (int Key, int Rows)[] runs) => [.. runs.SelectMany(r => Enumerable.Repeat(table[r.Key], r.Rows))];

    static string Encodings(string path) => (string)DuckDb.Query("SELECT encodings FROM parquet_metadata($p)", ("p", path))[0][0]!;

    [Fact]
    public void Keys_whose_values_repeat_or_are_null_read_back_as_their_rows_dictionary_encoded()
    {
        // Several keys share a value (heads differ in other columns): their runs merge into one dictionary entry.
        string?[] table = ["negotiated", "fee schedule", null, "negotiated", "derived", null, "per diem", "fee schedule"];
        var random = new Random(11);
        var runs = Enumerable.Range(0, 3_000).Select(_ => (random.Next(table.Length), random.Next(1, 4))).ToArray();

        var path = Write("keyed.parquet", table, runs);

        Assert.Equal(Expand(table, runs), Read(path));
        Assert.Equal("PLAIN, RLE, RLE_DICTIONARY", Encodings(path));
        var stats = DuckDb.Query("SELECT stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata($p)", ("p", path))[0];
        Assert.Equal(("derived", "per diem", (long)Expand(table, runs).Count(v => v is null)), ((string?)stats[0], (string?)stats[1], (long)stats[2]!));
    }

    [Fact]
    public void One_value_only_nulls_a_huge_table_and_near_unique_values_read_back_too()
    {
        string?[] same = ["professional", "professional", "professional"];
        (int, int)[] alternating = [(0, 5), (1, 3), (2, 7), (1, 1)];
        var one = Write("one.parquet", same, alternating);
        Assert.Equal(Expand(same, alternating), Read(one));

        string?[] nulls = [null, null];
        (int, int)[] both = [(0, 4), (1, 6)];
        Assert.Equal(Expand(nulls, both), Read(Write("nulls.parquet", nulls, both)));

        // A table of 50,000 values for a 100-row chunk: the writer reads only the keys it is given.
        var huge = Enumerable.Range(0, 50_000).Select(i => (string?)$"value {i}").ToArray();
        var few = Enumerable.Range(0, 100).Select(i => (i * 491 % 50_000, 1)).ToArray();
        Assert.Equal(Expand(huge, few), Read(Write("huge.parquet", huge, few)));

        // Every row its own value (a table as large as the chunk): past half the rows distinct, PLAIN.
        var distinct = huge[..3_000];
        var unique = Enumerable.Range(0, 3_000).Select(i => (i, 1)).ToArray();
        var plain = Write("unique.parquet", distinct, unique);
        Assert.Equal(Expand(distinct, unique), Read(plain));
        Assert.Equal("PLAIN, RLE", Encodings(plain));
    }

    [Fact]
    public void Keys_outside_the_table_and_runs_that_do_not_add_up_are_refused()
    {
        using var stream = new MemoryStream();
        using var writer = new ParquetFileWriter(stream, Field);
        var g = writer.BeginRowGroup(10);
        var table = new Table(["a", "b"]);

        Assert.Contains("key 2 of a table of 2", Assert.Throws<InvalidOperationException>(() => g.WriteKeyedRuns([0, 2], [5, 5], table)).Message, StringComparison.Ordinal);
        Assert.Contains("10 rows", Assert.Throws<InvalidOperationException>(() => g.WriteKeyedRuns([0, 1], [4, 5], table)).Message, StringComparison.Ordinal);
        Assert.Contains("one length per key", Assert.Throws<InvalidOperationException>(() => g.WriteKeyedRuns([0], [5, 5], table)).Message, StringComparison.Ordinal);
    }

    readonly struct Table(string?[] values) : IStringTable
    {
        public int Count => values.Length;

        public string? this[int key] => values[key];
    }
}
