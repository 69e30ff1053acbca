using System.Text.Json;
using System.Xml.Linq;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rendering;
using PayerAtlas.Rendering.Svg;
using PayerAtlas.Tests.Store;

namespace PayerAtlas.Tests.Publishing;

/// <summary>The pieces the web site adds to the core: the state chart, the figure block, and release-to-release changes.</summary>
public sealed class WebModelTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>
{
    Publication Publish(PayerAtlas.Store.ReleaseInfo release, string code)
    {
        using var reader = fixture.Store.OpenReader(release);
        return PublicationBuilder.Default().Build().Publish(DossierBuilder.Build(reader, code)!);
    }

    [Fact]
    public void The_state_chart_draws_one_row_per_state_at_the_state_table_amounts()
    {
        using var reader = fixture.Store.OpenReader(fixture.Cms);
        var svg = XDocument.Parse(StatePaymentChart.Build(reader, "77054")!);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var rows = svg.Root!.Elements(ns + "g").ToList();
        var states = reader.GetGpcis().Select(g => g.Record.State).Distinct().Count();
        Assert.Equal(states, rows.Count);
        var publication = Publish(fixture.Cms, "77054");
        // Each row's label is the state's average, the same figure the Reimbursement table states as a fact.
        foreach (var row in rows)
        {
            var state = row.Elements(ns + "text").First().Value;
            var average = publication.FindFact($"pay.state.{state}.global.nonfacility.average") ?? publication.FindFact($"pay.state.{state}.global.nonfacility")!;
            Assert.Equal(ProseBuilder.FormatMoney(average.Value), row.Elements(ns + "text").Last().Value);
        }

        Assert.Contains(svg.Root.Elements(ns + "text"), t => t.Value == "National $67.28");
    }

    [Fact]
    public void A_code_without_a_medicare_amount_has_no_chart_and_no_figure()
    {
        using var reader = fixture.Store.OpenReader(fixture.Full);
        var unpriced = reader.ListCodes().First(c => reader.GetFeeSchedule(c) is { Count: > 0 } rows && rows.All(r => r.Record.StatusCode is "I" or "X" or "N"));
        Assert.Null(StatePaymentChart.Build(reader, unpriced));
        Assert.DoesNotContain(Publish(fixture.Full, unpriced).Sections.SelectMany(s => s.Blocks), b => b is FigureBlock);
    }

    [Fact]
    public void The_figure_is_an_image_in_html_markdown_and_json()
    {
        var p = Publish(fixture.Cms, "77054");
        Assert.Contains("<figure id=\"medicare-by-state-chart\"><img src=\"77054.svg\" alt=\"Chart of", Renderers.For("html").RenderToString(p), StringComparison.Ordinal);
        Assert.Contains("](77054.svg)", Renderers.For("md").RenderToString(p), StringComparison.Ordinal);
        var json = JsonDocument.Parse(Renderers.For("json").RenderToString(p)).RootElement;
        var figure = json.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray()).Single(b => b.GetProperty("type").GetString() == "figure");
        Assert.Equal("77054.svg", figure.GetProperty("src").GetString());
    }

    [Fact]
    public void Changes_between_releases_list_added_facts_and_filled_gaps_and_keep_unchanged_values_out()
    {
        var changes = PublicationDiff.Compare("77054", fixture.Cms.Label, fixture.Full.Label, Publish(fixture.Cms, "77054"), Publish(fixture.Full, "77054"));
        Assert.Contains(changes.Facts, f => f is { Id: "editorial.title", Kind: "added" });
        Assert.Contains(changes.GapsFilled, g => g.Fact == "editorial.clinical_context");
        Assert.DoesNotContain(changes.Facts, f => f.Id == "pay.national.global.nonfacility");
        Assert.True(changes is { InFrom: true, InTo: true, IsEmpty: false });
        var same = PublicationDiff.Compare("77054", "a", "b", Publish(fixture.Cms, "77054"), Publish(fixture.Cms, "77054"));
        Assert.True(same.IsEmpty);
        var gone = PublicationDiff.Compare("77054", "a", "b", Publish(fixture.Cms, "77054"), null);
        Assert.All(gone.Facts, f => Assert.Equal("removed", f.Kind));
        Assert.False(gone.InTo);
    }
}
