using PayerAtlas.Lake.Tests.Parquet;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake.Tests;

/// <summary>
/// The writer's memory bounds: partitions held in memory past the budget are written early (largest first), head
/// tables that would outgrow the budget start over, part files past the open-file limit are finished and continued in
/// the next part — and whichever path is taken every row lands once with its values.
/// </summary>
public sealed class LakeWriterMemoryTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    string Glob => LakeLayout.ParquetGlob(folder.Lake);

    [Fact]
    public async Task Past_the_budget_the_largest_partitions_are_written_early_and_every_row_lands_once()
    {
        var rows = Observations.Many(60_000, seed: 21);
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 8_192, EarlyRowGroupRows = int.MaxValue, MaxBufferedBytes = 96 << 10 });

        var record = await LakeWriterTests.IngestAsync(lake, "budget.json", rows);

        Assert.Equal(60_000L, LakeWriterTests.Scalar<long>("SELECT count(*) FROM read_parquet($g)", ("g", Glob)));
        Assert.Equal(rows.Sum(r => r.Rate!.Value), LakeWriterTests.Scalar<decimal>("SELECT round(sum(rate), 2)::DECIMAL(18,2) FROM read_parquet($g)", ("g", Glob)));

        // A 96 KB budget cannot hold a partition's 3,000+ rows: they were written in several row groups, none larger
        // than RowGroupRows, one part file per partition.
        Assert.Equal(rows.Select(r => (r.Payer, r.BillingCode[..3])).Distinct().Count(), record!.Parts.Count);
        var groups = DuckDb.Query("SELECT file_name, count(*), max(row_group_num_rows) FROM parquet_metadata($g) GROUP BY file_name", ("g", Glob));
        Assert.All(groups, g => Assert.True((long)g[1]! > 1 && (long)g[2]! <= 8_192, $"{g[0]}: {g[1]} row groups of up to {g[2]} rows"));
    }

    [Fact]
    public async Task Price_columns_that_never_repeat_restart_the_head_table_and_keep_every_value()
    {
        // A fresh string per row in a price column (a hospital's note per charge): a new head each row, so the head
        // table outgrows a quarter of the budget again and again; each time every partition is written first.
        var rows = Enumerable.Range(0, 20_000)
            .Select(i => Observations.Rate("Acme Health", i % 3 == 0 ? "77054" : "99213", i, i: i) with { AdditionalInformation = $"note {i}" })
            .ToList();
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { MaxBufferedBytes = 256 << 10 });

        await LakeWriterTests.IngestAsync(lake, "notes.json", rows);

        Assert.Equal(20_000L, LakeWriterTests.Scalar<long>("SELECT count(DISTINCT additional_information) FROM read_parquet($g)", ("g", Glob)));
        Assert.Equal(
            "note 12345",
            LakeWriterTests.Scalar<string>($"SELECT additional_information FROM read_parquet($g) WHERE {LakeSchema.LocatorSql} = $l", ("g", Glob), ("l", rows[12_345].Locator.ToString())));
        Assert.True(LakeWriterTests.Scalar<long>("SELECT count(DISTINCT row_group_id || file_name) FROM parquet_metadata($g)", ("g", Glob)) > 2);
    }

    [Fact]
    public async Task A_price_column_constant_at_first_and_varying_later_keeps_every_value()
    {
        // Setting null for the first 30,000 rows (row groups of it are written as one value), then alternating.
        string?[] settings = [null, "outpatient", "inpatient"];
        var rows = Enumerable.Range(0, 40_000)
            .Select(i => Observations.Rate("Acme Health", "77054", i, i: i) with { Setting = i < 30_000 ? null : settings[i % 3] })
            .ToList();
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 4_096 });

        await LakeWriterTests.IngestAsync(lake, "settings.json", rows);

        var counts = DuckDb.Query("SELECT coalesce(setting, '-'), count(*), sum(rate)::BIGINT FROM read_parquet($g) GROUP BY 1 ORDER BY 1", ("g", Glob));
        var expected = rows.GroupBy(r => r.Setting ?? "-").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (long)g.Count(), g.Sum(r => (long)r.Rate!.Value)));
        Assert.Equal(expected, counts.Select(c => ((string)c[0]!, (long)c[1]!, (long)c[2]!)));
    }

    [Fact]
    public async Task Past_the_open_file_limit_a_partition_continues_in_its_next_part_file()
    {
        // One encoder with one open file and two partitions taking turns every 10 rows: each turn finishes the other
        // partition's file, so each partition gets a part per turn, numbered in order.
        var rows = Enumerable.Range(0, 80).Select(i => Observations.Rate("Acme Health", i / 10 % 2 == 0 ? "77054" : "99213", i, i: i)).ToList();
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 10, MaxOpenFiles = 1, Encoders = 1 });

        var record = await LakeWriterTests.IngestAsync(lake, "turns.json", rows);

        Assert.Equal(8, record!.Parts.Count);
        var hash = LakeWriterTests.Sha("turns.json")[..16];
        Assert.Contains($"payer=acme-health/code_prefix=770/part-{hash}-0003.parquet", record.Parts);
        Assert.Equal(80L, LakeWriterTests.Scalar<long>("SELECT count(*) FROM read_parquet($g)", ("g", Glob)));
        Assert.Equal(rows.Where(r => r.BillingCode == "99213").Sum(r => (long)r.Rate!.Value), LakeWriterTests.Scalar<long>("SELECT sum(rate)::BIGINT FROM read_parquet($g) WHERE billing_code = '99213'", ("g", Glob)));
    }

    [Fact]
    public async Task Past_the_open_row_group_limit_the_file_with_most_row_groups_is_finished()
    {
        // 100 rows of one partition in 10-row row groups, footers held for at most 3 row groups: parts of 3, 3, 3, 1.
        var rows = Enumerable.Range(0, 100).Select(i => Observations.Rate("Acme Health", "77054", i, i: i)).ToList();
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 10, MaxOpenRowGroups = 3, Encoders = 1 });

        var record = await LakeWriterTests.IngestAsync(lake, "long.json", rows);

        Assert.Equal(4, record!.Parts.Count);
        Assert.Equal(100L, LakeWriterTests.Scalar<long>("SELECT count(*) FROM read_parquet($g)", ("g", Glob)));
        var groups = DuckDb.Query("SELECT count(DISTINCT row_group_id) FROM parquet_metadata($g) GROUP BY file_name ORDER BY 1 DESC", ("g", Glob));
        Assert.Equal([3L, 3L, 3L, 1L], groups.Select(g => (long)g[0]!));
    }

    [Fact]
    public async Task Numeric_locators_are_stored_as_numbers_and_read_back_as_the_readers_text()
    {
        // In-network prices (offsets going back and forth within a partition), allowed-amount providers, a CSV line.
        RateObservation[] rows =
        [
            Observations.Rate("Acme Health", "77054", 10m) with { Locator = RateLocator.InNetworkPrice(12, 0, 1, 48_213) },
            Observations.Rate("Acme Health", "77054", 11m) with { Locator = RateLocator.InNetworkPrice(3, 2, 0, 7) },
            Observations.Rate("Acme Health", "77054", 12m) with { Locator = RateLocator.InNetworkPrice(2_000_000, 70_000, 3, 40_000_000_000) },
            Observations.Rate("Acme Health", "77054", 13m) with { Locator = RateLocator.AllowedAmountProvider(5, 1, 2, 9, 1_234) },
            Observations.Rate("Acme Health", "77054", 14m) with { Locator = "line 12" },
        ];
        await LakeWriterTests.IngestAsync(new RateLake(folder.Lake), "shapes.json", rows);

        var read = DuckDb.Query($"SELECT rate, {LakeSchema.LocatorSql}, locator, json_provider, byte_offset FROM read_parquet($g) ORDER BY rate", ("g", Glob));
        Assert.Equal(rows.Select(r => r.Locator.ToString()), read.Select(r => (string)r[1]!));
        Assert.Equal([null, null, null, null, "line 12"], read.Select(r => (string?)r[2]));
        Assert.Equal([null, null, null, 9, null], read.Select(r => (int?)r[3]));
        Assert.Equal(40_000_000_000L, (long)read[2][4]!);
        var types = LakeWriterTests.Scalar<string>(
            "SELECT string_agg(column_name || ':' || column_type, ',' ORDER BY column_name) FROM (DESCRIBE SELECT json_item, json_rate, json_price, json_provider, byte_offset FROM read_parquet($g))",
            ("g", Glob));
        Assert.Equal("byte_offset:BIGINT,json_item:INTEGER,json_price:INTEGER,json_provider:INTEGER,json_rate:INTEGER", types);
    }
}
