using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using PayerAtlas.Bench.Parquet;

// Parquet write cost per row of the lake's 29-column shape: Parquet.Net 6.1 (as PartFileWriter uses it) against
// PayerAtlas.Lake.Parquet.ParquetFileWriter, same rows, same row-group size, Snappy, into a counting sink.
// Usage: PayerAtlas.Bench.Parquet [rows=1048576] [groupRows=16384] [runs=3]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1 << 20;
var groupRows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16_384;
var runs = args.Length > 2 && !args[2].StartsWith('-') ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

var table = new LakeRows(rows);
var fields = Writers.Fields(table);
Console.WriteLine($"{rows:N0} rows x {fields.Length} columns, row groups of {groupRows:N0}, SNAPPY, best of {runs} runs; .NET {Environment.Version}, {Environment.ProcessorCount} cores");

Validate(new LakeRows(Math.Min(rows, 100_000), seed: 7), groupRows);

// Warm-up (JIT, tiering) on a slice, then the timed runs.
await Writers.ParquetNetAsync(new LakeRows(groupRows * 2), groupRows, new CountingStream());
Writers.PayerAtlas(new LakeRows(groupRows * 2), fields, groupRows, new CountingStream());

var parquetNet = await MeasureAsync("Parquet.Net 6.1", s => Writers.ParquetNetAsync(table, groupRows, s));
var ours = await MeasureAsync("ParquetFileWriter", s =>
{
    Writers.PayerAtlas(table, fields, groupRows, s);
    return Task.CompletedTask;
});
var parts = await MeasureAsync("  + locator parts", s =>
{
    Writers.PayerAtlas(table, fields, groupRows, s, locatorFromParts: true);
    return Task.CompletedTask;
});
Console.WriteLine($"ratio: ParquetFileWriter is {parquetNet.NsPerRow / ours.NsPerRow:F1}x faster per row than Parquet.Net ({parquetNet.NsPerRow / parts.NsPerRow:F1}x with the locator formatted from its parts)");
Console.WriteLine($"ratio in CPU time: {parquetNet.CpuNsPerRow / ours.CpuNsPerRow:F1}x ({parquetNet.CpuNsPerRow / parts.CpuNsPerRow:F1}x)");

// Where ParquetFileWriter's time goes: each column alone (a one-column file of the same rows).
if (args.Contains("--columns"))
{
    for (var c = 0; c < fields.Length; c++)
    {
        var column = c;
        await MeasureAsync(fields[c].Name, s =>
        {
            Writers.PayerAtlas(table, fields, groupRows, s, column);
            return Task.CompletedTask;
        });
    }
}

async Task<(double NsPerRow, double CpuNsPerRow, long Bytes)> MeasureAsync(string name, Func<Stream, Task> write)
{
    // Wall time and process CPU time (all threads, GC included): on a shared machine the CPU figure is the steadier.
    var best = double.MaxValue;
    var bestCpu = double.MaxValue;
    long bytes = 0;
    long allocated = 0;
    using var process = Process.GetCurrentProcess();
    for (var run = 0; run < runs; run++)
    {
        GC.Collect();
        var sink = new CountingStream();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await write(sink);
        watch.Stop();
        process.Refresh();
        bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalNanoseconds / rows);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        best = Math.Min(best, watch.Elapsed.TotalNanoseconds / rows);
        bytes = sink.Length;
    }

    Console.WriteLine(
        $"{name,-18} {best,8:F0} ns/row  {1e9 / best,12:N0} rows/s  {bestCpu,6:F0} CPU ns/row  {bytes,12:N0} bytes  {(double)allocated / rows,6:F1} B allocated/row");
    return (best, bestCpu, bytes);
}

// Both writers' files must hold the same rows (DuckDB: EXCEPT ALL both ways), or the timing means nothing.
static void Validate(LakeRows sample, int groupRows)
{
    var folder = Directory.CreateTempSubdirectory("payeratlas-bench-parquet-");
    try
    {
        var theirs = Path.Combine(folder.FullName, "parquet-net.parquet");
        var mine = Path.Combine(folder.FullName, "payeratlas.parquet");
        using (var s = File.Create(theirs))
        {
            Writers.ParquetNetAsync(sample, groupRows, s).GetAwaiter().GetResult();
        }

        using (var s = File.Create(mine))
        {
            Writers.PayerAtlas(sample, Writers.Fields(sample), groupRows, s);
        }

        using (var s = File.Create(Path.Combine(folder.FullName, "parts.parquet")))
        {
            Writers.PayerAtlas(sample, Writers.Fields(sample), groupRows, s, locatorFromParts: true);
        }

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT count(*) FROM read_parquet('{mine}')),
                   (SELECT count(*) FROM (SELECT * FROM read_parquet('{theirs}') EXCEPT ALL SELECT * FROM read_parquet('{mine}'))),
                   (SELECT count(*) FROM (SELECT * FROM read_parquet('{mine}') EXCEPT ALL SELECT * FROM read_parquet('{theirs}'))),
                   (SELECT count(*) FROM (SELECT * FROM read_parquet('{Path.Combine(folder.FullName, "parts.parquet")}') EXCEPT ALL SELECT * FROM read_parquet('{theirs}')))
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        var (count, missing, extra, partsExtra) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        if (count != sample.Rows || missing != 0 || extra != 0 || partsExtra != 0)
        {
            throw new InvalidOperationException($"the files differ: {count} rows, {missing} missing, {extra} extra, {partsExtra} extra (locator parts)");
        }

        Console.WriteLine($"check: the files hold the same {count:N0} rows (DuckDB EXCEPT ALL is empty both ways, and for the locator-parts file)");
    }
    finally
    {
        folder.Delete(recursive: true);
    }
}
