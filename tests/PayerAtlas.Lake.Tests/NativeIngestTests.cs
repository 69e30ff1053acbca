using System.Diagnostics;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Lake.Tests.Parquet;
using PayerAtlas.Tests;

namespace PayerAtlas.Lake.Tests;

/// <summary>
/// <c>./payeratlas rates ingest</c> as a user runs it: from the native AOT build of the CLI (artifacts/ingest, made
/// or brought up to date here; needs clang, which .ci/run installs). It must land the same rows as the ingest in
/// this process, for every reader the lake has: TiC in-network (plain and gzip, fast and general path) and
/// hospital CSV tall, CSV wide and JSON — and refuse bad input the same way.
/// </summary>
public sealed class NativeIngestTests : IDisposable
{
    readonly LakeFolder native = new();
    readonly LakeFolder managed = new();

    public void Dispose()
    {
        native.Dispose();
        managed.Dispose();
    }

    static string[] Sources(LakeFolder scratch)
    {
        var synthetic = scratch.File("synthetic.json.gz");
        TicSynthesizer.Write(synthetic, new TicSynthesizerOptions { TargetBytes = 2_000_000, Seed = 5, Gzip = true });
        return
        [
            synthetic,
            SharedData.Path("tic", "v2.2.0", "examples", "in-network-rates", "in-network-rates-multiple-plans-sample.json"),
            SharedData.Path("tic", "v1.6.2", "examples", "in-network-rates", "in-network-rates-fee-for-service-single-plan-sample.json"),
            SharedData.Path("hpt", "examples", "CSV", "Tall", "V3.0.0_Tall_CSV_Format_Example.csv"),
            SharedData.Path("hpt", "examples", "CSV", "Wide", "V3.0.0_Wide_CSV_Format_Example.csv"),
            SharedData.Path("hpt", "examples", "JSON", "v3_json_format_example.json"),
        ];
    }

    [Fact]
    public async Task The_native_ingest_lands_the_same_rows_as_the_ingest_in_process()
    {
        var sources = Sources(native);
        var (exit, stdout, stderr) = Payeratlas(["rates", "ingest", .. sources, "--lake", native.Lake]);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.DoesNotContain("ReadyToRun CLI runs", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "artifacts", "ingest", "PayerAtlas.Cli")), stderr);
        var ingester = new RateIngester(new RateLake(managed.Lake), RateReaders.Default());
        foreach (var source in sources)
        {
            await ingester.IngestAsync(source, null, CancellationToken.None);
        }

        // Every column of every row (the lake's source file is the path as given, the same in both).
        const string Rows = "SELECT count(*), sum(hash(COLUMNS(*)))::VARCHAR FROM read_parquet($p, hive_partitioning = true, union_by_name = true)";
        var nativeRows = DuckDb.Query(Rows.Replace("$p", $"'{native.Lake}/**/*.parquet'", StringComparison.Ordinal)).Single();
        var managedRows = DuckDb.Query(Rows.Replace("$p", $"'{managed.Lake}/**/*.parquet'", StringComparison.Ordinal)).Single();
        Assert.True(Convert.ToInt64(nativeRows[0], System.Globalization.CultureInfo.InvariantCulture) > 1_000, $"{nativeRows[0]} rows");
        Assert.Equal(managedRows, nativeRows);
    }

    [Fact]
    public void The_native_ingest_names_a_truncated_file_and_lands_nothing_of_it()
    {
        var bad = native.File("cut.json");
        var text = File.ReadAllText(SharedData.Path("tic", "v2.2.0", "examples", "in-network-rates", "in-network-rates-multiple-plans-sample.json"));
        File.WriteAllText(bad, text[..(text.Length / 2)]);

        var (exit, _, stderr) = Payeratlas(["rates", "ingest", bad, "--lake", native.Lake]);

        Assert.Equal(2, exit);
        Assert.Contains("cut.json", stderr, StringComparison.Ordinal);
        Assert.Contains($"nothing of {bad} was added to the lake", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(native.Lake) ? Directory.GetFiles(native.Lake, "*.parquet", SearchOption.AllDirectories) : []);
    }

    /// <summary>The repository's <c>./payeratlas</c>, its native ingest build brought up to date first (an up-to-date check when built).</summary>
    static (int Exit, string Stdout, string Stderr) Payeratlas(IEnumerable<string> args)
    {
        // At the lowest priority: a native build from scratch (a fresh checkout's first run) takes both cores for
        // minutes, and the other test assemblies (browser tests with timeouts) run beside this one.
        var start = new ProcessStartInfo("nice") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-n19");
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "payeratlas"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PAYERATLAS_REBUILD"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("./payeratlas rates ingest did not end in 20 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
