using BenchmarkDotNet.Attributes;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rendering;
using PayerAtlas.Rendering.Json;
using PayerAtlas.Store;

namespace PayerAtlas.Bench;

/// <summary>
/// The per-page work of the site build for 200 codes spread evenly over the release, without the disk.
/// Baseline: gathering the dossiers (the store reads). Renderers (Renderers.All: Markdown, HTML, indented JSON)
/// write through an 8 K-char StreamWriter, as StaticSite does for its text files, into a stream that only counts bytes.
/// </summary>
[MemoryDiagnoser]
public class PublishBenchmarks
{
    public const int CodeCount = 200;

    ImportedStore? data;
    IReleaseReader? reader;
    string[] codes = [];
    Publication[] publications = [];
    readonly PublicationPipeline pipeline = PublicationBuilder.Default().Build();
    static readonly JsonRenderer CompactJson = new(indented: false);

    IReleaseReader Reader => reader ?? throw new InvalidOperationException("GlobalSetup has not run");

    [GlobalSetup]
    public void Setup()
    {
        data = new ImportedStore();
        reader = data.Store.OpenReader(data.Release);
        codes = Sample(reader.ListCodes(), CodeCount);
        publications = [.. codes.Select(c => pipeline.Publish(DossierBuilder.Build(reader, c)!))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        reader?.Dispose();
        data?.Dispose();
    }

    /// <summary>Every n-th code, so the sample spans CPT, HCPCS level II and category III codes.</summary>
    public static string[] Sample(IReadOnlyList<string> all, int count) =>
        [.. Enumerable.Range(0, Math.Min(count, all.Count)).Select(i => all[(int)((long)i * all.Count / Math.Min(count, all.Count))])];

    [Benchmark(Baseline = true)]
    public int Dossiers()
    {
        var n = 0;
        foreach (var code in codes)
        {
            n += DossierBuilder.Build(Reader, code)!.FeeSchedule.Count;
        }

        return n;
    }

    [Benchmark]
    public int DossiersAndPublish()
    {
        var n = 0;
        foreach (var code in codes)
        {
            n += pipeline.Publish(DossierBuilder.Build(Reader, code)!).Facts.Count;
        }

        return n;
    }

    [Benchmark]
    public long RenderMarkdown() => RenderAll(Renderers.For("md"));

    [Benchmark]
    public long RenderHtml() => RenderAll(Renderers.For("html"));

    [Benchmark]
    public long RenderJson() => RenderAll(Renderers.For("json"));

    /// <summary>Compact JSON written as UTF-8 straight to a stream, no TextWriter: how StaticSite writes .json files.</summary>
    [Benchmark]
    public long WriteJsonCompact()
    {
        var sink = new CountingStream();
        foreach (var publication in publications)
        {
            CompactJson.Write(publication, sink);
        }

        return sink.Bytes;
    }

    /// <summary>What StaticSite does per code, minus the files: dossier, publish, and all three renderers.</summary>
    [Benchmark]
    public long FullPages() => Pages(BenchData.SiteWriterChars);

    /// <summary>
    /// FullPages with 64 K-char writers, as StaticSite had them before 4f82953: each writer allocates ~320 KB of
    /// large-object-heap buffers (char[65536] + byte[196611]), and those drive a gen2 collection every page or so.
    /// </summary>
    [Benchmark]
    public long FullPagesLargeWriterBuffer() => Pages(BenchData.LargeWriterChars);

    long Pages(int writerChars)
    {
        var sink = new CountingStream();
        foreach (var code in codes)
        {
            var publication = pipeline.Publish(DossierBuilder.Build(Reader, code)!);
            foreach (var renderer in Renderers.All)
            {
                using var writer = new StreamWriter(sink, BenchData.Utf8NoBom, writerChars, leaveOpen: true);
                renderer.Render(publication, writer);
            }
        }

        return sink.Bytes;
    }

    long RenderAll(IPublicationRenderer renderer)
    {
        var sink = new CountingStream();
        foreach (var publication in publications)
        {
            using var writer = new StreamWriter(sink, BenchData.Utf8NoBom, BenchData.SiteWriterChars, leaveOpen: true);
            renderer.Render(publication, writer);
        }

        return sink.Bytes;
    }
}
