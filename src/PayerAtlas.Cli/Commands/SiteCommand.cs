using System.CommandLine;
using PayerAtlas.Publishing;

namespace PayerAtlas.Cli.Commands;

public static class SiteCommand
{
    public static Command Create()
    {
        var db = Options.Db();
        var release = Options.Release();
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "site" };
        var lake = Options.RatesLake();
        var command = new Command("site", "Write every code's page (HTML, JSON, Markdown) and an index") { db, release, output, lake };
        command.SetAction(pr => Cli.Run(() =>
        {
            var failure = ExitCode.Ok;
            using var rates = pr.GetValue(lake) is { } lakePath ? Options.OpenLake(lakePath, out failure) : null;
            if (failure != ExitCode.Ok)
            {
                return failure;
            }

            using var store = StoreFactory.Open(pr.GetValue(db)!);
            var rel = store.FindRelease(pr.GetValue(release));
            if (rel is null)
            {
                return Cli.Fail(ExitCode.NotFound, "no such release (run import first)");
            }

            Build(store, rel, pr.GetValue(output)!, rates);
            return ExitCode.Ok;
        }));
        return command;
    }

    /// <param name="rates">Commercial benchmarks for the Reimbursement sections (null: the gap is stated).</param>
    public static SiteReport Build(Store.IPayerAtlasStore store, Store.ReleaseInfo release, string output, Rates.IRateBenchmarks? rates = null)
    {
        var builder = PublicationBuilder.Default();
        builder.Rates = rates;
        var report = new StaticSite(store, builder.Build()).Build(release, output, new ConsoleProgress("publishing"));
        ConsoleProgress.Done();
        var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
        Console.Out.WriteLine($"site: {report.Pages:N0} pages ({report.Files:N0} files) in {seconds:N2} s ({report.Pages / seconds:N0} pages/s) → {Path.GetFullPath(output)}");
        return report;
    }
}
