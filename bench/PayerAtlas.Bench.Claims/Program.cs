using System.Diagnostics;
using System.Globalization;
using PayerAtlas.Bench.Claims;
using PayerAtlas.Claims;
using PayerAtlas.Claims.Input;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importing;
using PayerAtlas.Sqlite;

// Whole-process benchmark of the NCCI import and of claim checks, each against a raw baseline in the same run:
//   generate --pfs <PPRRVU csv> --out <dir> [--edits 1500000] [--lines 1000000] [--seed 7]
//   import   --pfs <rvu25d dir> --data <dir> --db <file> [--runs 3]
//   check    --db <file> --lines <csv> [--runs 3] [--unindexed 100000]
//   store    --data <dir> --db <file>     (the PTP write path alone: parsed rows in memory, then WritePtpEdits)
var options = Args(args.Skip(1));
string Opt(string name, string? fallback = null) => options.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required");
int Int(string name, int fallback) => int.Parse(Opt(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

switch (args.FirstOrDefault())
{
    case "generate":
        Generate();
        break;
    case "import":
        Import();
        break;
    case "check":
        Check();
        break;
    case "store":
        StoreOnly();
        break;
    default:
        Console.Error.WriteLine("usage: generate | import | check (see Program.cs)");
        return 1;
}

return 0;

void Generate()
{
    var clock = Stopwatch.StartNew();
    var folder = Directory.CreateDirectory(Opt("out")).FullName;
    var (codes, payable, splittable) = Generator.FeeScheduleCodes(Opt("pfs"));
    var generator = new Generator(codes, payable, splittable, Int("seed", 7));
    var edits = generator.Edits(Int("edits", 1_500_000));
    Directory.CreateDirectory(Path.Combine(folder, "ncci"));
    Generator.WritePtp(Path.Combine(folder, "ncci"), edits);
    generator.WriteMue(Path.Combine(folder, "ncci", "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"));
    generator.WriteLines(Path.Combine(folder, "lines.csv"), Int("lines", 1_000_000), edits);
    Console.WriteLine($"generated {edits.Count:N0} PTP edits ({edits.Count(e => e.Deletion is null):N0} in effect) over {codes.Count:N0} fee-schedule codes, "
        + $"and {Int("lines", 1_000_000):N0} claim lines, in {clock.Elapsed.TotalSeconds:N1} s");
}

void Import()
{
    var data = Path.Combine(Opt("data"), "ncci");
    var ptpFiles = Directory.GetFiles(data, "ccipra-*.txt").Order(StringComparer.Ordinal).ToList();
    var runs = Int("runs", 3);
    var parse = new List<double>();
    var import = new List<double>();
    long rows = 0;
    for (var run = 0; run < runs; run++)
    {
        // Baseline: read and parse the PTP files, nothing stored.
        var clock = Stopwatch.StartNew();
        rows = 0;
        foreach (var file in ptpFiles)
        {
            using var stream = File.OpenRead(file);
            rows += PtpReader.Read(TextLines.Read(stream, TextLines.Windows1252, file), file).LongCount();
        }

        parse.Add(rows / clock.Elapsed.TotalSeconds);

        var db = Opt("db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(db + suffix);
        }

        using var store = new SqliteStore(db);
        store.Migrate();
        var importer = new ReleaseImporter(store);
        importer.Import([Opt("pfs")], "pfs");
        clock.Restart();
        var report = importer.Import([data], "bench");
        var seconds = clock.Elapsed.TotalSeconds;
        import.Add(rows / seconds);
        Console.WriteLine($"run {run + 1}: parsed {rows:N0} PTP rows at {parse[^1]:N0} rows/s; imported {report.Rows:N0} rows (PTP + MUE) in {seconds:N2} s = {import[^1]:N0} PTP rows/s");
    }

    var size = new FileInfo(Opt("db")).Length;
    Console.WriteLine($"median: parse {Median(parse):N0} rows/s, import {Median(import):N0} rows/s (import/parse {Median(import) / Median(parse):P0}); database {size / 1e6:N0} MB; peak RSS {PeakMb():N0} MB");
}

void StoreOnly()
{
    var data = Path.Combine(Opt("data"), "ncci");
    var edits = new List<PtpEdit>();
    foreach (var file in Directory.GetFiles(data, "ccipra-*.txt"))
    {
        using var stream = File.OpenRead(file);
        edits.AddRange(PtpReader.Read(TextLines.Read(stream, TextLines.Windows1252, file), file));
    }

    var db = Opt("db");
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(db + suffix);
    }

    using var store = new SqliteStore(db);
    store.Migrate();
    using var import = store.BeginImport("x");
    var id = import.AddSource("f", PayerAtlas.Sources.SourceKind.NcciPtpPractitioner, "0");
    var clock = Stopwatch.StartNew();
    import.WritePtpEdits(id, NcciSetting.Practitioner, edits);
    Console.WriteLine($"write {edits.Count / clock.Elapsed.TotalSeconds:N0} rows/s");
    clock.Restart();
    import.Commit();
    Console.WriteLine($"commit {clock.Elapsed.TotalSeconds:N2} s");
}

void Check()
{
    using var store = new SqliteStore(Opt("db"));
    var release = store.FindRelease() ?? throw new InvalidOperationException("no release: run import first");
    var path = Opt("lines");
    var runs = Int("runs", 3);
    var parse = new List<double>();
    var check = new List<double>();
    var load = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        // Baseline: read and parse the claim lines, nothing checked.
        var clock = Stopwatch.StartNew();
        var lines = ReadLines(path).LongCount();
        parse.Add(lines / clock.Elapsed.TotalSeconds);

        using var reader = store.OpenReader(release);
        var rules = new ReleaseCodingRules(reader, preloadPtp: true);
        clock.Restart();
        rules.PtpPair("00000", "00000", NcciSetting.Practitioner); // loads the index
        load.Add(clock.Elapsed.TotalSeconds);

        var checker = new ClaimChecker(rules);
        clock.Restart();
        var bySeverity = new long[3];
        foreach (var finding in checker.Check(ReadLines(path)))
        {
            bySeverity[(int)finding.Severity]++;
        }

        check.Add(checker.Summary.Lines / clock.Elapsed.TotalSeconds);
        Console.WriteLine($"run {run + 1}: parsed {lines:N0} lines at {parse[^1]:N0} lines/s; PTP index loaded in {load[^1]:N2} s; checked at {check[^1]:N0} lines/s "
            + $"({checker.Summary.Claims:N0} claims; {checker.Summary.DeniedLines:N0} lines denied; findings deny {bySeverity[2]:N0}, warning {bySeverity[1]:N0}, info {bySeverity[0]:N0})");
    }

    Console.WriteLine($"median: parse {Median(parse):N0} lines/s, check {Median(check):N0} lines/s (check/parse {Median(check) / Median(parse):P0}), PTP index load {Median(load):N2} s; peak RSS {PeakMb():N0} MB");

    var sample = Int("unindexed", 100_000);
    if (sample > 0)
    {
        using var reader = store.OpenReader(release);
        var checker = new ClaimChecker(new ReleaseCodingRules(reader, preloadPtp: false));
        var clock = Stopwatch.StartNew();
        checker.Check(ReadLines(path).Take(sample)).Count();
        Console.WriteLine($"without the index (one query per code pair), first {sample:N0} lines: {checker.Summary.Lines / clock.Elapsed.TotalSeconds:N0} lines/s");
    }
}

static IEnumerable<ClaimLine> ReadLines(string path)
{
    using var stream = File.OpenRead(path);
    foreach (var line in ClaimLineCsv.Read(TextLines.Read(stream, TextLines.StrictUtf8, path), path))
    {
        yield return line;
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// Peak resident set size (VmHWM) on Linux, else the peak working set.
static double PeakMb()
{
    const string status = "/proc/self/status";
    if (File.Exists(status))
    {
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is not null)
        {
            return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
    }

    return Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
}

static Dictionary<string, string> Args(IEnumerable<string> args)
{
    var list = args.ToList();
    var map = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < list.Count; i += 2)
    {
        map[list[i].TrimStart('-')] = list[i + 1];
    }

    return map;
}
