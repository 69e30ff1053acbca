using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rendering;
using PayerAtlas.Store;
using PayerAtlas.Tests.Ncci;

namespace PayerAtlas.Tests.Publishing;

/// <summary>Coding Clarity with NCCI tables in the release: pairs both ways, MUEs, related codes, errors; gaps without them.</summary>
[Collection(nameof(NcciCollection))]
public sealed partial class CodingClarityTests(NcciReleaseFixture fixture)
{
    Publication Publish(string code, ReleaseInfo? release = null, PublicationOptions? options = null)
    {
        using var reader = fixture.Store.OpenReader(release ?? fixture.Release);
        var builder = PublicationBuilder.Default();
        builder.Options = options ?? builder.Options;
        return builder.Build().Publish(DossierBuilder.Build(reader, code)!);
    }

    static Section Clarity(Publication p) => p.Sections.Single(s => s.Id == "coding-clarity");

    [Fact]
    public void The_single_duct_code_shows_its_edit_with_the_several_duct_code_as_column_two_with_file_and_row()
    {
        var p = Publish("77053");
        var indicator = p.FindFact("ncci.ptp.practitioner.77054-77053.20070101.indicator")!;
        Assert.Equal("0", indicator.Value);
        Assert.Equal(("ncci/ccipra-v321r0-f2.txt", "2025Q4-ncci"), (indicator.Source.File, indicator.Source.Release));
        Assert.Equal(NcciFixtures.LineOf(NcciFixtures.PractitionerPtp2, "77054\t77053").ToString(), indicator.Source.Row);
        Assert.Equal("2007-01-01", p.FindFact("ncci.ptp.practitioner.77054-77053.20070101.effective")!.Value);
        Assert.Equal("Mutually exclusive procedures", p.FindFact("ncci.ptp.practitioner.77054-77053.20070101.rationale")!.Value);
        Assert.Equal("1", p.FindFact("ncci.ptp.practitioner.column1.count")!.Value); // 77053/36000
        Assert.Equal("1", p.FindFact("ncci.ptp.practitioner.column2.count")!.Value); // 77054/77053
        Assert.Equal("1", p.FindFact("ncci.ptp.outpatient-hospital.column2.count")!.Value);
        var tables = Clarity(p).Blocks.OfType<TableBlock>().ToList();
        Assert.Contains(tables, t => t.Columns[0] == "Column one code" && t.Rows.Any(r => r[0].OfType<LinkInline>().Single().Text == "77054"));
        Assert.Contains(tables, t => t.Columns[0] == "Column two code" && t.Rows.Any(r => r[0].OfType<LinkInline>().Single().Text == "36000"));
        Assert.DoesNotContain(Clarity(p).Gaps, g => g.Fact.StartsWith("ncci.", StringComparison.Ordinal));
    }

    [Fact]
    public void Deleted_edits_state_their_last_day_after_the_edits_in_effect()
    {
        var p = Publish("19030");
        Assert.Equal("2015-12-31", p.FindFact("ncci.ptp.practitioner.19030-76098.20050101.deletion")!.Value);
        Assert.Equal("9", p.FindFact("ncci.ptp.practitioner.19030-77002.20200101.indicator")!.Value);
        var table = Clarity(p).Blocks.OfType<TableBlock>().First(t => t.Columns[0] == "Column two code");
        var others = table.Rows.Select(r => r[0].OfType<LinkInline>().Single().Text).ToList();
        Assert.Equal(["36000", "96372", "76098", "77002"], others);
        Assert.Equal("in effect", InlineText.Plain(table.Rows[0][3]));
    }

