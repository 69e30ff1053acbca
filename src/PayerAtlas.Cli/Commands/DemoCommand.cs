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
        var command = new Command("demo", "Import the bundled demo content pack, build the static site, and serve the web site and API") { db, output, content, urls, noServe };
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

            using (var store = StoreFactory.Open(dbPath))
            {
                var report = ImportCommand.Import(store, [pack], null)!;
                SiteCommand.Build(store, report.Release, siteDir);
            }

            if (pr.GetValue(noServe))
            {
                return ExitCode.Ok;
            }

            await ServeCommand.Serve(new Web.WebOptions { Db = dbPath, Urls = pr.GetValue(urls) }, ct).ConfigureAwait(false);
            return ExitCode.Ok;
        }).ConfigureAwait(false));
        return command;
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
