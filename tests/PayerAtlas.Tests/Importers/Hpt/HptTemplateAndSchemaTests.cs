using PayerAtlas.Importers.Hpt;
using PayerAtlas.Importing;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Importers.Hpt;

public class HptTemplateAndSchemaTests
{
    public static TheoryData<string> Templates() =>
    [
        .. Directory.GetFiles(SharedData.Path("hpt", "documentation", "CSV", "templates")),
        .. Directory.GetFiles(SharedData.Path("hpt", "archive", "documentation", "CSV", "templates")),
    ];

    public static TheoryData<string> Schemas() =>
    [
        .. Directory.GetFiles(SharedData.Path("hpt", "documentation", "JSON", "schemas")),
        .. Directory.GetFiles(SharedData.Path("hpt", "archive", "documentation", "JSON", "schemas")),
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_header_only_template_is_refused_for_its_empty_general_data(string template)
    {
        // The templates' row 2 holds only the version: no hospital, so not a file to read rates from.
        var e = Assert.Throws<ImportException>(() => HptReader.Read(template, new RateBenchmarkList()));
        Assert.Equal(2L, e.Line);
        Assert.Contains("hospital_name is empty", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void A_json_schema_is_not_taken_for_a_hospital_file(string schema)
    {
        var e = Assert.Throws<ImportException>(() => HptReader.Read(schema, new RateBenchmarkList()));
        Assert.Contains("not a CMS hospital standard-charges JSON file", e.Message, StringComparison.Ordinal);
    }
}

public class HptRecognitionTests
{
    static byte[] Head(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes[..Math.Min(bytes.Length, HptReader.SniffBytes)];
    }

    [Fact]
    public void Every_hospital_example_is_recognised_and_no_tic_file_is()
    {
        Assert.All(HptFiles.All, f => Assert.True(HptReader.Recognises(Head(f)), f));
        var tic = Directory.GetFiles(SharedData.Path("tic"), "*.json", SearchOption.AllDirectories);
        Assert.NotEmpty(tic);
        Assert.All(tic, f => Assert.False(HptReader.Recognises(Head(f)), f));
        Assert.False(HptReader.Recognises(Head(SharedData.Pfs("PPRRVU2025_Oct.csv"))));
    }
}
