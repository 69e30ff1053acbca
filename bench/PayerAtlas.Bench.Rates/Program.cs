using System.Diagnostics;
using System.Globalization;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Rates;

// Whole-process reader benchmarks, one measurement per process so peak memory belongs to that measurement:
//   scan  <file>               bare Utf8JsonReader token scan (the ceiling)
//   scan-mapped <file>         the same over a memory-mapped plain file (for comparison; not the ceiling)
//   read  <file>               TicReader → counting sink (parse to observations)
//   synth <file> <bytes> [gz]  write a synthetic in-network file
// Prints one line: mode, file, uncompressed bytes, seconds, MB/s (10^6 bytes of JSON per second), peak working set.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: scan|read <file> | synth <file> <bytes> [gzip]");
    return 1;
}

var (mode, file) = (args[0], args[1]);
var clock = Stopwatch.StartNew();
long bytes;
string detail;
switch (mode)
{
    case "scan":
        var scan = TicTokenScan.Scan(TicSource.File(file));
        bytes = scan.Bytes;
        detail = string.Create(CultureInfo.InvariantCulture, $"tokens={scan.Tokens} negotiated_rate={scan.NegotiatedRates}");
        break;
    case "scan-mapped":
        (bytes, var tokens) = PayerAtlas.Bench.Rates.MappedTokenScan.Scan(file);
        detail = string.Create(CultureInfo.InvariantCulture, $"tokens={tokens}");
        break;
    case "read":
        var sink = new CountingRateSink();
        var result = new TicReader().Read(TicSource.File(file), sink);
        bytes = result.Bytes;
        detail = string.Create(CultureInfo.InvariantCulture, $"observations={sink.Count} percentage={sink.PercentageCount} passes={result.Passes}");
        break;
    case "synth":
        var written = TicSynthesizer.Write(file, new TicSynthesizerOptions
        {
            TargetBytes = long.Parse(args[2], CultureInfo.InvariantCulture),
            Gzip = args.Length > 3 && args[3] == "gzip",
            Seed = 42,
        });
        bytes = written.JsonBytes;
        detail = string.Create(CultureInfo.InvariantCulture, $"file_bytes={written.FileBytes} prices={written.Prices}");
        break;
    default:
        Console.Error.WriteLine($"unknown mode {mode}");
        return 1;
}

var seconds = clock.Elapsed.TotalSeconds;
using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{mode,-5} {Path.GetFileName(file),-24} bytes={bytes} seconds={seconds:0.000} MB/s={bytes / 1e6 / seconds:0.0} peak_ws_MB={self.PeakWorkingSet64 / 1e6:0.0} gc_heap_MB={GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:0.0} gc_committed_MB={GC.GetGCMemoryInfo().TotalCommittedBytes / 1e6:0.0} gcs={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} {detail}"));
return 0;
