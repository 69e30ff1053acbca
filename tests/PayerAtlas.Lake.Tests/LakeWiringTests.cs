using System.Text.Json;
using PayerAtlas.Rates;
using PayerAtlas.Tests;
using PayerAtlas.Tests.Cli;

namespace PayerAtlas.Lake.Tests;

/// <summary>The lake as publications receive it: the bulk path, and `publish --lake` over the demo rate files.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class LakeWiringTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    static string DemoRates(string file) => Path.Combine(RepoPaths.DemoContent, "rates", file);

    /// <summary>The demo content imported into a store and the demo rate files ingested into the lake; the store's path.</summary>
    string DemoStoreAndLake()
    {
        var db = folder.File("atlas.db");
        Assert.Equal(0, CliRunner.Run("import", RepoPaths.DemoContent, "--db", db).Exit);
        Assert.Equal(0, CliRunner.Run("rates", "ingest", DemoRates("example-health-plan-in-network-demo.json"), DemoRates("example-community-hospital-standard-charges-demo.csv"), "--lake", folder.Lake).Exit);
        return db;
    }

    [Fact]
    public void Benchmark_tables_piped_to_a_file_keep_one_line_per_row_and_list_the_hospital_charges()
    {
        DemoStoreAndLake();

        // A real process with its output redirected: Spectre would assume 80 columns and fold every cell.
        var run = PayerAtlas.Tests.Safety.ChildProcess.Run(PayerAtlas.Tests.Safety.ChildProcess.Assembly("PayerAtlas.Cli"), ["rates", "benchmark", "77054", "--lake", folder.Lake]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("| payer ", StringComparison.Ordinal) && l.Contains("| expired |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| Sample Mutual Insurance (demo data) |", StringComparison.Ordinal) && l.Contains("71.00", StringComparison.Ordinal));
        Assert.Contains("hospital standard charges (not payer-specific):", run.Output, StringComparison.Ordinal);
        var hospital = Assert.Single(lines, l => l.StartsWith("| Example Community Hospital (demo data) |", StringComparison.Ordinal) && l.Contains("| -    |", StringComparison.Ordinal));
        Assert.Contains("| 310.00 | 248.00 | 71.00 | 96.50 |", hospital, StringComparison.Ordinal);
        Assert.EndsWith("example-community-hospital-standard-charges-demo.csv, line 4 |", hospital.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bulk_benchmarks_equal_the_per_code_query_for_every_code_of_the_lake()
    {
        var inputs = Directory.EnumerateFiles(SharedData.Path("tic", "v2.2.0", "examples", "in-network-rates"), "*.json")
            .Append(SharedData.Path("hpt", "examples", "CSV", "Tall", "V3.0.0_Tall_CSV_Format_Example.csv"))
            .Append(DemoRates("example-health-plan-in-network-demo.json"))
            .Append(DemoRates("example-community-hospital-standard-charges-demo.csv"))
            .ToArray();
        Assert.Equal(0, CliRunner.Run(["rates", "ingest", .. inputs, "--lake", folder.Lake]).Exit);
        var asOf = new DateOnly(2026, 12, 1);

        using var lake = new LakeBenchmarks(folder.Lake);
        var bulk = lake.ForAllCodes(asOf);

        Assert.Contains("77054", bulk.Keys);
        Assert.True(bulk.Count > 5, $"only {bulk.Count} codes");
        foreach (var (code, rows) in bulk)
        {
            var single = lake.For(new RateBenchmarkQuery { BillingCode = code, AsOf = asOf });
            Assert.Equal(JsonSerializer.Serialize(single), JsonSerializer.Serialize(rows));
        }
    }

    [Fact]
    public void Publish_with_the_demo_lake_shows_the_payer_table_and_the_share_of_medicare()
    {
        var db = DemoStoreAndLake();
        var json = folder.File("77054.json");

        var (exit, _, err) = CliRunner.Run("publish", "77054", "--db", db, "--format", "json", "--lake", folder.Lake, "--out", json);

        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var facts = doc.RootElement.GetProperty("facts").EnumerateArray().ToList();
        var payers = facts.Where(f => f.GetProperty("id").GetString()!.StartsWith("rates.", StringComparison.Ordinal)
                && f.GetProperty("id").GetString()!.EndsWith(".payer", StringComparison.Ordinal))
            .Select(f => f.GetProperty("value").GetString()).Distinct().ToList();
        Assert.Contains("Example Health Plan (demo data)", payers);
        var shares = facts.Where(f => f.GetProperty("id").GetString()!.EndsWith(".median_pct_medicare", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shares);
        Assert.All(shares, f => Assert.True(f.TryGetProperty("derivation", out _), "a share of Medicare carries its derivation"));
        var reimbursement = doc.RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "reimbursement");
        Assert.DoesNotContain(reimbursement.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("fact").GetString() == "rates.benchmarks");
    }

    [Fact]
    public void Rates_benchmark_with_the_store_states_the_same_shares_of_medicare_as_the_publication()
    {
        var db = DemoStoreAndLake();
        var json = folder.File("77054.json");
        Assert.Equal(0, CliRunner.Run("publish", "77054", "--db", db, "--format", "json", "--lake", folder.Lake, "--out", json).Exit);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var published = doc.RootElement.GetProperty("facts").EnumerateArray()
            .Where(f => f.GetProperty("id").GetString()!.EndsWith(".median_pct_medicare", StringComparison.Ordinal))
            .Select(f => decimal.Parse(f.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .Order().ToList();

        var (exit, stdout, err) = CliRunner.Run("rates", "benchmark", "77054", "--lake", folder.Lake, "--db", db, "--format", "json");

        Assert.True(exit == 0, err);
        var stated = JsonDocument.Parse(stdout).RootElement.GetProperty("benchmarks").EnumerateArray()
            .Where(r => r.GetProperty("medianPercentOfMedicare").ValueKind == JsonValueKind.Number)
            .Select(r => r.GetProperty("medianPercentOfMedicare").GetDecimal())
            .Order().ToList();
        Assert.NotEmpty(published);
        Assert.Equal(published, stated);
    }

    [Fact]
    public void Publish_with_a_lake_that_does_not_exist_exits_2_naming_it()
    {
        var db = folder.File("atlas.db");
        Assert.Equal(0, CliRunner.Run("import", RepoPaths.DemoContent, "--db", db).Exit);
        var missing = folder.File("no-such-lake");

        var (exit, _, err) = CliRunner.Run("publish", "77054", "--db", db, "--lake", missing);

        Assert.Equal(2, exit);
        Assert.Contains("no-such-lake", err, StringComparison.Ordinal);
    }
}
