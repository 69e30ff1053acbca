using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rendering;
using PayerAtlas.Tests.Store;

namespace PayerAtlas.Tests.Publishing;

public partial class PublicationTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>
{
    static readonly string[] SectionIds = ["summary", "overview", "clinical-coding", "payer-coverage", "documentation", "reimbursement", "coding-clarity"];

    Publication Publish(string code, bool content = true, PublicationOptions? options = null, Rates.IRateBenchmarks? rates = null)
    {
        using var reader = fixture.Store.OpenReader(content ? fixture.Full : fixture.Cms);
        var builder = PublicationBuilder.Default();
        builder.Options = options ?? builder.Options;
        builder.Rates = rates;
        return builder.Build().Publish(DossierBuilder.Build(reader, code)!);
    }

    static JsonElement Json(Publication p) => JsonDocument.Parse(Renderers.For("json").RenderToString(p)).RootElement;

    [Fact]
    public void The_json_of_77054_has_every_section_in_the_example_order()
    {
        var json = Json(Publish("77054"));
        Assert.Equal("77054", json.GetProperty("code").GetString());
        Assert.Equal("2025Q4-content", json.GetProperty("release").GetString());
        Assert.StartsWith("CPT 77054: Ductography of several breast ducts", json.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(SectionIds, json.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["Summary & Overview", "Billing Code Overview", "Clinical & Coding Specifications", "Payer Coverage", "Documentation & Supervision", "Reimbursement", "Coding Clarity"],
            json.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("title").GetString()));
    }

    [Fact]
    public void National_amounts_are_facts_traced_to_the_fee_schedule_row()
    {
        var p = Publish("77054");
        var global = p.FindFact("pay.national.global.nonfacility")!;
        Assert.Equal("67.28", global.Value);
        Assert.Equal(("rvu25d/PPRRVU2025_Oct.csv", "2025Q4-content", "8790"), (global.Source.File, global.Source.Release, global.Source.Row));
        Assert.Equal(["rvu.global.work", "rvu.global.pe_nonfacility", "rvu.global.mp", "rvu.conversion_factor"], global.Derivation!.Inputs);
        Assert.Equal("20.38", p.FindFact("pay.national.26.nonfacility")!.Value);
        Assert.Null(p.FindFact("pay.national.global.facility")); // NA: stated as the indicator, not as an amount
        Assert.Equal("NA", p.FindFact("rvu.global.facility_na")!.Value);
    }

    [Fact]
    public void Payer_coverage_is_a_row_per_key_payer_with_gaps_until_policies_arrive()
    {
        var section = Publish("77054").Sections.Single(s => s.Id == "payer-coverage");
        var table = section.Blocks.OfType<TableBlock>().Single();
        Assert.Equal(["Aetna", "Blue Cross Blue Shield", "Cigna", "UnitedHealthcare", "Medicare"], table.Rows.Select(r => InlineText.Plain(r[0])));
        Assert.Contains(section.Gaps, g => g.Fact == "payer.aetna.policy");
        Assert.Contains(section.Gaps, g => g.Fact == "payer.medicare.ncd_lcd");
        Assert.All(section.Gaps, g => Assert.Equal("Data not available in the input.", g.Message));
    }

