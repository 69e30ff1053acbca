using System.CommandLine;

namespace PayerAtlas.Cli.Commands;

public static class DemoCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "Demo database file (replaced on every run)", DefaultValueFactory = _ => Path.Combine(".payeratlas", "demo.db") };
        var output = new Option<string>("--out") { Description = "Site folder", DefaultValueFactory = _ => Path.Combine(".payeratlas", "site") };
        var content = new Option<string?>("--content") { Description = "Content pack folder (default: the bundled content/demo)" };
        var urls = new Option<string>("--urls") { Description = "Where to serve the web site and API", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var noServe = new Option<bool>("--no-serve") { Description = "Build the site and exit" };
        var lake = new Option<string>("--lake") { Description = "Rate lake the pack's rates/ files are ingested into (kept between runs; a file already in it is skipped)", DefaultValueFactory = _ => Path.Combine(".payeratlas", "lake") };
        var command = new Command("demo", "Import the bundled demo content pack, ingest its rate files, build the static site, and serve the web site and API") { db, output, content, urls, noServe, lake };
        command.SetAction(async (pr, ct) => await Cli.RunAsync(async () =>
        {
            var pack = pr.GetValue(content) ?? FindDemoContent();
            if (pack is null)
            {
                return Cli.Fail(ExitCode.NotFound, "content/demo not found: run from the repository or pass --content");
            }

            var dbPath = Path.GetFullPath(pr.GetValue(db)!);
            Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(dbPath + suffix);
            }

            var siteDir = pr.GetValue(output)!;
            if (Directory.Exists(siteDir))
            {
                Directory.Delete(siteDir, recursive: true);
            }

            var lakePath = Path.GetFullPath(pr.GetValue(lake)!);
            var rateFiles = DemoRateFiles(pack);
            if (rateFiles.Count > 0)
            {
                var ingested = await RatesIngestCommand.IngestAsync(rateFiles, lakePath, ct).ConfigureAwait(false);
                if (ingested != ExitCode.Ok)
                {
                    return ingested;
                }
            }

            using var rates = Lake.CachedLakeBenchmarks.Problem(lakePath) is null ? new Lake.CachedLakeBenchmarks(lakePath) : null;
            using (var store = StoreFactory.Open(dbPath))
            {
                var report = ImportCommand.Import(store, [pack], null)!;
                SiteCommand.Build(store, report.Release, siteDir, rates);
            }

            if (pr.GetValue(noServe))
            {
                return ExitCode.Ok;
            }

            await ServeCommand.Serve(new Web.WebOptions { Db = dbPath, Urls = pr.GetValue(urls), Lake = rates?.Root }, ct).ConfigureAwait(false);
            return ExitCode.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    /// <summary>The pack's price-transparency files (rates/), in name order; none when the pack has no rates/ folder.</summary>
    static List<string> DemoRateFiles(string pack)
    {
        var folder = Path.Combine(pack, "rates");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>content/demo beside the working directory or the executable, searching upwards.</summary>
    static string? FindDemoContent()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content", "demo");
                if (File.Exists(Path.Combine(candidate, "pack.yaml")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
