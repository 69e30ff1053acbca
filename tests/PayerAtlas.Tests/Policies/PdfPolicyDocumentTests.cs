using PayerAtlas.Importers.Policies;
using PayerAtlas.Importing;
using PayerAtlas.Pdf;
using PayerAtlas.Policies;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PayerAtlas.Tests.Policies;

public class PdfPolicyDocumentTests
{
    /// <summary>A two-page policy PDF written with PdfPig: lines placed like a payer's layout, headers spaced apart.</summary>
    internal static byte[] ExamplePdf(bool withCodes = true)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        void Lines(PdfPageBuilder page, params (double Y, string Text)[] lines)
        {
            foreach (var (y, text) in lines)
            {
                page.AddText(text, 11, new PdfPoint(72, y), font);
            }
        }

        Lines(builder.AddPage(PageSize.Letter),
            (740, "Example Health Plan Medical Policy: Breast Imaging"),
            (710, "Policy Number: EHP-PDF-9"),
            (690, "Original Effective Date: 06/01/2019"),
            (670, "Revision Effective Date: 02/01/2025"),
            (650, "Next Review Date: 02/01/2026"),
            (620, withCodes ? "Ductography of a single duct (77053) or of several ducts (77054) is covered" : "Ductography of a single duct or of several ducts is covered"),
            (606, withCodes ? "for spontaneous unilateral discharge. The injection is reported with 19030." : "for spontaneous unilateral discharge."));
        Lines(builder.AddPage(PageSize.Letter),
            (740, "Coding"),
            (710, withCodes ? "Diagnostic mammography codes 77065-77066 and screening codes 77065 through" : "Mammography is addressed elsewhere."),
            (696, withCodes ? "77067 are not billed with MRI codes 77046 - 77049 on the same day." : "Nothing else."),
            (666, "Mail: PO Box 12345, Springfield, IL 62701."));
        return builder.Build();
    }

    static Policy Read(byte[] pdf, PolicyDocumentOptions? options = null)
    {
        using var stream = new MemoryStream(pdf);
        var text = new PdfPigTextReader().Read(stream, "policy.pdf");
        return PolicyDocumentReader.Read(text, options ?? new PolicyDocumentOptions { Payer = "Example Health Plan" }, "policy.pdf", new string('0', 64));
    }

    [Fact]
    public void Codes_ranges_and_pages_are_extracted_exactly()
    {
        var p = Read(ExamplePdf());

        Assert.Equal(
        [
            ("77053", 1, "Ductography of a single duct (77053) or of several ducts (77054) is covered for spontaneous unilateral discharge."),
            ("77054", 1, "Ductography of a single duct (77053) or of several ducts (77054) is covered for spontaneous unilateral discharge."),
            ("19030", 1, "The injection is reported with 19030."),
            ("77065-77066", 2, "Diagnostic mammography codes 77065-77066 and screening codes 77065 through 77067 are not billed with MRI codes 77046 - 77049 on the same day."),
            ("77065-77067", 2, "Diagnostic mammography codes 77065-77066 and screening codes 77065 through 77067 are not billed with MRI codes 77046 - 77049 on the same day."),
            ("77046-77049", 2, "Diagnostic mammography codes 77065-77066 and screening codes 77065 through 77067 are not billed with MRI codes 77046 - 77049 on the same day."),
        ], p.Mentions.Select(m => (m.Codes.ToString(), m.Page!.Value, m.Sentence)));
        Assert.All(p.Mentions, m => Assert.Equal($"page {m.Page}", m.Location));
    }

    [Fact]
    public void Title_number_and_labelled_dates_are_read_from_the_first_page()
    {
        var p = Read(ExamplePdf());
        Assert.Equal(("Example Health Plan Medical Policy: Breast Imaging", "EHP-PDF-9"), (p.Title.Value, p.Id.Value));
        Assert.Equal((new DateOnly(2019, 6, 1), new DateOnly(2025, 2, 1), new DateOnly(2026, 2, 1)), (p.OriginalEffective!.Value, p.Effective!.Value, p.NextReview!.Value));
        Assert.Equal(("2025-02-01", "page 1"), (p.Version.Value, p.Version.Row));
    }

    [Fact]
    public void A_pdf_without_codes_is_refused_and_so_is_a_broken_one()
    {
        Assert.Contains("no CPT, HCPCS or ICD-10 code found", Assert.Throws<ImportException>(() => Read(ExamplePdf(withCodes: false))).Reason, StringComparison.Ordinal);
        var broken = ExamplePdf()[..400];
        var e = Assert.Throws<ImportException>(() => Read(broken));
        Assert.StartsWith("not a readable PDF", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_ncci_policy_manual_is_indexed_on_the_pages_an_independent_extractor_finds()
    {
        // Pages where poppler's pdftotext finds the literal codes in the same file: 77065 on 21, 77 and 189; 77066 on 21;
        // the range 77065-77067 on 77 and 189; 77067 alone also on 186 (statement 15 of chapter IX).
        using var stream = File.OpenRead(SharedData.Path("ncci", "2026_ncci_medicare_policy_manual_all-chapters.pdf"));
        var text = new PdfPigTextReader().Read(stream, "ncci.pdf");
        var p = PolicyDocumentReader.Read(text, new PolicyDocumentOptions { Payer = "Medicare", PolicyId = "NCCI Policy Manual", Kind = PolicyKind.MedicareManual }, "ncci.pdf", new string('0', 64));

        int[] PagesNaming(string code) => p.Mentions.Where(m => m.Codes.Low == code || m.Codes.High == code).Select(m => m.Page!.Value).Distinct().Order().ToArray();
        Assert.Equal(287, text.Blocks.Count);
        Assert.Equal([21, 77, 189], PagesNaming("77065"));
        Assert.Equal([21], PagesNaming("77066"));
        Assert.Equal([77, 186, 189], PagesNaming("77067"));
        Assert.Equal([77, 189], p.Mentions.Where(m => m.Codes == new CodeRange("77065", "77067")).Select(m => m.Page!.Value).Order());
        // Chapter IX's own scope, "CPT Codes 70000 - 79999", is a range too, so the chapter's title page names 77066 as well.
        Assert.Contains(p.Mentions, m => m.Page == 180 && m.Codes == new CodeRange("70000", "79999"));
        Assert.Contains(p.Mentions, m => m.Page == 186 && m.Codes == CodeRange.Single("77063") && m.Sentence.StartsWith("15. CPT code 77063 is an Add-on Code", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 1, 1), p.Revised!.Value);
    }
}
