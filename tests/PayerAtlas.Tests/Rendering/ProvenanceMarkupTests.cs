using System.Text.Json;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rendering;
using PayerAtlas.Tests.Store;

namespace PayerAtlas.Tests.Rendering;

/// <summary>The static page's citation-style provenance: each figure reaches its source row, each source is listed once.</summary>
public sealed class ProvenanceMarkupTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>
{
    Publication Publish(string code)
    {
        using var reader = fixture.Store.OpenReader(fixture.Full);
        var builder = PublicationBuilder.Default();
        builder.Options = new PublicationOptions { LocalityTable = true };
        return builder.Build().Publish(DossierBuilder.Build(reader, code)!);
    }

    static List<JsonElement> Facts(Publication p) =>
        [.. JsonDocument.Parse(Renderers.For("json").RenderToString(p)).RootElement.GetProperty("facts").EnumerateArray()];

    [Theory]
    [InlineData("77054")]
    [InlineData("27447")]
    [InlineData("19030")]
    public void Every_figure_links_to_the_sources_entry_of_its_own_file_release_and_row(string code)
    {
        var p = Publish(code);
        var html = Renderers.For("html").RenderToString(p);
        var figures = ProvenanceMarkup.AssertEveryFigureReachesItsSource(html, Facts(p));

        // Every stated value of the publication is such a figure: none is written without its link.
        var stated = p.Sections.SelectMany(s => s.Blocks).SelectMany(Inlines).OfType<FactInline>().Count(f => f.Text.Length > 0);
        Assert.Equal(stated, figures.Count);
    }

    [Fact]
    public void A_source_row_cited_by_many_figures_is_written_once_and_no_figure_repeats_it_in_a_tooltip()
    {
        var p = Publish("77054");
        var html = Renderers.For("html").RenderToString(p);
        var figures = ProvenanceMarkup.Figures(html);
        var rows = ProvenanceMarkup.SourceRows(html);

        // The fee-schedule row of 77054 carries the code, its RVUs and indicators: one entry, many links to it.
        var code = Facts(p).Single(f => f.GetProperty("id").GetString() == "code").GetProperty("source");
        var entry = Assert.Single(rows, r => (r.File, r.Release, r.Row) == (code.GetProperty("file").GetString(), code.GetProperty("release").GetString(), code.GetProperty("row").GetString()));
        Assert.True(figures.Count(f => f.Source == entry.Id) > 5, $"{entry} is cited by {figures.Count(f => f.Source == entry.Id)} figures");
        Assert.True(rows.Count < figures.Count);
        Assert.DoesNotContain(" title=\"", html, StringComparison.Ordinal);
    }

    static IEnumerable<Inline> Inlines(Block block) => block switch
    {
        ParagraphBlock b => b.Inlines,
        ListBlock l => l.Items.SelectMany(i => i),
        TableBlock t => t.Rows.SelectMany(r => r).SelectMany(c => c),
        _ => [],
    };
}
