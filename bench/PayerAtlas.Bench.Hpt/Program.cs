using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PayerAtlas.Bench.Hpt;
using PayerAtlas.Importers.Hpt;
using PayerAtlas.Rates;

// Hospital standard-charges reader throughput against a raw baseline over the same file, in the same process:
//   generate --example <V3 tall csv> --out <dir> [--mb 256] [--seed 7]   → tall.csv and charges.json
//   read <file> [--runs 3]    HptReader into a counting sink, then the baseline (lines for CSV, a Utf8JsonReader token scan for JSON)
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal)).ToDictionary(p => p[0][2..], p => p[1]);
string Opt(string name, string? fallback = null) => options.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required");

switch (args.FirstOrDefault())
{
    case "generate":
        var dir = Directory.CreateDirectory(Opt("out")).FullName;
        var bytes = long.Parse(Opt("mb", "256"), CultureInfo.InvariantCulture) << 20;
        var seed = int.Parse(Opt("seed", "7"), CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        Generator.Tall(Opt("example"), Path.Combine(dir, "tall.csv"), bytes, seed);
        Generator.Json(Path.Combine(dir, "charges.json"), bytes, seed);
        Console.WriteLine($"generated tall.csv and charges.json ({bytes >> 20} MiB each) in {clock.Elapsed.TotalSeconds:N1} s");
        return 0;
    case "read":
        var file = args[1];
        options = args.Skip(2).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0][2..], p => p[1]);
        var mib = new FileInfo(file).Length / 1048576.0;
        for (var run = 1; run <= int.Parse(Opt("runs", "3"), CultureInfo.InvariantCulture); run++)
        {
            var sink = new CountingSink();
            var t = Stopwatch.StartNew();
            var report = HptReader.Read(file, sink, Path.GetFileName(file));
            var reader = t.Elapsed.TotalSeconds;
            t.Restart();
            var baseline = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? TokenScan(file) : File.ReadLines(file).LongCount();
            var raw = t.Elapsed.TotalSeconds;
            var fields = "";
            if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                // The project's CSV helper alone (decode + RFC 4180 split into strings): what the reader builds on.
                t.Restart();
                using var stream = File.OpenRead(file);
                var records = PayerAtlas.Importing.CsvFields.Read(PayerAtlas.Importing.TextLines.Read(stream, PayerAtlas.Importing.TextLines.StrictUtf8, file), file).LongCount();
                fields = string.Create(CultureInfo.InvariantCulture, $"; CsvFields alone {t.Elapsed.TotalSeconds:N2} s ({mib / t.Elapsed.TotalSeconds:N0} MiB/s, {records:N0} records)");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {report.File.Layout} {mib:N0} MiB, {report.Rows:N0} rows, {sink.Count:N0} observations, {report.RejectedCount} rejected: "
                + $"reader {reader:N2} s ({mib / reader:N0} MiB/s, {sink.Count / reader / 1e6:N2} M obs/s); baseline {(file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "token scan" : "line split")} {raw:N2} s ({mib / raw:N0} MiB/s, {baseline:N0}); ratio {raw / reader:N2}{fields}"));
        }

        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB");
        return 0;
    default:
        Console.Error.WriteLine("usage: generate --example <csv> --out <dir> [--mb 256] | read <file> [--runs 3]");
        return 1;
}

// The ceiling for a streaming JSON reader: every token visited, nothing kept.
static long TokenScan(string path)
{
    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    var state = new JsonReaderState();
    int end = 0;
    long tokens = 0;
    var final = false;
    while (!final)
    {
        var read = stream.Read(buffer, end, buffer.Length - end);
        final = read == 0;
        end += read;
        var reader = new Utf8JsonReader(buffer.AsSpan(0, end), final, state);
        while (reader.Read())
        {
            tokens++;
        }

        state = reader.CurrentState;
        var used = (int)reader.BytesConsumed;
        Buffer.BlockCopy(buffer, used, buffer, 0, end - used);
        end -= used;
    }

    ArrayPool<byte>.Shared.Return(buffer);
    return tokens;
}

sealed class CountingSink : IRateSink
{
    public long Count { get; private set; }

    public void Write(in RateObservation observation) => Count++;
}
