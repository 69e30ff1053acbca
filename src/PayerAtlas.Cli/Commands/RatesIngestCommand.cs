using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Importing;
using PayerAtlas.Lake;

namespace PayerAtlas.Cli.Commands;

/// <summary><c>rates ingest &lt;file|url&gt;... --lake &lt;dir&gt;</c>: price-transparency files into the Parquet rate lake.</summary>
public static class RatesIngestCommand
{
    public static Option<string> Lake() => new("--lake")
    {
        Description = "Rate lake folder (Parquet partitioned by payer and code prefix; created if missing)",
        Required = true,
    };

    public static Command Create()
    {
        var sources = new Argument<string[]>("sources")
        {
            Description = "TiC in-network or allowed-amount files, tables of contents, hospital CSV/JSON files (plain or .gz), or HTTP(S) URLs",
            Arity = ArgumentArity.OneOrMore,
        };
        var lake = Lake();
        var noMap = new Option<bool>("--no-mmap")
        {
            Description = "Read plain local files as streams, not through a memory mapping (for a file another program may cut short while it is read: a mapped file truncated under the reader stops the process)",
        };
        var helperNice = new Option<int?>("--helper-nice")
        {
            Description = "Nice levels the helper threads (partitioner, encoders, hash, read-ahead) run below the reader, 0-19 (Linux; default 6: they then fill the core the reader leaves instead of taking its own; 0 when CPU-bound work started from the same session should not take their share first)",
        };
        helperNice.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 0 or > 19)
            {
                r.AddError("--helper-nice must be 0 to 19");
            }
        });
        var command = new Command("ingest", "Ingest price-transparency files into the rate lake; each file lands whole or not at all, and a file already in the lake is skipped")
            { sources, lake, noMap, helperNice };
        command.SetAction((pr, ct) => Cli.RunAsync(() => IngestAsync(
            pr.GetValue(sources)!, pr.GetValue(lake)!, ct, mapFiles: !pr.GetValue(noMap), helperNiceness: pr.GetValue(helperNice))));
        return command;
    }

    public static async Task<ExitCode> IngestAsync(
        IReadOnlyList<string> sources, string lakeFolder, CancellationToken ct, bool mapFiles = true, int? helperNiceness = null)
    {
        var lake = new RateLake(lakeFolder, helperNiceness is { } nice ? new LakeWriterOptions { HelperNiceness = nice } : null);
        var ingester = new RateIngester(lake, RateReaders.Default()) { MapLocalFiles = mapFiles };
        var results = new List<IngestResult>();
        var failed = new List<string>();
        await IngestProgressView.RunAsync(async view =>
        {
            foreach (var source in sources)
            {
                try
                {
                    var result = await ingester.IngestAsync(source, view, ct).ConfigureAwait(false);
                    view.Finished(result);
                    results.Add(result);
                }
                catch (Exception e) when (IsBadInput(e))
                {
                    failed.Add(source);
                    await Console.Error.WriteLineAsync($"error: {Message(source, e)}").ConfigureAwait(false);
                    await Console.Error.WriteLineAsync($"nothing of {source} was added to the lake").ConfigureAwait(false);
                }
            }

            return 0;
        }).ConfigureAwait(false);

        Print(results);
        return failed.Count > 0 ? ExitCode.BadInput : ExitCode.Ok;
    }

    static bool IsBadInput(Exception e) => e is RateIngestException or TicFormatException or ImportException or JsonException
        or InvalidDataException or FormatException or EndOfStreamException or HttpRequestException or IOException;

    static string Message(string source, Exception e) => e is RateIngestException ? e.Message : $"{source}: {e.Message}";

    /// <summary>A line per source (tables of contents list their files), then the totals.</summary>
    public static void Print(IReadOnlyList<IngestResult> results)
    {
        var flat = results.SelectMany(r => r.Outcome == IngestOutcome.TableOfContents ? r.Files.Prepend(r) : [r]).ToList();
        foreach (var r in flat)
        {
            var mbs = r.UncompressedBytes / 1e6 / Math.Max(r.Elapsed.TotalSeconds, 0.001);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Outcome,-15} {r.Kind,-20} {r.Observations,12:N0} obs {r.Rejected,8:N0} rejected {r.UncompressedBytes / 1e6,10:N1} MB {mbs,8:N1} MB/s  {r.Source}"));
        }

        var files = flat.Where(r => r.Outcome != IngestOutcome.TableOfContents).ToList();
        var seconds = Math.Max(results.Sum(r => r.Elapsed.TotalSeconds), 0.001);
        var mb = files.Sum(r => r.UncompressedBytes) / 1e6;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Sum(r => r.Observations):N0} observations, {files.Sum(r => r.Rejected):N0} rejected, "
            + $"{files.Count(r => r.Outcome == IngestOutcome.Duplicate)} skipped as duplicate, {mb:N1} MB in {seconds:N2} s ({mb / seconds:N1} MB/s)"));
        if (Environment.GetEnvironmentVariable("PAYERATLAS_MEMORY_REPORT") == "1")
        {
            // For bench/rates: where the memory went (the process's peak, the GC's share of it).
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory: peak working set {self.PeakWorkingSet64 / 1e6:N0} MB, GC heap {gc.HeapSizeBytes / 1e6:N0} MB, committed {gc.TotalCommittedBytes / 1e6:N0} MB, "
                + $"GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (paused {GC.GetTotalPauseDuration().TotalSeconds:N2} s), allocated {GC.GetTotalAllocatedBytes() / 1e6:N0} MB"));
        }
    }
}
