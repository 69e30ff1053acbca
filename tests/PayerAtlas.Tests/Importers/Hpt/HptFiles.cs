using PayerAtlas.Importers.Hpt;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Importers.Hpt;

/// <summary>The real CMS hospital price-transparency examples in ../shared/data/hpt, read into lists.</summary>
public static class HptFiles
{
    public static readonly string TallV3 = SharedData.Path("hpt", "examples", "CSV", "Tall", "V3.0.0_Tall_CSV_Format_Example.csv");
    public static readonly string WideV3 = SharedData.Path("hpt", "examples", "CSV", "Wide", "V3.0.0_Wide_CSV_Format_Example.csv");
    public static readonly string JsonV3 = SharedData.Path("hpt", "examples", "JSON", "v3_json_format_example.json");
    public static readonly string TallV2 = SharedData.Path("hpt", "archive", "examples", "CSV", "Tall", "V2.0.0_Tall_CSV_Format_Example.csv");
    public static readonly string WideV2 = SharedData.Path("hpt", "archive", "examples", "CSV", "Wide", "V2.0.0_Wide_CSV_Format_Example.csv");
    public static readonly string JsonV2 = SharedData.Path("hpt", "archive", "examples", "JSON", "V2.0.0_JSON_Format_Example.json");

    public static readonly string[] All = [TallV3, WideV3, JsonV3, TallV2, WideV2, JsonV2];

    public static (HptReport Report, List<RateObservation> Observations) Read(string path)
    {
        var list = new RateBenchmarkList();
        var report = HptReader.Read(path, list, Path.GetFileName(path));
        return (report, [.. list.Observations]);
    }

    public static (HptReport Report, List<RateObservation> Observations) ReadText(string text, string name = "fixture.csv")
    {
        var list = new RateBenchmarkList();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var report = HptReader.Read(stream, name, list);
        return (report, [.. list.Observations]);
    }

    public static IEnumerable<RateObservation> Negotiated(this IEnumerable<RateObservation> o) => o.Where(x => x.Payer.Length > 0);

    public static IEnumerable<RateObservation> PayerIndependent(this IEnumerable<RateObservation> o) => o.Where(x => x.Payer.Length == 0);
}
