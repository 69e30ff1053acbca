using System.CommandLine;
using PayerAtlas.Importing;

namespace PayerAtlas.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "CMS files, folders, ZIPs and content packs, as published", Arity = ArgumentArity.OneOrMore };
        var db = Options.Db();
        var release = new Option<string?>("--release") { Description = "Label for the new release, e.g. 2025Q4 (default: from the fee schedule's title)" };
        var command = new Command("import", "Import files as one new release (all or nothing)") { paths, db, release };
        command.SetAction(pr => Cli.Run(() =>
        {
            using var store = StoreFactory.Open(pr.GetValue(db)!);
            var report = Import(store, pr.GetValue(paths)!, pr.GetValue(release));
            return report is null ? ExitCode.BadInput : ExitCode.Ok;
        }));
        return command;
    }

    public static ImportReport? Import(Store.IPayerAtlasStore store, IReadOnlyList<string> paths, string? release)
    {
        var report = new ReleaseImporter(store, new ConsoleProgress("importing")).Import(paths, release);
        ConsoleProgress.Done();
        Print(report);
        return report;
    }

    /// <summary>A line per input file, then the release's totals.</summary>
    public static void Print(ImportReport report)
    {
        foreach (var file in report.Files)
        {
            var kind = file.Kind?.ToString() ?? "-";
            Console.Out.WriteLine($"{file.Outcome,-14} {kind,-26} {file.Rows,9:N0}  {file.File}{(file.Outcome == ImportOutcome.Imported ? "" : "  (" + file.Note + ")")}");
        }

        var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
        Console.Out.WriteLine($"release {report.Release.Label}: {report.Rows:N0} rows imported in {seconds:N2} s ({report.Rows / seconds:N0} rows/s)");
    }
}