    [Fact]
    public void Missing_editorial_input_becomes_gaps_never_text()
    {
        var p = Publish("77054", content: false);
        var gaps = p.Gaps.Select(g => g.Fact).ToHashSet();
        Assert.Superset(new HashSet<string> { "editorial.plain_description", "editorial.service_type", "editorial.typical_site_of_service", "editorial.clinical_context", "editorial.documentation", "editorial.audience" }, gaps);
        Assert.DoesNotContain(p.Facts, f => f.Id.StartsWith("editorial.", StringComparison.Ordinal));
        var clinical = p.Sections.Single(s => s.Id == "clinical-coding");
        Assert.Contains(clinical.Blocks.OfType<ParagraphBlock>(), b => b.Inlines.OfType<GapInline>().Any(g => g.FactId == "editorial.clinical_context"));
        var json = Json(p);
        var listed = json.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("gaps").EnumerateArray()).Select(g => g.GetProperty("fact").GetString()).ToHashSet();
        Assert.Contains("editorial.clinical_context", listed);
    }

    [Theory]
    [InlineData("77054", true)]
    [InlineData("77054", false)]
    [InlineData("27447", true)]
    [InlineData("99213", true)]
    [InlineData("45378", true)]
    [InlineData("A4206", true)]
    [InlineData("0001F", false)]
    [InlineData("70496", false)]
    public void Every_number_in_the_html_appears_among_the_json_facts(string code, bool content) =>
        EveryNumberIsAFact(Publish(code, content, new PublicationOptions { LocalityTable = true }));

    [Theory]
    [InlineData("49505")] // priced facility amount: the median as a percentage of Medicare
    [InlineData("70551")] // facility NA: no percentage, the indicator instead
    [InlineData("92626")]
    [InlineData("99283")] // percentage-of-charge rates only: the gap
    public void Every_number_in_the_html_with_hospital_rate_benchmarks_appears_among_the_json_facts(string code)
    {
        var p = Publish(code, true, new PublicationOptions { LocalityTable = true }, HospitalRates.List);
        Assert.Equal(code != "99283", p.Facts.Any(f => f.Id.StartsWith("rates.", StringComparison.Ordinal)));
        EveryNumberIsAFact(p);
    }

    static void EveryNumberIsAFact(Publication p)
    {
        var html = Renderers.For("html").RenderToString(p);
        var facts = Json(p).GetProperty("facts").EnumerateArray().ToList();
        var haystack = string.Join("\n", facts.SelectMany(f => new[] { f.GetProperty("value").GetString(), f.GetProperty("source").GetProperty("file").GetString(), f.GetProperty("source").GetProperty("release").GetString() }));
        var text = WebUtility.HtmlDecode(Tags().Replace(Sources().Replace(Style().Replace(html, ""), ""), " "));
        var numbers = Number().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.True(haystack.Contains(n, StringComparison.Ordinal), $"{n} is in the HTML but in no fact"));
    }

    [Theory]
    [InlineData("77054")]
    [InlineData("27447")]
    public void Every_fact_reference_resolves_and_every_gap_marker_is_listed(string code)
    {
        var p = Publish(code);
        var ids = p.Facts.Select(f => f.Id).ToHashSet();
        foreach (var section in p.Sections)
        {
            var inlines = section.Blocks.SelectMany(Inlines).ToList();
            Assert.All(inlines.OfType<FactInline>(), f => Assert.Contains(f.FactId, ids));
            Assert.All(inlines.OfType<GapInline>(), g => Assert.Contains(section.Gaps, x => x.Fact == g.FactId));
        }
    }

    static IEnumerable<Inline> Inlines(Block block) => block switch
    {
        ParagraphBlock p => p.Inlines,
        ListBlock l => l.Items.SelectMany(i => i),
        TableBlock t => t.Rows.SelectMany(r => r.SelectMany(c => c)),
        _ => [],
    };

    static List<string> Modifiers(Publication p) =>
        p.Sections.Single(s => s.Id == "clinical-coding").Blocks.OfType<TableBlock>().Single().Rows.Select(r => InlineText.Plain(r[0])).ToList();

    [Fact]
    public void Modifiers_are_derived_from_the_fee_schedule_indicators()
    {
        // 77054: PC/TC 1 → 26, TC; editorial notes add RT/LT.
        Assert.Equal(["26", "TC", "RT", "LT"], Modifiers(Publish("77054")));
        Assert.Equal(["26", "TC"], Modifiers(Publish("77054", content: false)));
        // 27447: bilateral 1 → 50; multiple 2 → 51; assistant 2 → 80/81/82/AS; co-surgeons 1 → 62; 090 → 58/78/79.
        Assert.Equal(["50", "51", "80", "81", "82", "AS", "62", "58", "78", "79"], Modifiers(Publish("27447", content: false)));
        // 45378 has its own priced 53 row.
        Assert.Contains("53", Modifiers(Publish("45378", content: false)));
    }

    [Fact]
    public void The_modifiers_table_has_the_example_columns_in_markdown()
    {
        var md = Renderers.For("md").RenderToString(Publish("77054"));
        Assert.Contains("| Modifier | Description | When to Use |", md, StringComparison.Ordinal);
        Assert.Contains("\n| 26 | Professional component |", md, StringComparison.Ordinal);
        Assert.StartsWith("# CPT 77054: ", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_one_accessible_page_with_encoded_data()
    {
        var html = Renderers.For("html").RenderToString(Publish("77054"));
        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Single(H1().Matches(html));
        Assert.Contains("<th scope=\"col\">When to Use</th>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void State_ranges_and_averages_match_the_pricing_of_each_locality()
    {
        var p = Publish("77054");
        Assert.Equal("71.87", p.FindFact("pay.state.CA.global.nonfacility.min")!.Value);
        Assert.Equal("90.82", p.FindFact("pay.state.CA.global.nonfacility.max")!.Value);
        Assert.Equal("60.09", p.FindFact("pay.state.AL.global.nonfacility")!.Value);
    }

    [Fact]
    public void An_opps_capped_locality_amount_is_the_capped_price_with_both_inputs_cited()
    {
        var p = Publish("70496", content: false, new PublicationOptions { LocalityTable = true });
        var amount = p.FindFact("pay.01112-05.global.nonfacility")!;
        var cap = p.FindFact("oppscap.global.01112-05.nonfacility")!;
        Assert.Equal(cap.Value, amount.Value);
        Assert.Equal("rvu25d/OPPSCAP_Oct.csv", cap.Source.File);
        Assert.Contains(cap.Id, amount.Derivation!.Inputs);
        Assert.Contains("rvu.global.work", amount.Derivation.Inputs);
        Assert.NotNull(p.FindFact("oppscap.localities_lowered"));
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

    [GeneratedRegex(@"<h1[ >]")]
    private static partial Regex H1();
}
