using System.Diagnostics;
using System.Globalization;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rendering;
using PayerAtlas.Rendering.Json;

namespace PayerAtlas.Bench;

/// <summary>
/// `split [--codes N]`: a single-threaded Stopwatch split of the site build's per-page work over every code (or an
/// even sample of N), to see which phase dominates: store reads, the publication pipeline, each renderer, the
/// StreamWriter's buffer, and the files themselves (written the way StaticSite writes them at 4f82953). Prints a Markdown table.
/// </summary>
public static class SiteSplit
{
    enum Phase
    {
        FeeScheduleQuery, HcpcsQuery, EditorialQuery, Dossier, Publish,
        RenderMarkdown, RenderHtml, RenderJsonIndented, WriteJsonCompact, TextRenderersLargeBuffer, SiteFiles,
    }

    static readonly string[] Notes =
    [
        "reader.GetFeeSchedule (prepared query)",
        "reader.GetHcpcs",
        "reader.GetEditorial",
        "DossierBuilder.Build (the three queries again + cached lists)",
        "PublicationPipeline.Publish",
        "Markdown → 8 K-char StreamWriter → counting sink",
        "HTML → 8 K-char StreamWriter → counting sink",
        "Renderers.All JSON (indented, via TextWriter) → 8 K-char StreamWriter → counting sink",
        "JsonRenderer(indented: false).Write → counting sink (what StaticSite writes)",
        "Markdown + HTML → 64 K-char StreamWriter (StaticSite before 4f82953) → counting sink",
        "the three files: md + html via 8 K-char StreamWriter, compact JSON via 32 KiB FileStream (as StaticSite at 4f82953)",
    ];

