using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importing;
using PayerAtlas.Sources;

namespace PayerAtlas.Tests.Importers;

public class ContentPackReaderTests
{
    static string Codes => Path.Combine(RepoPaths.DemoContent, "codes");

    static string Pfs(string file) => Path.Combine(RepoPaths.DemoContent, "pfs", file);

    static EditorialEntry Parse(string text) =>
        ContentPackReader.Read(text.Split('\n').Select((t, i) => new TextLine(i + 1, t.TrimEnd('\r'))), "test.md");

    static ImportException Fails(string text) => Assert.Throws<ImportException>(() => Parse(text));

    static List<T> ReadFile<T>(string path, Func<IEnumerable<TextLine>, string, IEnumerable<T>> reader)
    {
        using var stream = File.OpenRead(path);
        return reader(TextLines.Read(stream, TextLines.StrictUtf8, path), path).ToList();
    }

    static EditorialEntry ReadEntry(string path)
    {
        using var stream = File.OpenRead(path);
        return ContentPackReader.Read(TextLines.Read(stream, TextLines.StrictUtf8, path), path);
    }

    public static TheoryData<string> DemoFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Codes, "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoFiles))]
    public void Demo_code_file_parses_completely(string name)
    {
        var entry = ReadEntry(Path.Combine(Codes, name));

        Assert.Equal(Path.GetFileNameWithoutExtension(name), entry.Code);
        Assert.NotNull(entry.Title);
        Assert.NotNull(entry.PlainDescription);
        Assert.True(char.IsAsciiLetterLower(entry.PlainDescription.Value[0]) && !entry.PlainDescription.Value.EndsWith('.'),
            "plain_description completes 'CPT code … denotes …': lower-case start, no final period");
        Assert.NotNull(entry.WhyItMatters);
        Assert.NotNull(entry.ServiceType);
        Assert.NotNull(entry.TypicalSiteOfService);
        Assert.NotNull(entry.Reviewed);
        Assert.NotEmpty(entry.PlacesOfService);
        Assert.NotEmpty(entry.Audience);
        Assert.NotEmpty(entry.ClinicalIndications);
        Assert.NotEmpty(entry.RelatedCodes);
        Assert.InRange(entry.Documentation.Count, 4, 7);
        Assert.InRange(entry.CommonErrors.Count, 3, 5);
        Assert.Equal(2, entry.ClinicalContext.Count);
        Assert.All(entry.ClinicalContext, p => Assert.True(p.Value.Length > 100, $"thin paragraph on line {p.Line}"));
    }

