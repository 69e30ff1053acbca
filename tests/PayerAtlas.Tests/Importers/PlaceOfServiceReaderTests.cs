using System.Text;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Importing;
using PayerAtlas.Sources;

namespace PayerAtlas.Tests.Importers;

public class PlaceOfServiceReaderTests
{
    static readonly string CsvFile = SharedData.Path("pos", "pos_codes_cms_v20240502.csv");
    static readonly string XmlFile = SharedData.Path("pos", "cs-CMS-PlaceofServiceCodes.xml");

    static List<PlaceOfServiceRecord> RealCsv()
    {
        using var stream = File.OpenRead(CsvFile);
        return PlaceOfServiceReader.ReadCsv(TextLines.Read(stream, TextLines.StrictUtf8, CsvFile), CsvFile).ToList();
    }

    static List<PlaceOfServiceRecord> RealXml()
    {
        using var stream = File.OpenRead(XmlFile);
        return PlaceOfServiceReader.ReadFhirXml(stream, XmlFile).ToList();
    }

    [Fact]
    public void The_CSV_holds_52_codes_with_their_lines()
    {
        var codes = RealCsv();
        Assert.Equal(52, codes.Count);
        Assert.Equal(new PlaceOfServiceRecord("01", "Pharmacy", codes[0].Description, "2"), codes[0]);
        Assert.StartsWith("A facility or location where drugs", codes[0].Description, StringComparison.Ordinal);
        Assert.Equal(("99", "Other Place of Service", "53"), (codes[^1].Code, codes[^1].Name, codes[^1].Row));
        Assert.Equal("Office", codes.Single(c => c.Code == "11").Name);
    }

    [Fact]
    public void The_FHIR_XML_holds_52_concepts_located_by_index()
    {
        var codes = RealXml();
        Assert.Equal(52, codes.Count);
        Assert.Equal(("01", "Pharmacy", "concept[1]"), (codes[0].Code, codes[0].Name, codes[0].Row));
        Assert.Equal(("99", "concept[52]"), (codes[^1].Code, codes[^1].Row));
        Assert.Equal("On Campus-Outpatient Hospital", codes.Single(c => c.Code == "22").Name);
    }

    [Fact]
    public void The_CSV_and_the_XML_give_the_same_codes_names_and_descriptions()
    {
        var csv = RealCsv().Select(r => (r.Code, r.Name, r.Description));
        var xml = RealXml().Select(r => (r.Code, r.Name, r.Description));
        Assert.Equal(xml, csv);
    }

