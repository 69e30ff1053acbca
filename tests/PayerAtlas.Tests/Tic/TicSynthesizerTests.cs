using System.Security.Cryptography;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Tic;

public sealed class TicSynthesizerTests
{
    [Fact]
    public void A_synthetic_file_has_the_requested_size_and_reads_back_with_every_price_it_wrote()
    {
        using var dir = new TempDir();
        var path = dir.File("synthetic.json");
        var written = TicSynthesizer.Write(path, new TicSynthesizerOptions { TargetBytes = 2_000_000, Seed = 7 });
        Assert.Equal(new FileInfo(path).Length, written.JsonBytes);
        Assert.InRange(written.JsonBytes, 2_000_000, 2_100_000);

        var sink = new ListSink();
        var result = new TicReader().Read(TicSource.File(path), sink);
        Assert.Equal(1, result.Passes);
        Assert.Equal(written.Prices, result.Observations);
        Assert.Equal(written.ProviderReferences, result.ProviderReferences);
        var items = sink.Items;
        Assert.Equal(written.Items, items.Select(o => o.Locator.ToString()[..o.Locator.ToString().IndexOf(".negotiated_rates", StringComparison.Ordinal)]).Distinct().Count());

        Assert.Contains(items, o => o.BillingCode == "77067");
        Assert.Contains(items, o => o.BillingCode == "77054" && o.Modifiers == "26" && o.BillingClass == BillingClass.Professional);
        Assert.Contains(items, o => o.Modifiers == "TC" && o.BillingClass == BillingClass.Institutional);
        Assert.Contains(items, o => o.BillingCodeType == "HCPCS");
        Assert.Equal(["derived", "fee schedule", "negotiated", "per diem", "percentage"], items.Select(o => o.NegotiatedType).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(items, o => o.ExpirationDate < new DateOnly(2025, 1, 1));
        Assert.Contains(items, o => o.PlacesOfService.Contains(':', StringComparison.Ordinal));
        Assert.Contains(items, o => o.ProviderNpiCount > 20);
        Assert.All(items, o => Assert.True(o.ProviderTinCount >= 1));
        Assert.All(items.Where(o => o.RateIsPercentage), o => Assert.InRange(o.Rate!.Value, 40, 160));
        Assert.True(items.Select(o => o.BillingCode).Distinct().Count() > 300);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_gzip_the_same_json()
    {
        using var dir = new TempDir();
        var options = new TicSynthesizerOptions { TargetBytes = 300_000, Seed = 3, SchemaVersion2 = true };
        TicSynthesizer.Write(dir.File("a.json"), options);
        TicSynthesizer.Write(dir.File("b.json"), options);
        var gz = TicSynthesizer.Write(dir.File("c.json.gz"), options with { Gzip = true });
        TicSynthesizer.Write(dir.File("d.json"), options with { Seed = 4 });

        var a = File.ReadAllBytes(dir.File("a.json"));
        Assert.Equal(SHA256.HashData(a), SHA256.HashData(File.ReadAllBytes(dir.File("b.json"))));
        Assert.NotEqual(SHA256.HashData(a), SHA256.HashData(File.ReadAllBytes(dir.File("d.json"))));
        Assert.Equal(a.Length, gz.JsonBytes);
        Assert.True(gz.FileBytes < a.Length / 3);

        var plain = new ListSink();
        var zipped = new ListSink();
        new TicReader().Read(TicSource.File(dir.File("a.json")), plain);
        new TicReader().Read(TicSource.File(dir.File("c.json.gz")), zipped);
        Assert.Equal(plain.Items.Select(o => o with { SourceFile = "" }), zipped.Items.Select(o => o with { SourceFile = "" }));
        Assert.All(plain.Items, o => Assert.NotNull(o.Setting));
        Assert.All(plain.Items, o => Assert.NotNull(o.Network));
        Assert.Equal("Synthetic Health Plan Issuer", plain.Items[0].Payer);
    }

    [Fact]
    public void The_token_scan_reads_the_same_bytes_and_sees_every_rate()
    {
        using var dir = new TempDir();
        var written = TicSynthesizer.Write(dir.File("s.json.gz"), new TicSynthesizerOptions { TargetBytes = 500_000, Gzip = true });
        var scan = TicTokenScan.Scan(TicSource.File(dir.File("s.json.gz")), bufferSize: 4096);
        Assert.Equal(written.JsonBytes, scan.Bytes);
        Assert.Equal(written.Prices, scan.NegotiatedRates);
        Assert.True(scan.Tokens > written.Prices * 10);
    }
}
