using System.Globalization;
using PayerAtlas.Importing;
using PayerAtlas.Store;
using Xunit.Abstractions;

namespace PayerAtlas.Tests.Safety;

/// <summary>
/// Kills real imports (child processes) at seeded random points and checks after every kill that the database is
/// consistent, that every release listed before reads back identically (a digest of every reader method, over a fixed
/// sample of codes or every code, see <see cref="Stride"/>), that no partial release is listed, and finally that the
/// next import succeeds.
/// Half the kills are SIGKILLs from this process after a random delay (anywhere, including inside SQLite's commit);
/// the other half are the crash host killing itself at an exact point (after N rows, before a carry-forward,
/// just before or just after the commit).
/// </summary>
public sealed class CrashDrill(CrashBackend backend, ITestOutputHelper output)
{
    /// <summary>PAYERATLAS_CRASH_KILLS (default 10) and PAYERATLAS_CRASH_SEED select a longer or different run.</summary>
    public static int Kills => int.TryParse(Environment.GetEnvironmentVariable("PAYERATLAS_CRASH_KILLS"), out var n) ? n : 10;

    /// <summary>
    /// The per-code reader methods run over every 16th code (about 1,050 of 16,876) of every release, before and after
    /// each kill: a full digest is 200,000 reader calls, minutes on PostgreSQL on a busy 2-core machine. With
    /// PAYERATLAS_CRASH_FULL=1 (bench/crash/run.sh) they run over every code. The release-wide methods always run in full.
    /// </summary>
    static int Stride => Environment.GetEnvironmentVariable("PAYERATLAS_CRASH_FULL") == "1" ? 1 : 16;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("PAYERATLAS_CRASH_SEED"), out var n) ? n : 20261201;

    static string[] NextImport => [SharedData.Path("pfs", "rvu25d"), Path.Combine(RepoPaths.DemoContent, "codes")];

    readonly Dictionary<string, ReleaseDigest> sampled = new(StringComparer.Ordinal);

    public void Run()
    {
        SeedReleases();
        var reference = Cli(["import", .. NextImport, "--db", backend.Db, "--release", "next-0"]);
        Assert.True(reference.ExitCode == 0, $"the uninterrupted import failed: {reference.Error}");
        DigestAll();
        var rows = RowsImported("next-0");
        output.WriteLine($"{backend.Name}: uninterrupted import of {rows:N0} rows took {reference.Elapsed.TotalSeconds:N2} s; seed {Seed}, {Kills} kills");

        var random = new Random(Seed);
        var killed = 0;
        for (var i = 1; i <= Kills; i++)
        {
            var label = $"next-{i}";
            var before = Labels();
            ChildExit exit;
            string where;
            if (i % 2 == 1)
            {
                var delay = reference.Elapsed * (0.05 + random.NextDouble());
                where = $"SIGKILL after {delay.TotalSeconds:N2} s";
                exit = Cli(["import", .. NextImport, "--db", backend.Db, "--release", label], delay);
            }
            else
            {
                var point = random.NextDouble() switch
                {
                    < 0.7 => $"rows:{random.NextInt64(1, rows + 1)}",
                    < 0.8 => $"carry:{random.Next(1, 5)}",
                    < 0.9 => "commit",
                    _ => "committed",
                };
                where = $"self-kill at {point}";
                exit = ChildProcess.Run(ChildProcess.Assembly("PayerAtlas.CrashHost"), [backend.Db, label, point, .. NextImport]);
            }

            var outcome = exit.DiedOfSigkill ? "killed" : exit.ExitCode == 0 ? "finished first" : $"exit {exit.ExitCode}";
            Assert.True(exit.DiedOfSigkill || exit.ExitCode == 0, $"kill {i} ({where}): the import failed on its own: {exit.Error}");
            killed += exit.DiedOfSigkill ? 1 : 0;
            var landed = Check(before, label);
            output.WriteLine($"kill {i,2}: {where,-28} → {outcome}; {(landed ? $"release {label} complete" : "no trace of the import")}; "
                + $"{before.Count} earlier releases read back identically");
        }

        Assert.True(killed >= Kills / 2, $"only {killed} of {Kills} imports were killed before they finished");
        var final = Cli(["import", .. NextImport, "--db", backend.Db, "--release", "after-kills"]);
        Assert.True(final.ExitCode == 0, $"the import after the kills failed: {final.Error}");
        backend.Settle();
        Assert.Empty(backend.Problems());
        using (var store = backend.Open())
        {
            foreach (var release in store.ListReleases().Where(r => r.Label is "base" or "next-0"))
            {
                AssertSame(sampled[release.Label], ReleaseDigest.Of(store, release, Stride), release.Label);
            }

            AssertSame(sampled["next-0"], ReleaseDigest.Of(store, store.FindRelease("after-kills")!, Stride), "after-kills");
            Assert.Equal("after-kills", store.FindRelease()!.Label);
        }

        output.WriteLine($"{killed} imports killed, {Kills - killed} finished before their kill; the import after them succeeded and reads back like next-0");
    }

    /// <summary>Checks the store after a kill; true when the killed import had committed (and is then complete).</summary>
    bool Check(IReadOnlyList<string> before, string label)
    {
        backend.Settle();
        Assert.Empty(backend.Problems());
        using var store = backend.Open();
        var after = store.ListReleases();
        var landed = after.Any(r => r.Label == label);
        Assert.Equal(landed ? [.. before, label] : before, after.Select(r => r.Label).ToList());
        foreach (var release in after)
        {
            var expected = release.Label == label ? sampled["next-0"] : sampled[release.Label];
            AssertSame(expected, ReleaseDigest.Of(store, release, Stride), release.Label);
            AssertRowCountsMatchSources(store, release);
        }

        Assert.Equal(landed ? label : before[^1], store.FindRelease()!.Label);
        if (landed)
        {
            sampled[label] = sampled["next-0"];
        }

        return landed;
    }

    static void AssertSame(ReleaseDigest expected, ReleaseDigest actual, string label) =>
        Assert.True(expected.SameAs(actual), $"release {label} reads back differently: {string.Join(", ", expected.Differences(actual))}");

    /// <summary>Every dataset holds exactly the rows its sources recorded: no half-written or doubled table.</summary>
    static void AssertRowCountsMatchSources(IPayerAtlasStore store, ReleaseInfo release)
    {
        using var reader = store.OpenReader(release);
        foreach (var group in release.Sources.Where(s => s.Dataset is not (Sources.Dataset.Editorial or Sources.Dataset.Policies)).GroupBy(s => s.Dataset))
        {
            Assert.True(group.Sum(s => s.Rows) == reader.Count(group.Key), $"release {release.Label}: {group.Key} has {reader.Count(group.Key)} rows, its sources say {group.Sum(s => s.Rows)}");
        }
    }

    /// <summary>Release "base": every dataset (the real CMS folder, HCPCS, POS, NCCI fixtures, editorial, policies).</summary>
    void SeedReleases()
    {
        using var store = backend.Open();
        new ReleaseImporter(store).Import(
            [SharedData.Path("pfs", "rvu25d"), Path.Combine(RepoPaths.DemoContent, "codes"), Path.Combine(RepoPaths.DemoContent, "policies"),
                RepoPaths.Fixture("ncci"), SharedData.Path("hcpcs", "2020", "2020-Alpha-Numeric-HCPCS-File.zip"), SharedData.Path("pos", "cs-CMS-PlaceofServiceCodes.xml")],
            "base");
    }

    void DigestAll()
    {
        using var store = backend.Open();
        foreach (var release in store.ListReleases())
        {
            sampled[release.Label] = ReleaseDigest.Of(store, release, Stride);
        }
    }

    long RowsImported(string label)
    {
        using var store = backend.Open();
        return store.FindRelease(label)!.Sources.Where(s => s.CarriedFrom is null).Sum(s => s.Rows);
    }

    List<string> Labels()
    {
        using var store = backend.Open();
        return store.ListReleases().Select(r => r.Label).ToList();
    }

    ChildExit Cli(string[] args, TimeSpan? killAfter = null) => ChildProcess.Run(ChildProcess.Assembly("PayerAtlas.Cli"), args, killAfter);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{backend.Name} crash drill, seed {Seed}");
}
