using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake.Tests;

public sealed class LakeWriterTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    internal static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static async Task<SourceRecord?> IngestAsync(RateLake lake, string source, IEnumerable<RateObservation> rows, Action<LakeIngest>? started = null)
    {
        await using var ingest = lake.BeginIngest(source);
        started?.Invoke(ingest);
        foreach (var row in rows)
        {
            ingest.Write(row);
        }

        return await ingest.CommitAsync(new SourceFacts { Sha256 = Sha(source), Bytes = 1 });
    }

    internal static T Scalar<T>(string sql, params (string Name, object Value)[] args)
    {
        using var c = new DuckDBConnection("DataSource=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.Add(new DuckDBParameter(name, value));
        }

        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Every_observation_is_readable_back_with_DuckDB()
    {
        var rows = Observations.Many(50_000);
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 4096, MaxBufferedBytes = 256 << 10, MaxOpenFiles = 4 });

        var record = await IngestAsync(lake, "in-network.json", rows);

        Assert.NotNull(record);
        Assert.Equal(50_000, record.Observations);
        var glob = LakeLayout.ParquetGlob(folder.Lake);
        Assert.Equal(50_000L, Scalar<long>("SELECT count(*) FROM read_parquet($g)", ("g", glob)));
        var expected = rows.Where(r => r.Payer == "Acme Health" && r.BillingCode == "G0202").Sum(r => r.Rate!.Value);
        var actual = Scalar<decimal>(
            "SELECT round(sum(rate), 2)::DECIMAL(18,2) FROM read_parquet($g, hive_partitioning = true) WHERE payer_name = 'Acme Health' AND billing_code = 'G0202'",
            ("g", glob));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Every_field_of_an_observation_round_trips()
    {
        var row = Observations.Rate("Acme Health", "77054", 123.45m) with
        {
            Modifiers = "26:TC",
            Network = "Open Access|Select",
            State = "CA",
            Setting = "outpatient",
            AdditionalInformation = "note",
            ExpirationDate = new DateOnly(2027, 6, 30),
            RateIsPercentage = true,
        };
        var lake = new RateLake(folder.Lake);
        await IngestAsync(lake, "one.json", [row]);

        var glob = LakeLayout.ParquetGlob(folder.Lake);
        var text = Scalar<string>($"""
            SELECT concat_ws('|', source_file, source_kind, {LakeSchema.LocatorSql}, reporting_entity, payer_name, plan_name, plan_id, plan_id_type,
                   billing_code, billing_code_type, billing_code_type_version, modifiers, negotiation_arrangement, negotiated_type,
                   rate, rate_is_percentage, billing_class, setting, places_of_service, provider_npi_count, provider_tin_count,
                   state, expiration_date, additional_information, network, payer, code_prefix)
            FROM read_parquet($g, hive_partitioning = true, hive_types_autocast = false)
            """, ("g", glob));
        Assert.Equal(
            "in-network.json|tic-in-network|$.in_network[0].negotiated_rates[0].negotiated_prices[0] @ 0|Test Reporting Entity|Acme Health|Test PPO|12-3456789|EIN|"
            + "77054|CPT|2026|26:TC|ffs|negotiated|123.45|true|professional|outpatient|11:22|3|1|CA|2027-06-30|note|Open Access|Select|acme-health|770",
            text);
    }

    [Fact]
    public async Task Rows_of_one_code_keep_their_own_item_columns_when_one_changes_between_neighbours()
    {
        // The writer hands the item columns over as one array per run of equal ones: a network or plan that changes
        // from row to row (and back) must land on its own rows, across hand-off batches and row groups.
        string[] networks = ["North", "South", "North|South"];
        string[] plans = ["Gold PPO", "Silver HMO"];
        var rows = Enumerable.Range(0, 20_000)
            .Select(i => Observations.Rate("Acme Health", "77054", i, i: i) with
            {
                Network = networks[(i / 3) % networks.Length],
                Plan = plans[(i / 7) % plans.Length],
            })
            .ToList();
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 1_000, EarlyRowGroupRows = 300 });
        await IngestAsync(lake, "networks.json", rows);

        var glob = LakeLayout.ParquetGlob(folder.Lake);
        Assert.Equal(0L, Scalar<long>(
            """
            SELECT count(*) FROM read_parquet($g)
            WHERE network <> CASE (CAST(rate AS BIGINT) // 3) % 3 WHEN 0 THEN 'North' WHEN 1 THEN 'South' ELSE 'North|South' END
               OR plan_name <> CASE (CAST(rate AS BIGINT) // 7) % 2 WHEN 0 THEN 'Gold PPO' ELSE 'Silver HMO' END
               OR json_item <> CAST(rate AS BIGINT)
            """,
            ("g", glob)));
        Assert.Equal(20_000L, Scalar<long>("SELECT count(*) FROM read_parquet($g)", ("g", glob)));
    }

    [Fact]
    public async Task Columns_have_standard_types_every_engine_reads()
    {
        var lake = new RateLake(folder.Lake);
        await IngestAsync(lake, "one.json", [Observations.Rate("Acme Health", "77054", 10m)]);

        var types = Scalar<string>(
            "SELECT string_agg(column_name || ':' || column_type, ',' ORDER BY column_name) FROM (DESCRIBE SELECT * FROM read_parquet($g))",
            ("g", LakeLayout.ParquetGlob(folder.Lake)));
        Assert.Contains("rate:DOUBLE", types, StringComparison.Ordinal);
        Assert.Contains("expiration_date:DATE", types, StringComparison.Ordinal);
        Assert.Contains("provider_npi_count:INTEGER", types, StringComparison.Ordinal);
        Assert.Contains("rate_is_percentage:BOOLEAN", types, StringComparison.Ordinal);
        Assert.Contains("billing_code:VARCHAR", types, StringComparison.Ordinal);
        Assert.DoesNotContain("UINT", types, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parts_are_partitioned_by_payer_slug_and_code_prefix_and_named_by_source_hash()
    {
        var lake = new RateLake(folder.Lake);
        await IngestAsync(lake, "in-network.json", Observations.Many(600));

        var parts = Directory.EnumerateFiles(folder.Lake, "*.parquet", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder.Lake, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var hash = Sha("in-network.json")[..16];
        var folders = parts.Select(p => p[..p.LastIndexOf('/')]).Distinct().ToList();
        Assert.Equal(
            ["payer=acme-health/code_prefix=705", "payer=acme-health/code_prefix=770",
             "payer=acme-health/code_prefix=992", "payer=acme-health/code_prefix=G02", "payer=acme-health/code_prefix=J11",
             "payer=blue-plan-of-somewhere/code_prefix=705",
             "payer=blue-plan-of-somewhere/code_prefix=770", "payer=blue-plan-of-somewhere/code_prefix=992",
             "payer=blue-plan-of-somewhere/code_prefix=G02", "payer=blue-plan-of-somewhere/code_prefix=J11",
             "payer=cigna-like-co/code_prefix=705", "payer=cigna-like-co/code_prefix=770",
             "payer=cigna-like-co/code_prefix=992", "payer=cigna-like-co/code_prefix=G02", "payer=cigna-like-co/code_prefix=J11"],
            folders);
        Assert.All(parts, p => Assert.Matches($"/part-{hash}-[0-9]{{4}}\\.parquet$", p));
        Assert.False(Directory.Exists(Path.Combine(folder.Lake, LakeLayout.StagingFolder)));
        Assert.True(File.Exists(Path.Combine(folder.Lake, LakeLayout.SourcesFolder, Sha("in-network.json") + ".json")));
    }

    [Fact]
    public async Task Interleaved_partitions_become_one_part_file_each_with_full_row_groups()
    {
        // Two partitions alternate row by row: each is written as a row group whenever it holds 10 rows, appended to
        // its one part file.
        var rows = Enumerable.Range(0, 40).Select(i => Observations.Rate("Acme Health", i % 2 == 0 ? "77054" : "99213", i, i: i)).ToList();
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 10, Encoders = 1 });
        var record = await IngestAsync(lake, "alternating.json", rows);

        Assert.Equal(2, record!.Parts.Count);
        var glob = LakeLayout.ParquetGlob(folder.Lake);
        Assert.Equal(40L, Scalar<long>("SELECT count(*) FROM read_parquet($g)", ("g", glob)));
        Assert.Equal(Enumerable.Range(0, 20).Sum(i => 2 * i), Scalar<long>("SELECT sum(rate)::BIGINT FROM read_parquet($g) WHERE billing_code = '77054'", ("g", glob)));
        Assert.Equal(2L, Scalar<long>("SELECT count(DISTINCT row_group_id) FROM parquet_metadata($g) WHERE file_name LIKE '%code_prefix=770%'", ("g", glob)));
    }

    [Fact]
    public async Task Two_encoders_share_the_partitions_and_every_row_lands_once()
    {
        var rows = Observations.Many(20_000, seed: 3);
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 1_000, MaxBufferedBytes = 64 << 10, Encoders = 2 });
        var record = await IngestAsync(lake, "two.json", rows);

        var glob = LakeLayout.ParquetGlob(folder.Lake);
        Assert.Equal(20_000L, Scalar<long>("SELECT count(*) FROM read_parquet($g)", ("g", glob)));
        Assert.Equal(rows.Select(r => (r.Payer, r.BillingCode[..3])).Distinct().Count(), record!.Parts.Count);
        Assert.Equal(20_000L, Scalar<long>($"SELECT count(DISTINCT {LakeSchema.LocatorSql}) FROM read_parquet($g)", ("g", glob)));
    }

    [Fact]
    public async Task The_same_source_committed_twice_lands_once()
    {
        var lake = new RateLake(folder.Lake);
        var rows = Observations.Many(100);
        Assert.NotNull(await IngestAsync(lake, "in-network.json", rows));
        var before = folder.Snapshot();

        Assert.Null(await IngestAsync(lake, "in-network.json", rows));

        Assert.Equal(before, folder.Snapshot());
        Assert.Single(lake.Sources());
    }

    [Fact]
    public async Task An_ingest_disposed_without_commit_leaves_the_lake_byte_for_byte_unchanged()
    {
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 16 });
        await IngestAsync(lake, "first.json", Observations.Many(100));
        var before = folder.Snapshot();

        await using (var ingest = lake.BeginIngest("second.json"))
        {
            // More rows than one hand-off batch, so the partitioner has them while the ingest is still open.
            foreach (var row in Observations.Many(10_000, seed: 9))
            {
                ingest.Write(row);
            }

            // The background encoders have started part files in the staging folder (partitions fill 16-row row groups).
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!Directory.EnumerateFiles(ingest.StagingFolder, "*.parquet", SearchOption.AllDirectories).Any() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.NotEmpty(Directory.EnumerateFiles(ingest.StagingFolder, "*.parquet", SearchOption.AllDirectories));
        }

        Assert.Equal(before, folder.Snapshot());
    }

    [Fact]
    public async Task Recover_rolls_an_interrupted_commit_forward_and_deletes_abandoned_staging()
    {
        var lake = new RateLake(folder.Lake);
        var abandoned = Path.Combine(lake.StagingRoot, "abandoned");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "0000.parquet"), "half a file");

        await IngestAsync(lake, "in-network.json", [Observations.Rate("Acme Health", "77054", 10m)]);

        Assert.False(Directory.Exists(lake.StagingRoot));
        Assert.Equal(1L, Scalar<long>("SELECT count(*) FROM read_parquet($g)", ("g", LakeLayout.ParquetGlob(folder.Lake))));
    }

    [Theory]
    [InlineData("Blue Cross Blue Shield of Texas", "blue-cross-blue-shield-of-texas")]
    [InlineData("  UnitedHealthcare, Inc. ", "unitedhealthcare-inc")]
    [InlineData("", "unspecified")]
    [InlineData("../..", "unspecified")]
    public void Payer_slugs_are_path_safe(string payer, string slug) => Assert.Equal(slug, LakeLayout.PayerSlug(payer));

    [Theory]
    [InlineData("77054", "770")]
    [InlineData("g0202", "G02")]
    [InlineData("1/", "1_")]
    [InlineData("", "_")]
    public void Code_prefixes_are_three_path_safe_characters(string code, string prefix) => Assert.Equal(prefix, LakeLayout.CodePrefix(code));
}