    [Fact]
    public void Text_is_kept_as_published_with_its_typographic_quotes_and_no_break_spaces()
    {
        var codes = RealCsv();
        Assert.Equal("Telehealth Provided Other than in Patient\u2019s Home", codes.Single(c => c.Code == "02").Name);
        Assert.Contains(". \u00A0(Effective January 1, 2003)", codes.Single(c => c.Code == "04").Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pos_codes_cms_v20240502.csv", SourceKind.PlaceOfServiceCsv)]
    [InlineData("cs-CMS-PlaceofServiceCodes.xml", SourceKind.PlaceOfServiceFhirXml)]
    public void Format_detector_recognises_the_real_place_of_service_files(string file, SourceKind kind)
    {
        var path = SharedData.Path("pos", file);
        Assert.Equal(kind, FormatDetector.Detect(new ImportInput(path, () => File.OpenRead(path), true)).Kind);
    }

    [Fact]
    public void An_unpadded_code_is_read_as_two_digits()
    {
        Assert.Equal("01", Csv("pos_code,name,description", "1,Pharmacy,Drugs").Single().Code);
        Assert.Equal("01", Xml(Concept("1", "Pharmacy")).Single().Code);
    }

    [Fact]
    public void A_header_without_a_required_column_is_an_error()
    {
        var e = Assert.Throws<ImportException>(() => Csv("pos_code,name", "01,Pharmacy"));
        Assert.Equal((1L, 1), (e.Line, e.Column));
        Assert.Contains("header has no 'description' column", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_that_is_not_two_digits_is_an_error()
    {
        var e = Assert.Throws<ImportException>(() => Csv("pos_code,name,description", "01,Pharmacy,Drugs", "123,Office,Visits"));
        Assert.Equal((3L, 1), (e.Line, e.Column));
        Assert.Contains("'123' must be 1 to 2 digits", e.Reason, StringComparison.Ordinal);

        e = Assert.Throws<ImportException>(() => Csv("name,description,pos_code", "Office,Visits,1A"));
        Assert.Equal((2L, 15), (e.Line, e.Column));
        Assert.Contains("'1A' is not a number", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_code_in_the_CSV_is_an_error()
    {
        var e = Assert.Throws<ImportException>(() => Csv("pos_code,name,description", "11,Office,\"Visits, etc.\"", "", "11,Office again,x"));
        Assert.Equal((4L, 1), (e.Line, e.Column));
        Assert.Contains("duplicate place-of-service code 11 (first on line 2)", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_an_unquoted_comma_is_an_error()
    {
        var e = Assert.Throws<ImportException>(() => Csv("pos_code,name,description", "11,Office,Visits, etc."));
        Assert.Equal(2L, e.Line);
        Assert.Contains("row has 4 fields; the header has 3", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_code_in_the_XML_is_an_error_at_its_code_element()
    {
        var e = Assert.Throws<ImportException>(() => Xml(Concept("11", "Office"), Concept("11", "Office again")));
        Assert.Equal((4L, 11), (e.Line, e.Column)); // line 4 is the second concept; "<code" starts in column 10, its name in 11
        Assert.Contains("duplicate place-of-service code 11 in concept[2] (first in concept[1])", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_XML_is_an_error_at_the_parser_position()
    {
        var e = Assert.Throws<ImportException>(() => Xml(Concept("11", "Office"), "<concept><code value=\"12\"></concept>"));
        Assert.Equal((4L, 29), (e.Line, e.Column)); // the parser stops at the name of the </concept> that closes nothing
        Assert.Contains("malformed XML", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_concept_without_a_code_or_a_name_is_an_error()
    {
        var e = Assert.Throws<ImportException>(() => Xml("<concept><display value=\"Office\"/></concept>"));
        Assert.Equal((3L, 2), (e.Line, e.Column));
        Assert.Contains("concept[1] has no <code", e.Reason, StringComparison.Ordinal);

        e = Assert.Throws<ImportException>(() => Xml("<concept><code value=\"11\"/></concept>"));
        Assert.Contains("name is empty", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_XML_file_that_is_not_a_FHIR_CodeSystem_is_an_error()
    {
        using var stream = new MemoryStream("<ValueSet xmlns=\"http://hl7.org/fhir\"/>"u8.ToArray());
        var e = Assert.Throws<ImportException>(() => PlaceOfServiceReader.ReadFhirXml(stream, "t.xml").ToList());
        Assert.Equal((1L, 2), (e.Line, e.Column));
        Assert.Contains("root element is <ValueSet>", e.Reason, StringComparison.Ordinal);
    }

    static List<PlaceOfServiceRecord> Csv(params string[] lines)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return PlaceOfServiceReader.ReadCsv(TextLines.Read(stream, TextLines.StrictUtf8, "t.csv"), "t.csv").ToList();
    }

    /// <summary>Line 1 the declaration, line 2 the root, then one line per concept.</summary>
    static List<PlaceOfServiceRecord> Xml(params string[] concepts)
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeSystem xmlns=\"http://hl7.org/fhir\">\n"
            + string.Concat(concepts.Select(c => c + "\n")) + "</CodeSystem>\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return PlaceOfServiceReader.ReadFhirXml(stream, "t.xml").ToList();
    }

    static string Concept(string code, string display) =>
        $"<concept><code value=\"{code}\"/><display value=\"{display}\"/><definition value=\"d\"/></concept>";
}