    [Fact]
    public void The_MUE_table_states_value_indicator_and_rationale_per_setting_and_says_when_a_table_does_not_list_the_code()
    {
        var p = Publish("77054");
        Assert.Equal(("2", "3 Date of Service Edit: Clinical", "Clinical: Data"),
            (p.FindFact("ncci.mue.practitioner.value")!.Value, p.FindFact("ncci.mue.practitioner.adjudication")!.Value, p.FindFact("ncci.mue.practitioner.rationale")!.Value));
        Assert.Equal("ncci/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", p.FindFact("ncci.mue.practitioner.value")!.Source.File);
        var mue = Clarity(p).Blocks.OfType<TableBlock>().Single(t => t.Columns[1] == "Units");
        Assert.Equal(["Practitioner", "Outpatient hospital", "DME supplier"], mue.Rows.Select(r => InlineText.Plain(r[0])));
        Assert.StartsWith("not listed", InlineText.Plain(mue.Rows[2][1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_ncci_tables_the_section_keeps_its_gaps()
    {
        var p = Publish("77054", fixture.Cms);
        Assert.Contains(Clarity(p).Gaps, g => g.Fact == "ncci.ptp");
        Assert.Contains(Clarity(p).Gaps, g => g.Fact == "ncci.mue");
        Assert.DoesNotContain(p.Facts, f => f.Id.StartsWith("ncci.", StringComparison.Ordinal));
    }

    [Fact]
    public void Related_codes_carry_their_ncci_edit_and_the_tables_add_codes_the_editors_did_not_list()
    {
        var related = Clarity(Publish("77054")).Blocks.OfType<ListBlock>().First();
        var single = InlineText.Plain(related.Items[0]);
        Assert.Contains("NCCI edit: billed together, the other code is denied (modifier indicator 0, no modifier allowed)", single, StringComparison.Ordinal);

        // 93005 has no editorial page: its edit with 93000 (indicator 0) makes 93000 a related code.
        var derived = Clarity(Publish("93005")).Blocks.OfType<ListBlock>().First();
        Assert.Equal("93000", derived.Items[0].OfType<LinkInline>().Single().Text);
        Assert.Contains("never billed with this code on one date", InlineText.Plain(derived.Items[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Common_errors_follow_from_the_edits_and_the_MUE()
    {
        var text = string.Join("\n", Clarity(Publish("77053")).Blocks.OfType<ListBlock>().SelectMany(l => l.Items).Select(InlineText.Plain));
        Assert.Contains("Billing this code with 77054 on one date: this code is the column two code and no modifier bypasses the edit (modifier indicator 0)", text, StringComparison.Ordinal);
        Assert.Contains("Reporting more than 2 units of this code for one date of service on practitioner and outpatient hospital claims", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_table_is_cut_at_the_limit_and_says_how_many_it_lists()
    {
        var p = Publish("19030", options: new PublicationOptions { MaxPtpEditsPerTable = 2 });
        var table = Clarity(p).Blocks.OfType<TableBlock>().First(t => t.Columns[0] == "Column two code");
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("2", p.FindFact("ncci.ptp.practitioner.column1.listed")!.Value);
        Assert.Equal("4", p.FindFact("ncci.ptp.practitioner.column1.count")!.Value);
    }

    [Theory]
    [InlineData("77054")]
    [InlineData("77053")]
    [InlineData("19030")]
    [InlineData("93005")]
    [InlineData("27447")]
    public void Every_number_in_the_html_is_among_the_json_facts(string code)
    {
        var p = Publish(code);
        var html = Renderers.For("html").RenderToString(p);
        var json = JsonDocument.Parse(Renderers.For("json").RenderToString(p)).RootElement;
        var haystack = string.Join("\n", json.GetProperty("facts").EnumerateArray().SelectMany(f => new[]
            { f.GetProperty("value").GetString(), f.GetProperty("source").GetProperty("file").GetString(), f.GetProperty("source").GetProperty("release").GetString() }));
        var text = WebUtility.HtmlDecode(Tags().Replace(Sources().Replace(Style().Replace(html, ""), ""), " "));
        var numbers = Number().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal)).Distinct().ToList();
        Assert.All(numbers, n => Assert.True(haystack.Contains(n, StringComparison.Ordinal), $"{n} is in the HTML but in no fact"));
    }

    [Theory]
    [InlineData("77054")]
    [InlineData("19030")]
    [InlineData("93005")]
    public void The_sections_own_wording_holds_no_digit_every_number_is_a_fact_inline(string code)
    {
        var section = Clarity(Publish(code));
        var wording = section.Blocks.SelectMany(b => b switch
        {
            ParagraphBlock p => p.Inlines,
            ListBlock l => l.Items.SelectMany(i => i),
            TableBlock t => t.Rows.SelectMany(r => r.SelectMany(c => c)).Concat([new TextInline(t.Caption)]).Concat(t.Columns.Select(c => new TextInline(c))),
            HeadingBlock h => [new TextInline(h.Text)],
            _ => [],
        }).Select(i => i switch { TextInline t => t.Text, StrongInline s => s.Text, _ => "" }).ToList();
        Assert.All(wording, w => Assert.False(w.Any(char.IsAsciiDigit), $"'{w}' is fixed wording with a digit"));
    }

    [GeneratedRegex(@"<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    // The Sources list: file names, releases and source rows (checked against the facts' sources by ProvenanceMarkupTests).
    [GeneratedRegex("<aside class=\"sources\".*?</aside>", RegexOptions.Singleline)]
    private static partial Regex Sources();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Number();
}
