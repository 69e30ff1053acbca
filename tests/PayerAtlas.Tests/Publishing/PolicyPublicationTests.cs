using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rendering;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Publishing;

public partial class PolicyPublicationTests(DemoPolicyFixture fixture) : IClassFixture<DemoPolicyFixture>
{
    static readonly string[] KeyPayers = ["Aetna", "Blue Cross Blue Shield", "Cigna", "UnitedHealthcare", "Medicare"];

    Publication Publish(string code, ReleaseInfo? release = null)
    {
        using var reader = fixture.Store.OpenReader(release ?? fixture.Demo);
        return PublicationBuilder.Default().Build().Publish(DossierBuilder.Build(reader, code)!);
    }

    static JsonElement Json(Publication p) => JsonDocument.Parse(Renderers.For("json").RenderToString(p)).RootElement;

    static JsonElement Section(JsonElement json, string id) => json.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    static string CellText(JsonElement cell) => string.Concat(cell.GetProperty("inlines").EnumerateArray().Select(i => i.TryGetProperty("text", out var t) ? t.GetString() : i.GetProperty("strong").GetString()));

    /// <summary>The 1-based line of the first line in a demo policy file that starts (after indentation) with <paramref name="start"/>, after line <paramref name="after"/>.</summary>
    static string Line(string file, string start, int after = 0)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.DemoContent, "policies", file));
        var i = Array.FindIndex(lines, after, l => l.TrimStart().StartsWith(start, StringComparison.Ordinal));
        return (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Payer_coverage_of_77054_has_a_row_for_each_key_payer_and_unknowns_are_gaps()
    {
        var json = Json(Publish("77054"));
        var section = Section(json, "payer-coverage");
        var table = section.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "table");
        var payers = table.GetProperty("rows").EnumerateArray().Select(r => CellText(r[0])).ToList();
        Assert.Equal(KeyPayers, payers.Distinct());

        var gaps = section.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("fact").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "payer.aetna.policy", "payer.bluecrossblueshield.policy", "payer.unitedhealthcare.policy", "payer.cigna.evicorebr.stance", "payer.medicare.l33585.stance" }, gaps);
        var cigna = table.GetProperty("rows").EnumerateArray().Single(r => CellText(r[0]) == "Cigna");
        Assert.Equal("Data not available in the input. (the policy addresses the code: Guideline section BR-6 covers imaging for nipple discharge; what it says about ductography is not summarised here)", CellText(cigna[2]));
        Assert.Equal("2022-02-01", CellText(cigna[5]));
    }

    [Fact]
    public void Each_stated_stance_cites_its_policy_file_row_id_version_date_and_address()
    {
        var facts = Json(Publish("77067")).GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);

        var aetna = facts["payer.aetna.cpb0584.stance"];
        Assert.Equal("covered when criteria are met", aetna.GetProperty("value").GetString());
        var source = aetna.GetProperty("source");
        Assert.Equal(("demo/policies/aetna/cpb-0584-mammography.yaml", "demo", Line("aetna/cpb-0584-mammography.yaml", "stance:")),
            (source.GetProperty("file").GetString(), source.GetProperty("release").GetString(), source.GetProperty("row").GetString()));
        var document = source.GetProperty("document");
        Assert.Equal(("Aetna", "CPB 0584", "summary-1", JsonValueKind.Null, "https://www.aetna.com/cpb/medical/data/500_599/0584.html"),
            (document.GetProperty("payer").GetString(), document.GetProperty("id").GetString(), document.GetProperty("version").GetString(), document.GetProperty("effective").ValueKind, document.GetProperty("url").GetString()));

        var medicare = facts["payer.medicare.ncd2204.stance"].GetProperty("source");
        Assert.Equal(Line("medicare/ncd-220-4-mammograms.yaml", "stance:", after: 20), medicare.GetProperty("row").GetString());
        Assert.Equal(("NCD 220.4", "1", "1978-05-15"), (medicare.GetProperty("document").GetProperty("id").GetString(), medicare.GetProperty("document").GetProperty("version").GetString(), medicare.GetProperty("document").GetProperty("effective").GetString()));
        Assert.Equal("at most 1 per lifetime, for women aged 35 to 39 (the baseline study)", facts["payer.medicare.ncd2204.limit.1"].GetProperty("value").GetString());
        Assert.False(facts.ContainsKey("payer.aetna.cpb0584.prior_authorization"));
    }

    [Fact]
    public void The_summary_assembles_coverage_patterns_from_the_stance_facts()
    {
        var summary = Publish("77046").Sections.Single(s => s.Id == "summary");
        var text = string.Join("\n", summary.Blocks.OfType<ParagraphBlock>().Select(b => InlineText.Plain(b.Inlines)));
        Assert.Contains("Coverage patterns: Blue Cross Blue Shield (00084): covered when criteria are met; Cigna (eviCore BR): covered when criteria are met; UnitedHealthcare (MMG010): covered when criteria are met. The payers that state a stance agree.", text, StringComparison.Ordinal);
        Assert.Contains("No stated stance in the input for Aetna, Medicare: Data not available in the input.", text, StringComparison.Ordinal);
        var stanceIds = summary.Blocks.OfType<ParagraphBlock>().SelectMany(b => b.Inlines).OfType<FactInline>().Select(f => f.FactId).Where(id => id.EndsWith(".stance", StringComparison.Ordinal));
        Assert.Equal(["payer.bluecrossblueshield.00084.stance", "payer.cigna.evicorebr.stance", "payer.unitedhealthcare.mmg010.stance"], stanceIds);
    }

    [Fact]
    public void Documentation_lists_each_element_with_the_payers_that_require_it()
    {
        var section = Publish("77065").Sections.Single(s => s.Id == "documentation");
        var items = section.Blocks.OfType<ListBlock>().Last().Items.Select(InlineText.Plain).ToList();
        Assert.Equal(
        [
            "The treating physician's order for the diagnostic study — listed by Medicare (NCD 220.4)",
            "The signs, symptoms or history that prompted the diagnostic study — listed by Medicare (NCD 220.4)",
            "The facility's current FDA mammography certificate (Mammography Quality Standards Act), which Medicare requires of every mammography supplier — listed by Medicare (42 CFR 410.34)",
        ], items);
        Assert.Contains(section.Gaps, g => g.Fact == "payer.documentation" && g.Label == "Documentation elements required by Aetna, Blue Cross Blue Shield, Cigna, UnitedHealthcare");
    }

    [Fact]
    public void Coding_clarity_carries_the_payers_coding_notes()
    {
        var clarity = Publish("77067").Sections.Single(s => s.Id == "coding-clarity");
        var notes = clarity.Blocks.OfType<ListBlock>().SelectMany(l => l.Items).Select(InlineText.Plain).Where(t => t.StartsWith("Medicare (", StringComparison.Ordinal)).ToList();
        Assert.Contains("Medicare (NCCI Policy Manual): modifier GG: When screening and diagnostic mammography are done on the same day, the diagnostic study carries GG", notes);
        Assert.Contains("Medicare (NCCI Policy Manual): The screening tomosynthesis add-on code 77063 may be reported with 77067", notes);
        Assert.Contains("Medicare (Transmittal 3844 (CR 10181)): Replaces HCPCS G0202 for services from 2018-01-01", notes);
        Assert.DoesNotContain(Publish("99213").Sections.Single(s => s.Id == "coding-clarity").Blocks.OfType<ListBlock>().SelectMany(l => l.Items).Select(InlineText.Plain), t => t.StartsWith("Medicare (", StringComparison.Ordinal));
    }

    [Fact]
    public void An_indexed_document_says_where_it_names_the_code_and_that_its_stance_awaits_an_editor()
    {
        var p = Publish("77054", fixture.Docs);
        var section = p.Sections.Single(s => s.Id == "payer-coverage");
        var row = section.Blocks.OfType<TableBlock>().Single().Rows.Single(r => InlineText.Plain(r[1]).StartsWith("MP-77", StringComparison.Ordinal));
        Assert.Equal("Named at line 20; stance not yet confirmed by an editor: Data not available in the input.", InlineText.Plain(row[2]));
        Assert.Contains(section.Gaps, g => g.Fact == "payer.examplehealthplan.mp77.stance");
        var mentions = section.Blocks.OfType<ListBlock>().First().Items.Select(InlineText.Plain).ToList();
        Assert.Equal(["Example Health Plan line 20: “Multiple ducts are billed as 77054 only when two ducts fill.”", "Example Health Plan line 28: “77054 N64.52, R92.8”"], mentions);
    }

    [Fact]
    public void Policy_changes_touching_the_code_are_listed_with_their_versions()
    {
        var added = Publish("77054", fixture.Docs).Sections.Single(s => s.Id == "payer-coverage").Blocks.OfType<ListBlock>().Last().Items.Select(InlineText.Plain).ToList();
        Assert.Contains("Example Health Plan: EHP-RAD-12 version 2024.1 → 2025.1: 77053–77054: code added", added);
        Assert.Contains("Example Health Plan: EHP-RAD-12 version 2024.1 → 2025.1: effective 2024-01-01 → 2025-01-01", added);
        var removed = Publish("77067", fixture.Docs);
        Assert.Contains(removed.Sections.Single(s => s.Id == "payer-coverage").Blocks.OfType<ListBlock>().Last().Items.Select(InlineText.Plain), t => t.EndsWith("77067: code removed", StringComparison.Ordinal));
        Assert.DoesNotContain(removed.Facts, f => f.Id.StartsWith("payer.examplehealthplan.ehprad12.", StringComparison.Ordinal)); // no longer in the newest version
    }

    [Theory]
    [InlineData("77054")]
    [InlineData("77067")]
    [InlineData("77046")]
    [InlineData("76641")]
    [InlineData("77065")]
    public void Every_number_in_the_html_is_among_the_facts(string code)
    {
        foreach (var release in new[] { fixture.Demo, fixture.Docs })
        {
            var p = Publish(code, release);
            var html = Renderers.For("html").RenderToString(p);
            var facts = Json(p).GetProperty("facts").EnumerateArray().ToList();
            var haystack = string.Join("\n", facts.SelectMany(f => new[] { f.GetProperty("value").GetString(), f.GetProperty("source").GetProperty("file").GetString(), f.GetProperty("source").GetProperty("release").GetString() }));
            var text = WebUtility.HtmlDecode(Tags().Replace(Sources().Replace(Style().Replace(html, ""), ""), " "));
            var numbers = Number().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal)).Distinct().ToList();
            Assert.All(numbers, n => Assert.True(haystack.Contains(n, StringComparison.Ordinal), $"{n} is in the HTML of {code} but in no fact"));
        }
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
