using System.Text.RegularExpressions;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Tests;
using PayerAtlas.Tests.Cli;

namespace PayerAtlas.Lake.Tests;

/// <summary>The rates commands as a user runs them, with standard output and error captured (so: not a terminal).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed partial class RatesCliTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    static string Example(string file) => SharedData.Path("tic", "v2.2.0", "examples", "in-network-rates", file);


    [GeneratedRegex(@"^ingest in-network-rates-multiple-plans-sample\.json: [0-9.,]+(/[0-9.,]+ MB \(\d+%\)| MB), [0-9,]+ observations, [0-9.,]+ MB/s", RegexOptions.Multiline)]
    private static partial Regex ProgressLine();

    [Fact]
    public void Ingest_prints_plain_progress_lines_and_a_summary_when_output_is_redirected()
    {
        var file = Example("in-network-rates-multiple-plans-sample.json");

        var (exit, stdout, stderr) = CliRunner.Run("rates", "ingest", file, "--lake", folder.Lake);

        Assert.Equal(0, exit);
        Assert.Matches(ProgressLine(), stderr);
        Assert.DoesNotContain("\u001b[", stderr, StringComparison.Ordinal);
        Assert.Matches(@"Ingested +TicInNetwork +[0-9,]+ obs", stdout);
        Assert.Matches(@"^[0-9,]+ observations, 0 rejected, 0 skipped as duplicate, [0-9.,]+ MB in [0-9.,]+ s \([0-9.,]+ MB/s\)", stdout.Split('\n')[^2]);
    }

    [Fact]
    public async Task No_mmap_reads_a_plain_file_without_mapping_it_and_lands_the_same_rows()
    {
        var file = folder.File("in-network.json");
        TicSynthesizer.Write(file, new TicSynthesizerOptions { TargetBytes = 48_000_000, Seed = 3 });
        using var streamed = new LakeFolder();

        // The process's own mappings, watched while each ingest runs: the default maps the file, --no-mmap must not.
        var (mappedRun, mappedSeen) = await WatchMappingsAsync(file, () => CliRunner.Run("rates", "ingest", file, "--lake", folder.Lake));
        var (streamedRun, streamedSeen) = await WatchMappingsAsync(file, () => CliRunner.Run("rates", "ingest", file, "--lake", streamed.Lake, "--no-mmap"));

        Assert.Equal(0, mappedRun.Exit);
        Assert.Equal(0, streamedRun.Exit);
        Assert.True(mappedSeen, "the default ingest maps a plain local file");
        Assert.False(streamedSeen, "--no-mmap reads the file as a stream");
        const string Rows = "SELECT count(*), sum(hash(COLUMNS(*)))::VARCHAR FROM read_parquet($p, hive_partitioning = true, union_by_name = true)";
        Assert.Equal(
            Parquet.DuckDb.Query(Rows.Replace("$p", $"'{folder.Lake}/**/*.parquet'", StringComparison.Ordinal)).Single(),
            Parquet.DuckDb.Query(Rows.Replace("$p", $"'{streamed.Lake}/**/*.parquet'", StringComparison.Ordinal)).Single());
    }

    /// <summary>Runs <paramref name="run"/> on another thread, reading /proc/self/maps until it returns: was <paramref name="file"/> mapped meanwhile?</summary>
    static async Task<((int Exit, string Out, string Err) Result, bool Mapped)> WatchMappingsAsync(string file, Func<(int, string, string)> run)
    {
        var full = Path.GetFullPath(file);
        var task = Task.Run(run);
        var mapped = false;
        while (!task.IsCompleted)
        {
            mapped |= File.ReadAllText("/proc/self/maps").Contains(full, StringComparison.Ordinal);
            await Task.Delay(2);
        }

        return (await task, mapped);
    }

    [Fact]
    public void A_second_ingest_of_the_same_file_reports_it_skipped_as_duplicate()
    {
        var file = Example("in-network-rates-multiple-plans-sample.json");
        CliRunner.Run("rates", "ingest", file, "--lake", folder.Lake);

        var (exit, stdout, _) = CliRunner.Run("rates", "ingest", file, "--lake", folder.Lake);

        Assert.Equal(0, exit);
        Assert.Contains("0 observations, 0 rejected, 1 skipped as duplicate", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_exits_2_naming_it_and_the_good_ones_still_land()
    {
        var bad = folder.File("bad.json");
        File.WriteAllText(bad, """{"reporting_entity_name": "x", "in_network": [ {"negotiation_arrangement": """);
        var good = Example("in-network-rates-fee-for-service-single-plan-sample.json");

        var (exit, stdout, stderr) = CliRunner.Run("rates", "ingest", bad, good, "--lake", folder.Lake);

        Assert.Equal(2, exit);
        Assert.Contains("bad.json", stderr, StringComparison.Ordinal);
        Assert.Contains($"nothing of {bad} was added to the lake", stderr, StringComparison.Ordinal);
        Assert.Matches(@"Ingested +TicInNetwork", stdout);
    }

    [Fact]
    public void Benchmark_prints_percentiles_per_payer_as_json()
    {
        var file = Example("in-network-rates-fee-for-service-single-plan-sample.json");
        CliRunner.Run("rates", "ingest", file, "--lake", folder.Lake);
        using var benchmarks = new LakeBenchmarks(folder.Lake);
        var code = LakeWriterTests.Scalar<string>("SELECT min(billing_code) FROM read_parquet($g) WHERE NOT rate_is_percentage",
            ("g", LakeLayout.ParquetGlob(folder.Lake)));
        var expected = benchmarks.For(new Rates.RateBenchmarkQuery { BillingCode = code, IncludeExpired = true });

        var (exit, stdout, _) = CliRunner.Run("rates", "benchmark", code, "--lake", folder.Lake, "--include-expired", "--format", "json");

        Assert.Equal(0, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var rows = doc.RootElement.GetProperty("benchmarks");
        Assert.Equal(code, doc.RootElement.GetProperty("code").GetString());
        Assert.Equal(expected.Count, rows.GetArrayLength());
        Assert.Equal(expected[0].Median, rows[0].GetProperty("benchmark").GetProperty("median").GetDecimal());
        Assert.Equal(expected[0].Count, rows[0].GetProperty("benchmark").GetProperty("count").GetInt64());
        Assert.Equal(0, doc.RootElement.GetProperty("hospitalCharges").GetArrayLength());
    }

    [Fact]
    public void Benchmark_of_a_code_only_hospitals_price_lists_their_charges_in_json_and_succeeds()
    {
        var file = SharedData.Path("hpt", "examples", "CSV", "Tall", "V3.0.0_Tall_CSV_Format_Example.csv");
        var observed = new Rates.RateBenchmarkList();
        Importers.Hpt.HptReader.Read(file, observed, file);
        var code = observed.Observations.First(o => o.Payer.Length == 0).BillingCode;
        var expected = observed.HospitalCharges(code);
        Assert.Equal(0, CliRunner.Run("rates", "ingest", file, "--lake", folder.Lake).Exit);

        var (exit, stdout, _) = CliRunner.Run("rates", "benchmark", code, "--lake", folder.Lake, "--format", "json");

        Assert.Equal(0, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var charges = doc.RootElement.GetProperty("hospitalCharges");
        Assert.Equal(expected.Count, charges.GetArrayLength());
        Assert.Equal(expected[0].Gross, charges[0].GetProperty("gross").GetDecimal());
        Assert.Equal(expected[0].Locator, charges[0].GetProperty("locator").GetString());

        // Another state's charges are not these hospitals': nothing to show, exit 3 (not found).
        var other = expected[0].State == "AK" ? "AL" : "AK";
        Assert.NotEqual(0, CliRunner.Run("rates", "benchmark", code, "--lake", folder.Lake, "--state", other, "--format", "json").Exit);
    }

    [Fact]
    public async Task Benchmark_with_a_fee_schedule_store_sets_each_median_beside_the_matching_Medicare_amount()
    {
        // CY2025 October release: 77054 national non-facility 67.28 (global) and 20.38 (-26), as the price command states.
        var db = folder.File("atlas.db");
        Assert.Equal(0, CliRunner.Run("import", SharedData.Path("pfs", "rvu25d"), "--db", db).Exit);
        var lake = new RateLake(folder.Lake);
        await LakeWriterTests.IngestAsync(lake, "rates.json",
        [
            Observations.Rate("Acme Health", "77054", 50), Observations.Rate("Acme Health", "77054", 100), Observations.Rate("Acme Health", "77054", 150),
            Observations.Rate("Acme Health", "77054", 20) with { Modifiers = "26" }, Observations.Rate("Acme Health", "77054", 30) with { Modifiers = "26" },
        ]);

        var (exit, stdout, _) = CliRunner.Run("rates", "benchmark", "77054", "--lake", folder.Lake, "--db", db, "--format", "json");

        Assert.Equal(0, exit);
        var rows = System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("benchmarks").EnumerateArray()
            .Select(r => (r.GetProperty("benchmark").GetProperty("modifiers").GetString(), r.GetProperty("benchmark").GetProperty("median").GetDecimal(),
                r.GetProperty("medicare").GetDecimal(), r.GetProperty("medianPercentOfMedicare").GetDecimal()))
            .ToList();
        Assert.Equal([("", 100m, 67.28m, 148.6m), ("26", 25m, 20.38m, 122.7m)], rows);
    }

    [Fact]
    public void Benchmark_of_a_code_with_no_rates_exits_3()
    {
        CliRunner.Run("rates", "ingest", Example("in-network-rates-fee-for-service-single-plan-sample.json"), "--lake", folder.Lake);

        var (exit, stdout, _) = CliRunner.Run("rates", "benchmark", "00000", "--lake", folder.Lake);

        Assert.Equal(3, exit);
        Assert.Contains("no current dollar rates for 00000", stdout, StringComparison.Ordinal);
    }
}
