using PayerAtlas.Importers.Policies;
using PayerAtlas.Importing;
using PayerAtlas.Policies;

namespace PayerAtlas.Tests.Policies;

public class HtmlPolicyDocumentTests
{
    static readonly PolicyDocumentOptions Options = new() { Payer = "Example Health Plan" };

    static Policy Read(string html) => PolicyDocumentReader.Read(HtmlText.Read(html), Options, "page.html", new string('0', 64));

    static Policy Fixture() => Read(File.ReadAllText(RepoPaths.Fixture("Policies", "breast-policy.html")));

    [Fact]
    public void Every_code_and_range_is_indexed_with_its_line_and_sentence()
    {
        var mentions = Fixture().Mentions.Select(m => (m.Codes.ToString(), m.System, m.Location, m.Sentence)).ToList();

        Assert.Equal(
        [
            ("77053", CodeSystem.Procedure, "line 20", "Ductography of one duct (77053) is covered for spontaneous discharge."),
            ("19030", CodeSystem.Procedure, "line 20", "Injection for ductography is reported with 19030."),
            ("77054", CodeSystem.Procedure, "line 20", "Multiple ducts are billed as 77054 only when two ducts fill."),
            ("77065-77066", CodeSystem.Procedure, "line 23", "Diagnostic mammography 77065–77066 may precede the study."),
            ("77065-77067", CodeSystem.Procedure, "line 24", "Screening codes 77065 through 77067 are not a substitute."),
            ("77054", CodeSystem.Procedure, "line 28", "77054 N64.52, R92.8"),
            ("N64.52", CodeSystem.Icd10, "line 28", "77054 N64.52, R92.8"),
            ("R92.8", CodeSystem.Icd10, "line 28", "77054 N64.52, R92.8"),
        ], mentions);
    }

    [Fact]
    public void Title_number_dates_and_address_come_from_the_page()
    {
        var p = Fixture();
        Assert.Equal(("Example Health Plan – Breast Ductography Policy", "MP-77", "line 16"), (p.Title.Value, p.Id.Value, p.Id.Row));
        Assert.Equal((new DateOnly(2025, 3, 1), "line 17"), (p.Effective!.Value, p.Effective.Row));
        Assert.Equal(new DateOnly(2025, 1, 15), p.LastReviewed!.Value);
        Assert.Equal("2025-03-01", p.Version.Value);
        Assert.Equal("https://example.org/policies/mp-77.html", p.SourceUrl!.Value);
        Assert.Equal(PolicyOrigin.Extracted, p.Origin);
    }

    [Fact]
    public void Each_code_becomes_a_rule_whose_stance_is_unknown()
    {
        var p = Fixture();
        Assert.Equal(["77053", "19030", "77054", "77065-77066", "77065-77067"], p.Rules.Select(r => r.Codes.Single().Value.ToString()));
        Assert.All(p.Rules, r => Assert.Equal(Stance.Unknown, r.StanceOrUnknown));
        Assert.Equal("line 20", p.Rules.Single(r => r.Codes[0].Value.ToString() == "77054").Row);
    }

    [Fact]
    public void Scripts_styles_comments_zip_codes_and_amounts_are_not_codes()
    {
        var named = Fixture().Mentions.Select(m => m.Codes.Low).ToHashSet();
        Assert.DoesNotContain("77099", named);
        Assert.DoesNotContain("77098", named);
        Assert.DoesNotContain("77097", named);
        Assert.DoesNotContain("06156", named);
        Assert.DoesNotContain("10000", named);
    }

    [Fact]
    public void A_page_without_codes_is_refused()
    {
        var e = Assert.Throws<ImportException>(() => Read("<html><body><h1>Policy Number: X-1</h1><p>Nothing to bill here.</p></body></html>"));
        Assert.Equal(("page.html", "no CPT, HCPCS or ICD-10 code found in the document: nothing to index (a scanned image without text?)"), (e.File, e.Reason));
    }

    [Fact]
    public void A_page_without_a_number_needs_one_given()
    {
        const string page = "<html><head><title>T</title></head><body><p>Code 77054 applies.</p></body></html>";
        Assert.Contains("give it with --policy", Assert.Throws<ImportException>(() => Read(page)).Reason, StringComparison.Ordinal);
        var p = PolicyDocumentReader.Read(HtmlText.Read(page), Options with { PolicyId = "GIVEN-1" }, "page.html", new string('a', 64));
        Assert.Equal(("GIVEN-1", "import option", "sha256:aaaaaaaaaaaa"), (p.Id.Value, p.Id.Row, p.Version.Value));
    }

    [Theory]
    [InlineData("See <b>77065</b>&#8211;<i>77067</i>.", "77065-77067")]
    [InlineData("Codes G0202 thru G0206 ended.", "G0202-G0206")]
    [InlineData("Category III 0042T-0044T.", "0042T-0044T")]
    [InlineData("Reversed 77067-77065 names both.", "77067|77065")]
    [InlineData("Ship to PO Box 12345 or CR 10181.", "")]
    [InlineData("Rate 77065.50 or 77066% are numbers.", "")]
    public void Inline_markup_entities_and_lookalikes(string body, string expected)
    {
        var text = HtmlText.Read($"<p>{body}</p>");
        var found = PolicyDocumentReader.Mentions(text).Where(m => m.System == CodeSystem.Procedure).Select(m => m.Codes.ToString());
        Assert.Equal(expected, string.Join("|", found));
    }
}
