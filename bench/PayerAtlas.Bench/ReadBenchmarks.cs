using BenchmarkDotNet.Attributes;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importing;

namespace PayerAtlas.Bench;

/// <summary>
/// Parsing the full PPRRVU file (19,090 rows) against the cheapest possible pass over it: File.ReadLines.
/// The fixed-width reader reads the .txt twin of the same table.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    readonly string csv = BenchData.PprrvuCsv;
    readonly string txt = BenchData.PprrvuTxt;

    /// <summary>Lines of the CSV, decoded by the BCL: the floor for any line-based reader.</summary>
    [Benchmark(Baseline = true)]
    public long FileReadLinesCsv()
    {
        long chars = 0;
        foreach (var line in File.ReadLines(csv))
        {
            chars += line.Length;
        }

        return chars;
    }

    /// <summary>PayerAtlas's strict line splitter/decoder alone (no CSV parsing).</summary>
    [Benchmark]
    public long TextLinesCsv()
    {
        using var stream = File.OpenRead(csv);
        long chars = 0;
        foreach (var line in TextLines.Read(stream, TextLines.StrictUtf8, csv))
        {
            chars += line.Text.Length;
        }

        return chars;
    }

    [Benchmark]
    public int PprrvuCsvReaderRead()
    {
        using var stream = File.OpenRead(csv);
        return PprrvuCsvReader.Read(TextLines.Read(stream, TextLines.StrictUtf8, csv), csv).Count();
    }

    /// <summary>The same floor for the fixed-width twin.</summary>
    [Benchmark]
    public long FileReadLinesTxt()
    {
        long chars = 0;
        foreach (var line in File.ReadLines(txt))
        {
            chars += line.Length;
        }

        return chars;
    }

    [Benchmark]
    public int PprrvuFixedWidthReaderRead()
    {
        using var stream = File.OpenRead(txt);
        return PprrvuFixedWidthReader.Read(TextLines.Read(stream, TextLines.StrictUtf8, txt), txt).Count();
    }
}
