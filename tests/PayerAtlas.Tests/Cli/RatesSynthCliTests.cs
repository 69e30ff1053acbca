using PayerAtlas.Cli;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Cli;

[Collection(nameof(ConsoleCollection))]
public sealed class RatesSynthCliTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Rates_synth_writes_a_gzip_file_of_the_requested_json_size_that_the_reader_accepts()
    {
        var path = dir.File("synth.json.gz");
        var (exit, output, err) = CliRunner.Run(["rates", "synth", "--out", path, "--size", "1MB", "--gzip", "--seed", "5"]);
        Assert.True(exit == 0, err);
        Assert.Contains("bytes of JSON", output, StringComparison.Ordinal);
        var sink = new CountingRateSink();
        var result = new TicReader().Read(TicSource.File(path), sink);
        Assert.InRange(result.Bytes, 1_000_000, 1_100_000);
        Assert.True(new FileInfo(path).Length < result.Bytes / 3);
        Assert.True(sink.Count > 1000);
    }

    [Fact]
    public void Rates_synth_rejects_a_size_it_cannot_read()
    {
        var (exit, _, err) = CliRunner.Run(["rates", "synth", "--out", dir.File("x.json"), "--size", "lots"]);
        Assert.Equal(1, exit);
        Assert.Contains("--size: 'lots' is not a size", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1048576", 1_048_576)]
    [InlineData("500MB", 500_000_000)]
    [InlineData("1GB", 1_000_000_000)]
    [InlineData("1.5GB", 1_500_000_000)]
    [InlineData("2GiB", 2_147_483_648)]
    [InlineData("64KiB", 65_536)]
    public void Sizes_read_with_decimal_and_binary_units(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }
}
