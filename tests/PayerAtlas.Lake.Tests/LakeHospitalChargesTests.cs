using PayerAtlas.Importers.Hpt;
using PayerAtlas.Rates;
using PayerAtlas.Tests;

namespace PayerAtlas.Lake.Tests;

/// <summary>The hospitals' payer-independent charges read back from the lake with DuckDB equal those folded from the reader's observations.</summary>
public sealed class LakeHospitalChargesTests : IDisposable
{
    static readonly string[] Files =
    [
        SharedData.Path("hpt", "examples", "CSV", "Tall", "V3.0.0_Tall_CSV_Format_Example.csv"),
        SharedData.Path("hpt", "examples", "CSV", "Wide", "V3.0.0_Wide_CSV_Format_Example.csv"),
        SharedData.Path("hpt", "examples", "JSON", "v3_json_format_example.json"),
    ];

    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Every_code_of_the_cms_examples_gives_the_same_charges_from_the_lake_and_from_the_reader()
    {
        var ingester = new RateIngester(new RateLake(folder.Lake), RateReaders.Default());
        var observed = new RateBenchmarkList();
        foreach (var file in Files)
        {
            await ingester.IngestAsync(file);
            HptReader.Read(file, observed, file);
        }

        using var lake = new LakeBenchmarks(folder.Lake);
        using var cached = new CachedLakeBenchmarks(folder.Lake);
        var codes = observed.Observations.Where(o => o.Payer.Length == 0).Select(o => o.BillingCode).Distinct().ToList();
        Assert.True(codes.Count >= 10, $"only {codes.Count} codes with hospital charges in the examples");
        foreach (var code in codes)
        {
            var expected = observed.HospitalCharges(code);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, lake.HospitalCharges(code));
            Assert.Equal(expected, cached.HospitalCharges(code));
        }

        Assert.Empty(lake.HospitalCharges("99999"));
        Assert.Empty(cached.HospitalCharges("99999"));
    }

    [Fact]
    public async Task A_lake_written_before_the_numeric_locator_columns_still_gives_its_charges()
    {
        await new RateIngester(new RateLake(folder.Lake), RateReaders.Default()).IngestAsync(Files[0]);
        var observed = new RateBenchmarkList();
        HptReader.Read(Files[0], observed, Files[0]);

        // Every part rewritten without json_item … byte_offset, as an earlier PayerAtlas wrote them.
        foreach (var part in Directory.EnumerateFiles(folder.Lake, "*.parquet", SearchOption.AllDirectories))
        {
            Parquet.DuckDb.Query($"COPY (SELECT * EXCLUDE (json_item, json_rate, json_price, json_provider, byte_offset) FROM read_parquet('{part}')) TO '{part}.old' (FORMAT parquet)");
            File.Move(part + ".old", part, overwrite: true);
        }

        using var lake = new LakeBenchmarks(folder.Lake);
        var code = observed.Observations.First(o => o.Payer.Length == 0).BillingCode;
        Assert.Equal(observed.HospitalCharges(code), lake.HospitalCharges(code));
    }
}
