using System.Text.Json;
using PayerAtlas.Tests.Importers;

namespace PayerAtlas.Tests.Cli;

[Collection(nameof(ConsoleCollection))]
public sealed class CliTests : IDisposable
{
    readonly TempDir dir = new();
    readonly string db;

    public CliTests()
    {
        db = dir.File("atlas.db");
        var (exit, _, err) = CliRunner.Run("import", SharedData.Path("pfs", "rvu25d"), Path.Combine(RepoPaths.DemoContent, "codes"), "--db", db);
        Assert.True(exit == 0, err);
    }

    public void Dispose() => dir.Dispose();

    static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void Price_77054_national_is_67_28_global_and_20_38_with_26()
    {
        var (exit, output, _) = CliRunner.Run("price", "77054", "--national", "--db", db);
        Assert.Equal(0, exit);
        var json = Json(output);
        Assert.Equal(("77054", "2025Q4", 32.3465m), (json.GetProperty("code").GetString(), json.GetProperty("release").GetString(), json.GetProperty("conversionFactor").GetDecimal()));
        var national = json.GetProperty("amounts").EnumerateArray().Single();
        Assert.Equal(67.28m, national.GetProperty("nonFacility").GetDecimal());
        Assert.Equal(JsonValueKind.Null, national.GetProperty("facility").ValueKind);

        var pc = Json(CliRunner.Run("price", "77054", "--modifier", "26", "--national", "--db", db).Out);
        Assert.Equal("26", pc.GetProperty("modifier").GetString());
        Assert.Equal(20.38m, pc.GetProperty("amounts")[0].GetProperty("nonFacility").GetDecimal());
    }

    [Fact]
    public void Price_without_a_location_lists_every_locality_by_the_formula()
    {
        var json = Json(CliRunner.Run("price", "77054", "--modifier", "TC", "--db", db).Out);
        var amounts = json.GetProperty("amounts").EnumerateArray().Where(a => a.GetProperty("mac").ValueKind != JsonValueKind.Null).ToList();
        Assert.Equal(109, amounts.Count);
        var rvu = PfsReaderTests.Read(SharedData.Pfs("PPRRVU2025_Oct.csv"), PayerAtlas.Importers.Pfs.PprrvuCsvReader.Read).Single(r => r.Hcpcs == "77054" && r.Modifier == "TC");
        var gpcis = PfsReaderTests.Read(SharedData.Pfs("GPCI2025.csv"), PayerAtlas.Importers.Pfs.GpciReader.ReadCsv).ToDictionary(g => g.Id);
        foreach (var a in amounts)
        {
            var g = gpcis[$"{a.GetProperty("mac").GetString()}-{a.GetProperty("locality").GetString()}"];
            var expected = Math.Round((rvu.WorkRvu * g.WorkGpci + rvu.NonFacilityPeRvu * g.PeGpci + rvu.MpRvu * g.MpGpci) * rvu.ConversionFactor, 2, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, a.GetProperty("nonFacility").GetDecimal());
        }

        Assert.Contains(json.GetProperty("states").EnumerateArray(), s => s.GetProperty("state").GetString() == "CA" && s.GetProperty("localities").GetInt32() == 29);
    }

    [Fact]
    public void Price_for_one_locality_accepts_the_csv_style_number_without_leading_zeros()
    {
        var json = Json(CliRunner.Run("price", "77054", "--locality", "1112-54", "--db", db).Out);
        var a = json.GetProperty("amounts").EnumerateArray().Single();
        Assert.Equal(("01112", "54", "BAKERSFIELD"), (a.GetProperty("mac").GetString(), a.GetProperty("locality").GetString(), a.GetProperty("name").GetString()));
    }

    [Fact]
    public void Publish_writes_the_json_contract_to_a_file()
    {
        var path = dir.File("77054.json");
        var (exit, _, err) = CliRunner.Run("publish", "77054", "--db", db, "--format", "json", "--out", path);
        Assert.True(exit == 0, err);
        var json = Json(File.ReadAllText(path));
        Assert.Equal(7, json.GetProperty("sections").GetArrayLength());
        Assert.All(json.GetProperty("facts").EnumerateArray(), f => Assert.NotEmpty(f.GetProperty("source").GetProperty("file").GetString()!));
    }

    [Fact]
    public void Unknown_and_malformed_codes_fail_with_distinct_exit_codes()
    {
        Assert.Equal(3, CliRunner.Run("publish", "99999", "--db", db).Exit);
        var (exit, _, err) = CliRunner.Run("publish", "7705", "--db", db);
        Assert.Equal(1, exit);
        Assert.Contains("not a 5-character", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_exits_2_naming_file_line_and_column_and_stores_nothing()
    {
        var bad = dir.Write("GPCI-bad.csv", string.Join("\n", File.ReadAllLines(SharedData.Pfs("GPCI2025.csv")).Select((l, i) => i == 5 ? l.Replace("0.854", "O.854", StringComparison.Ordinal) : l)));
        var (exit, _, err) = CliRunner.Run("import", bad, "--db", db, "--release", "bad");
        Assert.Equal(2, exit);
        Assert.Contains($"{bad}:6:", err, StringComparison.Ordinal);
        Assert.Contains("MP GPCI: 'O.854' is not a number", err, StringComparison.Ordinal);
        Assert.DoesNotContain("bad", CliRunner.Run("releases", "--db", db).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_writes_every_code_in_three_formats_and_an_index()
    {
        var output = dir.File("site");
        var (exit, stdout, err) = CliRunner.Run("site", "--db", db, "--out", output);
        Assert.True(exit == 0, err);
        var pages = Directory.GetFiles(Path.Combine(output, "codes"), "*.html").Length;
        Assert.Equal(16_852, pages);
        Assert.Equal(pages, Directory.GetFiles(Path.Combine(output, "codes"), "*.json").Length);
        Assert.Equal(pages, Directory.GetFiles(Path.Combine(output, "codes"), "*.md").Length);
        Assert.Contains("codes/77054.html", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
        Assert.Contains("16,852 pages", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_has_help()
    {
        foreach (var command in new[] { "import", "publish", "price", "site", "releases", "demo" })
        {
            var (exit, output, _) = CliRunner.Run(command, "--help");
            Assert.Equal(0, exit);
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
        }
    }
}
