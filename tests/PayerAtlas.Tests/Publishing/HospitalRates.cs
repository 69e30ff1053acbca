using PayerAtlas.Importers.Hpt;
using PayerAtlas.Rates;
using PayerAtlas.Tests.Importers.Hpt;

namespace PayerAtlas.Tests.Publishing;

/// <summary>Benchmarks over every real CMS hospital example (v3 tall, wide, JSON; v2 tall, wide, JSON), read once.</summary>
public static class HospitalRates
{
    static readonly Lazy<RateBenchmarkList> All = new(() =>
    {
        var list = new RateBenchmarkList();
        foreach (var file in HptFiles.All)
        {
            HptReader.Read(file, list, Path.GetFileName(file));
        }

        return list;
    });

    public static RateBenchmarkList List => All.Value;
}
