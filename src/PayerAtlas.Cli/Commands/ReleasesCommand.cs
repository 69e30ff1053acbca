using System.CommandLine;

namespace PayerAtlas.Cli.Commands;

public static class ReleasesCommand
{
    public static Command Create()
    {
        var db = Options.Db();
        var command = new Command("releases", "List the releases in a database with their source files") { db };
        command.SetAction(pr => Cli.Run(() =>
        {
            using var store = StoreFactory.Open(pr.GetValue(db)!);
            foreach (var release in store.ListReleases())
            {
                Console.Out.WriteLine($"{release.Label}{(release.IsCurrent ? " (current)" : "")}  imported {release.ImportedAt:u}");
                foreach (var s in release.Sources)
                {
                    Console.Out.WriteLine($"  {s.Kind,-26} {s.Rows,9:N0}  sha256 {s.Sha256[..12]}…  {s.File}{(s.CarriedFrom is null ? "" : $"  (carried from {s.CarriedFrom})")}");
                }
            }

            return ExitCode.Ok;
        }));
        return command;
    }
}