    [Fact]
    public void Demo_pack_covers_the_breast_imaging_family_and_the_common_codes()
    {
        string[] expected =
        [
            "11042", "19030", "19081", "19083", "20610", "27447", "29881", "45378", "71046", "73721", "74177", "76641",
            "76642", "77046", "77047", "77048", "77049", "77053", "77054", "77065", "77066", "77067", "93000", "96372",
            "99213", "99214",
        ];
        var files = Directory.EnumerateFiles(Codes, "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(expected, files);
    }

    [Fact]
    public void Demo_codes_are_priced_in_the_demo_fee_schedule_and_their_places_of_service_exist()
    {
        var priced = ReadFile(Pfs("PPRRVU2025_Oct_demo.csv"), PprrvuCsvReader.Read).Select(r => r.Hcpcs).ToHashSet();
        var pos = ReadFile(Path.Combine(RepoPaths.DemoContent, "pos", "pos_demo.csv"), CsvFields.Read)
            .Skip(1).Select(r => r[0]).ToHashSet();

        foreach (var file in Directory.EnumerateFiles(Codes, "*.md"))
        {
            var entry = ReadEntry(file);
            Assert.Contains(entry.Code, priced);
            Assert.All(entry.PlacesOfService, p => Assert.Contains(p.Value, pos));
        }
    }

    const string Tiny = """
        ---
        code: 77054
        title: Ductography of several ducts
        places_of_service:
          - "22"
          - "11"
        modifier_notes:
          - modifier: "26"
            note: Reading only.
        related_codes:
          - code: 19030
            relation: the injection
        reviewed: 2025-10-01
        ---

        ## Clinical context

        First paragraph line one
        continues here.

        Second paragraph.
        """;

    [Fact]
    public void Values_keep_their_line_in_the_whole_file()
    {
        var entry = Parse(Tiny);

        Assert.Equal("77054", entry.Code);
        Assert.Equal("test.md", entry.File);
        Assert.Equal(new Sourced<string>("Ductography of several ducts", 3), entry.Title);
        Assert.Equal([new Sourced<string>("22", 5), new Sourced<string>("11", 6)], entry.PlacesOfService);
        Assert.Equal(new Sourced<ModifierNote>(new ModifierNote("26", "Reading only."), 8), entry.ModifierNotes.Single());
        Assert.Equal(new Sourced<RelatedCode>(new RelatedCode("19030", "the injection"), 11), entry.RelatedCodes.Single());
        Assert.Equal(new DateOnly(2025, 10, 1), entry.Reviewed);
        Assert.Equal(
            [new Sourced<string>("First paragraph line one continues here.", 18), new Sourced<string>("Second paragraph.", 21)],
            entry.ClinicalContext);
        Assert.Null(entry.WhyItMatters);
        Assert.Empty(entry.Documentation);
    }

    [Theory]
    [InlineData("code: 77054\n---\n", 1, 1, "expected '---' on the first line")]
    [InlineData("---\ncode: 77054\ntitle: x\n", 1, 1, "never closed")]
    [InlineData("---\ncode: 77054\ntitle: a: b\n---\n", 3, 9, "YAML syntax error")]
    [InlineData("---\ncode: 77054\nsummary: x\n---\n", 3, 1, "unknown key 'summary'; allowed keys: code, title,")]
    [InlineData("---\ncode: 77054\naudience: billing staff\n---\n", 3, 11, "'audience' must be a list")]
    [InlineData("---\ncode: 77054\ntitle:\n  - a\n---\n", 4, 3, "'title' must be a single value, not a list")]
    [InlineData("---\ncode: 77054\nmodifier_notes:\n  - 26\n---\n", 4, 5, "each 'modifier_notes' item must be {modifier: …, note: …}")]
    [InlineData("---\ncode: 7705\n---\n", 2, 7, "code '7705' is not a billing code")]
    [InlineData("---\ncode: 77054\nrelated_codes:\n  - code: 1903\n    relation: x\n---\n", 4, 11, "related code '1903'")]
    [InlineData("---\ncode: 77054\nplaces_of_service:\n  - 2\n---\n", 4, 5, "place of service '2' is not a 2-digit POS code")]
    [InlineData("---\ncode: 77054\nreviewed: 2025-13-01\n---\n", 3, 11, "reviewed '2025-13-01' is not a date")]
    [InlineData("---\ncode: 77054\ntitle: a\ntitle: b\n---\n", 4, 1, "duplicate key 'title'")]
    [InlineData("---\ncode: 77054\n---\n\n## Coverage\n", 5, 1, "unknown body heading '## Coverage': only '## Clinical context'")]
    [InlineData("---\ncode: 77054\n---\nloose text\n", 4, 1, "body text outside a section")]
    [InlineData("---\ncode: ''\ntitle: x\n---\n", 2, 7, "'code' is empty")]
    [InlineData("---\ntitle: x\n---\n", 1, 1, "'code' is required")]
    [InlineData("---\ncode: 77054\nmodifier_notes:\n  - modifier: \"26\"\n---\n", 4, 5, "lacks 'note'")]
    public void Malformed_content_names_line_column_and_reason(string text, long line, int column, string reason)
    {
        var e = Fails(text);

        Assert.Equal("test.md", e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_of_the_demo_pack_are_detected_by_content()
    {
        Assert.Equal(SourceKind.EditorialContent, Detect(Path.Combine(Codes, "77054.md")));
        Assert.Equal(SourceKind.ContentPackManifest, Detect(Path.Combine(RepoPaths.DemoContent, "pack.yaml")));
        Assert.Equal(SourceKind.PfsRvuCsv, Detect(Pfs("PPRRVU2025_Oct_demo.csv")));
        Assert.Equal(SourceKind.GpciCsv, Detect(Pfs("GPCI2025_demo.csv")));
        Assert.Equal(SourceKind.LocalityCountyCsv, Detect(Pfs("25LOCCO_demo.csv")));
        Assert.Equal(SourceKind.PlaceOfServiceCsv, Detect(Path.Combine(RepoPaths.DemoContent, "pos", "pos_demo.csv")));
        Assert.Null(Detect(Path.Combine(RepoPaths.DemoContent, "README.md")));
        Assert.Null(Detect(Path.Combine(RepoPaths.DemoContent, "tools", "make_demo_pfs.py")));

        static SourceKind? Detect(string path) => FormatDetector.Detect(new ImportInput(path, () => File.OpenRead(path), true)).Kind;
    }

    [Fact]
    public void Demo_fee_schedule_files_read_with_the_cms_readers()
    {
        var rvu = ReadFile(Pfs("PPRRVU2025_Oct_demo.csv"), PprrvuCsvReader.Read);
        var gpci = ReadFile(Pfs("GPCI2025_demo.csv"), GpciReader.ReadCsv);
        var counties = ReadFile(Pfs("25LOCCO_demo.csv"), LocalityCountyReader.ReadCsv);

        Assert.Equal(55, rvu.Count);
        Assert.Equal(26, rvu.Select(r => r.Hcpcs).Distinct().Count());
        Assert.Equal(60, gpci.Count);
        Assert.Equal(29, gpci.Count(g => g.State == "CA"));
        Assert.Equal(60, counties.Count);
        Assert.Equal(
            gpci.Select(g => g.Id).Order(StringComparer.Ordinal),
            counties.Select(c => c.LocalityId).Distinct().Order(StringComparer.Ordinal));
    }
}
