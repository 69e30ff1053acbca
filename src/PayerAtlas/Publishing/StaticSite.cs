using System.Collections.Concurrent;
using System.Diagnostics;
using PayerAtlas.Dossiers;
using PayerAtlas.Rendering;
using PayerAtlas.Rendering.Html;
using PayerAtlas.Store;

namespace PayerAtlas.Publishing;

/// <summary>What one site build produced.</summary>
public sealed record SiteReport(int Pages, int Files, TimeSpan Elapsed, string OutputDirectory);

/// <summary>
/// Writes every code's publication (HTML, JSON, Markdown) and an index into a folder. Codes are split across
/// workers, each with its own store reader, so the build uses every core without sharing a connection.
/// </summary>
public sealed class StaticSite(IPayerAtlasStore store, PublicationPipeline pipeline)
{
    static readonly System.Text.UTF8Encoding Utf8 = new(false);
    static readonly IPublicationRenderer[] TextRenderers = [new Rendering.Markdown.MarkdownRenderer(), new HtmlRenderer()];
    static readonly Rendering.Json.JsonRenderer Json = new(indented: false);

    public SiteReport Build(ReleaseInfo release, string outputDirectory, IProgress<int>? progress = null, int? workers = null)
    {
        var started = Stopwatch.StartNew();
        var codesDir = Path.Combine(outputDirectory, "codes");
        Directory.CreateDirectory(codesDir);
        IReadOnlyList<string> codes;
        using (var reader = store.OpenReader(release))
        {
            codes = reader.ListCodes();
        }

        var titles = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var done = 0;
        var charts = 0;
        // Twice the cores: a worker waiting on file writes leaves its core to the other.
        var parallelism = workers ?? Environment.ProcessorCount * 2;
        var partitions = Enumerable.Range(0, parallelism).Select(i => codes.Where((_, j) => j % parallelism == i).ToList()).ToList();
        Parallel.ForEach(partitions, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, partition =>
        {
            using var reader = store.OpenReader(release);
            foreach (var code in partition)
            {
                var dossier = DossierBuilder.Build(reader, code);
                if (dossier is null)
                {
                    continue;
                }

                var publication = pipeline.Publish(dossier);
                titles[code] = publication.Title;
                foreach (var renderer in TextRenderers)
                {
                    // 8 K chars: a 64 K-char buffer lands on the large-object heap and costs a gen-2 GC per file.
                    using var file = new StreamWriter(Path.Combine(codesDir, code + renderer.FileExtension), false, Utf8, 8 * 1024);
                    renderer.Render(publication, file);
                }

                using (var json = new FileStream(Path.Combine(codesDir, code + ".json"), FileMode.Create, FileAccess.Write, FileShare.None, 32 * 1024))
                {
                    Json.Write(publication, json);
                }

                if (Rendering.Svg.StatePaymentChart.Build(reader, code) is { } chart)
                {
                    File.WriteAllText(Path.Combine(codesDir, code + ".svg"), chart, Utf8);
                    Interlocked.Increment(ref charts);
                }

                if (pipeline.Rates is { } rates && Rendering.Svg.RateDistributionChart.Build(dossier, rates, pipeline.Options) is { } rateChart)
                {
                    File.WriteAllText(Path.Combine(codesDir, code + ".rates.svg"), rateChart, Utf8);
                    Interlocked.Increment(ref charts);
                }

                var n = Interlocked.Increment(ref done);
                if (n % 500 == 0)
                {
                    progress?.Report(n);
                }
            }
        });
        progress?.Report(done);

        WriteIndex(Path.Combine(outputDirectory, "index.html"), release, titles);
        return new SiteReport(titles.Count, titles.Count * (TextRenderers.Length + 1) + charts + 1, started.Elapsed, outputDirectory);
    }

    static void WriteIndex(string path, ReleaseInfo release, IReadOnlyDictionary<string, string> titles)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        HtmlLayout.Open(w, "Billing codes", release.Label);
        w.Write("<main id=\"main\"><h1>Billing codes</h1>\n<p class=\"meta\">Release <span class=\"release\">");
        HtmlRenderer.Encode(w, release.Label);
        w.Write("</span></p>\n<ul class=\"codes\">");
        foreach (var (code, title) in titles.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            w.Write("<li><a href=\"codes/");
            HtmlRenderer.Encode(w, code);
            w.Write(".html\">");
            HtmlRenderer.Encode(w, title);
            w.Write("</a></li>");
        }

        w.Write("</ul></main>\n");
        HtmlLayout.Close(w);
    }
}
