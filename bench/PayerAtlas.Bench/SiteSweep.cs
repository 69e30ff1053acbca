using System.Diagnostics;
using System.Globalization;
using PayerAtlas.Publishing;

namespace PayerAtlas.Bench;

/// <summary>
/// `site [--workers 1,2,4] [--rounds 3]`: the real StaticSite build, in-process, for several worker counts, alternating
/// them round by round so machine noise hits each alike. Prints the median and best wall time and the GCs per build.
/// </summary>
public static class SiteSweep
{
    public static int Run(string[] args)
    {
        int[] workers = [Environment.ProcessorCount];
        var rounds = 3;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--workers":
                    workers = [.. args[i + 1].Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))];
                    break;
                case "--rounds":
                    rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}; use --workers 1,2,4 --rounds 3");
            }
        }

        using var data = new ImportedStore();
        var site = new StaticSite(data.Store, PublicationBuilder.Default().Build());
        var results = workers.ToDictionary(w => w, _ => new List<(double Seconds, int Gen2, double Pause, int Pages)>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var w in workers)
            {
                var output = Path.Combine(data.Scratch("site"), "out");
                var gen2 = GC.CollectionCount(2);
                var pause = GC.GetTotalPauseDuration();
                var watch = Stopwatch.StartNew();
                var report = site.Build(data.Release, output, null, w);
                watch.Stop();
                results[w].Add((watch.Elapsed.TotalSeconds, GC.CollectionCount(2) - gen2, (GC.GetTotalPauseDuration() - pause).TotalSeconds, report.Pages));
                Directory.Delete(output, recursive: true);
            }
        }

        Console.WriteLine($"### StaticSite.Build in-process, {rounds} rounds (first round includes JIT), server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine();
        Console.WriteLine("| workers | pages | median s | best s | median pages/s | gen2 GCs per build | GC pause s per build |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (w, runs) in results)
        {
            var sorted = runs.OrderBy(r => r.Seconds).ToList();
            var median = sorted[sorted.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {w} | {median.Pages:N0} | {median.Seconds:F2} | {sorted[0].Seconds:F2} | {median.Pages / median.Seconds:N0} | {runs.Average(r => r.Gen2):N0} | {runs.Average(r => r.Pause):F2} |"));
        }

        return 0;
    }
}