    public static int Run(string[] args)
    {
        var limit = args.Length >= 2 && args[0] == "--codes" ? int.Parse(args[1], CultureInfo.InvariantCulture) : int.MaxValue;
        var total = Stopwatch.StartNew();
        using var data = new ImportedStore();
        var cold = total.Elapsed;
        var warm = Stopwatch.StartNew();
        using (new ImportedStore())
        {
            warm.Stop();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import of the PFS folder in-process: {data.Rows:N0} rows, first {cold.TotalSeconds:F2} s (includes JIT), second {warm.Elapsed.TotalSeconds:F2} s (warm)"));
        var outDir = data.Scratch("codes");
        var pipeline = PublicationBuilder.Default().Build();
        using var reader = data.Store.OpenReader(data.Release);
        var all = reader.ListCodes();
        var codes = limit >= all.Count ? [.. all] : PublishBenchmarks.Sample(all, limit);
        var ticks = new long[Enum.GetValues<Phase>().Length];
        var allocated = new long[ticks.Length];
        var gen2 = new int[ticks.Length];
        var pauses = new TimeSpan[ticks.Length];
        var bytes = new long[4];
        var markdown = Renderers.For("md");
        var html = Renderers.For("html");
        var jsonIndented = Renderers.For("json");
        var jsonCompact = new JsonRenderer(indented: false);
        var gcBefore = (G0: GC.CollectionCount(0), G1: GC.CollectionCount(1), G2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration());
        var loop = Stopwatch.StartNew();

        foreach (var code in codes)
        {
            Time(Phase.FeeScheduleQuery, () => reader.GetFeeSchedule(code));
            Time(Phase.HcpcsQuery, () => reader.GetHcpcs(code));
            Time(Phase.EditorialQuery, () => reader.GetEditorial(code));
            var dossier = Time(Phase.Dossier, () => DossierBuilder.Build(reader, code));
            if (dossier is null)
            {
                continue;
            }

            var publication = Time(Phase.Publish, () => pipeline.Publish(dossier));
            bytes[0] += Time(Phase.RenderMarkdown, () => RenderToSink(markdown, publication, BenchData.SiteWriterChars));
            bytes[1] += Time(Phase.RenderHtml, () => RenderToSink(html, publication, BenchData.SiteWriterChars));
            bytes[2] += Time(Phase.RenderJsonIndented, () => RenderToSink(jsonIndented, publication, BenchData.SiteWriterChars));
            bytes[3] += Time(Phase.WriteJsonCompact, () =>
            {
                var sink = new CountingStream();
                jsonCompact.Write(publication, sink);
                return sink.Bytes;
            });
            Time(Phase.TextRenderersLargeBuffer,
                () => RenderToSink(markdown, publication, BenchData.LargeWriterChars) + RenderToSink(html, publication, BenchData.LargeWriterChars));
            Time(Phase.SiteFiles, () =>
            {
                foreach (var renderer in new[] { markdown, html })
                {
                    using var file = new StreamWriter(Path.Combine(outDir, code + renderer.FileExtension), false, BenchData.Utf8NoBom, BenchData.SiteWriterChars);
                    renderer.Render(publication, file);
                }

                using var json = new FileStream(Path.Combine(outDir, code + ".json"), FileMode.Create, FileAccess.Write, FileShare.None, BenchData.SiteJsonBufferBytes);
                jsonCompact.Write(publication, json);
                return 0;
            });
        }

        var loopSeconds = loop.Elapsed.TotalSeconds;
        var pages = codes.Length;
        Console.WriteLine();
        Console.WriteLine($"### Site build split: {pages:N0} codes, one thread, {loopSeconds:N1} s for the whole loop (every phase below)");
        Console.WriteLine();
        Console.WriteLine("| phase | total s | ms/page | vs one page's site work* | allocated MiB | gen2 GCs | GC pause s | what |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        // One page of the real site build = Dossier + Publish + SiteFiles; the other rows are its parts or alternatives.
        var pageWork = ticks[(int)Phase.Dossier] + ticks[(int)Phase.Publish] + ticks[(int)Phase.SiteFiles];
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var t = ticks[(int)phase];
            var s = (double)t / Stopwatch.Frequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {phase} | {s:F2} | {s * 1000 / pages:F3} | {100.0 * t / pageWork:F1} % | {allocated[(int)phase] / 1048576.0:N0} | {gen2[(int)phase]:N0} | {pauses[(int)phase].TotalSeconds:F2} | {Notes[(int)phase]} |"));
        }

        var pageSeconds = (double)pageWork / Stopwatch.Frequency;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"*site work per page = Dossier + Publish + SiteFiles = {pageSeconds * 1000 / pages:F3} ms/page → {pages / pageSeconds:N0} pages/s on one thread."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Bytes per page: md {bytes[0] / pages / 1024.0:N1} KiB, html {bytes[1] / pages / 1024.0:N1} KiB, json indented {bytes[2] / pages / 1024.0:N1} KiB, json compact {bytes[3] / pages / 1024.0:N1} KiB (site = md + html + compact json: {(bytes[0] + bytes[1] + bytes[3]) / 1048576.0:N0} MiB)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC during the loop: gen0 {GC.CollectionCount(0) - gcBefore.G0}, gen1 {GC.CollectionCount(1) - gcBefore.G1}, gen2 {GC.CollectionCount(2) - gcBefore.G2}, pause {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalSeconds:F2} s; server GC {System.Runtime.GCSettings.IsServerGC}; peak working set {Environment.WorkingSet / 1048576.0:N0} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB peak."));
        return 0;

        static long RenderToSink(IPublicationRenderer renderer, Publication publication, int bufferSize)
        {
            var sink = new CountingStream();
            using (var writer = new StreamWriter(sink, BenchData.Utf8NoBom, bufferSize, leaveOpen: true))
            {
                renderer.Render(publication, writer);
            }

            return sink.Bytes;
        }

        T Time<T>(Phase phase, Func<T> work)
        {
            var a = GC.GetAllocatedBytesForCurrentThread();
            var g = GC.CollectionCount(2);
            var p = GC.GetTotalPauseDuration();
            var t = Stopwatch.GetTimestamp();
            var result = work();
            ticks[(int)phase] += Stopwatch.GetTimestamp() - t;
            allocated[(int)phase] += GC.GetAllocatedBytesForCurrentThread() - a;
            gen2[(int)phase] += GC.CollectionCount(2) - g;
            pauses[(int)phase] += GC.GetTotalPauseDuration() - p;
            return result;
        }
    }
}
