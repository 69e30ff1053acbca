using System.Globalization;
using System.Text;
using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>What DuckDB's parquet_metadata() and parquet_schema() read from the footer the writer wrote.</summary>
public sealed class ParquetWriterMetadataTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Schema_has_optional_leaves_with_string_and_date_logical_types()
    {
        var path = folder.File("schema.parquet");
        new SampleTable(10).Write(path, [10]);

        var schema = DuckDb.Query(
            "SELECT name, type, repetition_type, converted_type, logical_type, num_children FROM parquet_schema($p)", ("p", path));

        Assert.Equal(["schema", null, null, null, null, 10L], schema[0]);
        var leaves = schema.Skip(1).Select(r => string.Join(" ", r.Take(5))).ToArray();
        Assert.Equal(
        [
            "code BYTE_ARRAY OPTIONAL UTF8 StringType()", "constant BYTE_ARRAY OPTIONAL UTF8 StringType()",
            "nothing BYTE_ARRAY OPTIONAL UTF8 StringType()", "serial BYTE_ARRAY OPTIONAL UTF8 StringType()",
            "locator BYTE_ARRAY OPTIONAL UTF8 StringType()", "rate DOUBLE OPTIONAL  ", "flag BOOLEAN OPTIONAL  ",
            "count INT32 OPTIONAL  ", "big INT64 OPTIONAL  ", "expires INT32 OPTIONAL DATE DateType()",
        ], leaves);
    }

    [Fact]
    public void Chunks_list_their_encodings_codec_null_counts_and_bounds()
    {
        var table = new SampleTable(2_000);
        var path = folder.File("meta.parquet");
        int[] groups = [1_500, 500];
        table.Write(path, groups);

        var chunks = DuckDb.Query(
            """
            SELECT row_group_id, path_in_schema, compression, encodings, num_values, stats_null_count, stats_min_value, stats_max_value,
                   dictionary_page_offset IS NOT NULL
            FROM parquet_metadata($p) ORDER BY row_group_id, column_id
            """,
            ("p", path));

        Assert.Equal(groups.Length * SampleTable.Fields.Length, chunks.Count);
        foreach (var chunk in chunks)
        {
            var group = (int)(long)chunk[0]!;
            var rows = groups[group];
            var start = groups.Take(group).Sum();
            var name = (string)chunk[1]!;
            var column = Array.FindIndex(SampleTable.Fields, f => f.Name == name);
            var values = Enumerable.Range(start, rows).Select(r => table.Row(r)[column]).ToArray();
            var present = values.Where(v => v is not null).ToArray();

            Assert.Equal(name is "count" or "big" ? "UNCOMPRESSED" : "SNAPPY", chunk[2]);
            Assert.Equal((long)rows, chunk[4]);
            Assert.Equal((long)(rows - present.Length), chunk[5]);

            // Strings with few distinct values are dictionary-encoded; the near-unique and the all-null ones PLAIN;
            // INT32 and INT64 DELTA_BINARY_PACKED, dates PLAIN.
            var dictionary = name is "code" or "constant";
            var delta = name is "count" or "big";
            Assert.Equal(dictionary ? "PLAIN, RLE, RLE_DICTIONARY" : delta ? "RLE, DELTA_BINARY_PACKED" : "PLAIN, RLE", chunk[3]);
            Assert.Equal(dictionary, chunk[8]);

            // WriteUtf8 (the locator) records no bounds: for near-unique values they prune nothing.
            var (min, max) = name == "locator" ? (null, null) : ExpectedBounds(SampleTable.Fields[column].Type, present);
            Assert.Equal(min, chunk[6]);
            if (name != "rate")
            {
                // DuckDB shows no max for the rate column: its max is +Infinity (checked on finite values below).
                Assert.Equal(max, chunk[7]);
            }
        }
    }

    [Fact]
    public void Double_bounds_leave_out_NaN()
    {
        var path = folder.File("doubles.parquet");
        using (var stream = File.Create(path))
        using (var writer = new ParquetFileWriter(stream, [new ParquetField("x", ParquetType.Double)]))
        {
            var g = writer.BeginRowGroup(5);
            g.WriteDoubles([2.5, double.NaN, -1.25, null, 7.0]);
            g.End();
        }

        var chunk = DuckDb.Query("SELECT stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata($p)", ("p", path))[0];

        Assert.Equal(["-1.25", "7.0", 1L], chunk);
    }

    [Fact]
    public void A_constant_column_of_200_000_rows_takes_a_few_bytes()
    {
        var path = folder.File("constant.parquet");
        var value = "Acme Health";
        using (var stream = File.Create(path))
        using (var writer = new ParquetFileWriter(stream, [new ParquetField("payer", ParquetType.Utf8)]))
        {
            var g = writer.BeginRowGroup(200_000);
            g.WriteStrings(Enumerable.Repeat<string?>(value, 200_000).ToArray());
            g.End();
        }

        var chunk = DuckDb.Query("SELECT total_uncompressed_size, encodings FROM parquet_metadata($p)", ("p", path))[0];
        var counts = DuckDb.Query("SELECT count(*), count(DISTINCT payer), min(payer) FROM read_parquet($p)", ("p", path))[0];

        // Two page headers, the one-entry dictionary and one RLE run each for the levels and the indices.
        Assert.InRange((long)chunk[0]!, 1, 100);
        Assert.Equal("PLAIN, RLE, RLE_DICTIONARY", chunk[1]);
        Assert.Equal([200_000L, 1L, value], counts);
    }

    [Fact]
    public void Equal_strings_from_different_instances_share_a_dictionary_entry_and_a_big_dictionary_falls_back_to_PLAIN()
    {
        // Not interned: every row is a new instance of one of three values.
        string[] kinds = ["negotiated", "fee schedule", "derived"];
        var values = Enumerable.Range(0, 3_000).Select(i => (string?)new string(kinds[i / 7 % 3].AsSpan())).ToArray();
        var path = folder.File("instances.parquet");
        var small = folder.File("small-dictionary.parquet");
        foreach (var (file, options) in new[] { (path, ParquetWriterOptions.Default), (small, new ParquetWriterOptions { MaxDictionaryBytes = 30 }) })
        {
            using var stream = File.Create(file);
            using var writer = new ParquetFileWriter(stream, [new ParquetField("kind", ParquetType.Utf8)], options);
            var g = writer.BeginRowGroup(values.Length);
            g.WriteStrings(values);
            g.End();
        }

        Assert.Equal("PLAIN, RLE, RLE_DICTIONARY", DuckDb.Query("SELECT encodings FROM parquet_metadata($p)", ("p", path))[0][0]);
        Assert.Equal("PLAIN, RLE", DuckDb.Query("SELECT encodings FROM parquet_metadata($p)", ("p", small))[0][0]);
        foreach (var file in new[] { path, small })
        {
            var read = DuckDb.Query("SELECT kind FROM read_parquet($p, file_row_number = true) ORDER BY file_row_number", ("p", file));
            Assert.Equal(values, read.Select(r => (string?)r[0]));
        }
    }

    /// <summary>The bounds as DuckDB renders them, computed from the values in the column's own order.</summary>
    static (string? Min, string? Max) ExpectedBounds(ParquetType type, object?[] present)
    {
        if (present.Length == 0)
        {
            return (null, null);
        }

        switch (type)
        {
            case ParquetType.Utf8:
                var bytes = present.Select(v => Encoding.UTF8.GetBytes((string)v!)).ToArray();
                var min = bytes.Aggregate((a, b) => a.AsSpan().SequenceCompareTo(b) <= 0 ? a : b);
                var max = bytes.Aggregate((a, b) => a.AsSpan().SequenceCompareTo(b) >= 0 ? a : b);
                return (Bound(min), Bound(max));
            case ParquetType.Double:
                var finite = present.Cast<double>().Where(d => !double.IsNaN(d)).ToArray();
                return (Render(finite.Min()), Render(finite.Max()));
            case ParquetType.Boolean:
                var flags = present.Cast<bool>().ToArray();
                return (flags.All(f => f) ? "true" : "false", flags.Any(f => f) ? "true" : "false");
            case ParquetType.Date:
                var days = present.Cast<DateOnly>().ToArray();
                return (days.Min().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days.Max().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            default:
                var numbers = present.Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToArray();
                return (numbers.Min().ToString(CultureInfo.InvariantCulture), numbers.Max().ToString(CultureInfo.InvariantCulture));
        }

        // Bounds over 256 bytes are left out of the footer.
        static string? Bound(byte[] utf8) => utf8.Length > 256 ? null : Encoding.UTF8.GetString(utf8);

        static string Render(double d) => d == Math.Floor(d) && Math.Abs(d) < 1e15 ? d.ToString("0.0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
    }
}
