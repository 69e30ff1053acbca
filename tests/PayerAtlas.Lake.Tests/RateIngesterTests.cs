using System.IO.Compression;
using PayerAtlas.Importers.Hpt;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Rates;
using PayerAtlas.Tests;

namespace PayerAtlas.Lake.Tests;

/// <summary>Ingests of the real CMS example files through sniffing, hashing, the real readers and the lake.</summary>
public sealed class RateIngesterTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    static string Tic(string version, string kind, string file) => SharedData.Path("tic", version, "examples", kind, file);

    RateIngester Ingester(RateLake? lake = null) => new(lake ?? new RateLake(folder.Lake), RateReaders.Default());

    long LakeRows() => Directory.Exists(folder.Lake) && Directory.EnumerateDirectories(folder.Lake, "payer=*").Any()
        ? LakeWriterTests.Scalar<long>("SELECT count(*) FROM read_parquet($g)", ("g", LakeLayout.ParquetGlob(folder.Lake)))
        : 0;

    static long CountWithTicReader(string path)
    {
        var sink = new CountingRateSink();
        new TicReader().Read(TicSource.File(path), sink);
        return sink.Count;
    }

    public static TheoryData<string, string, string> TicExamples() => new()
    {
        { "v2.2.0", "in-network-rates", "in-network-rates-fee-for-service-single-plan-sample.json" },
        { "v2.2.0", "in-network-rates", "in-network-rates-all-negotiated-types-sample.json" },
        { "v2.2.0", "in-network-rates", "in-network-rates-bundle-single-plan-sample.json" },
        { "v2.2.0", "in-network-rates", "in-network-rates-multiple-plans-sample.json" },
        { "v2.2.0", "allowed-amounts", "allowed-amounts-single-plan-sample.json" },
        { "v1.6.2", "in-network-rates", "in-network-rates-fee-for-service-single-plan-sample.json" },
        { "v1.6.2", "in-network-rates", "in-network-rates-no-npi.json" },
    };

    [Theory]
    [MemberData(nameof(TicExamples))]
    public async Task A_CMS_example_lands_with_every_observation_the_reader_gives(string version, string kind, string file)
    {
        var path = Tic(version, kind, file);
        var expected = CountWithTicReader(path);

        var result = await Ingester().IngestAsync(path);

        Assert.Equal(IngestOutcome.Ingested, result.Outcome);
        Assert.True(expected > 0);
        Assert.Equal(expected, result.Observations);
        Assert.Equal(expected, LakeRows());
        Assert.Equal(new FileInfo(path).Length, result.Bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), result.Sha256);
    }

    public static TheoryData<string> PlainSources() => new()
    {
        Tic("v2.2.0", "in-network-rates", "in-network-rates-multiple-plans-sample.json"),
        Tic("v2.2.0", "allowed-amounts", "allowed-amounts-single-plan-sample.json"),
        Tic("v1.6.2", "in-network-rates", "in-network-rates-fee-for-service-single-plan-sample.json"),
        SharedData.Path("hpt", "examples", "CSV", "Tall", "V3.0.0_Tall_CSV_Format_Example.csv"),
        SharedData.Path("hpt", "examples", "CSV", "Wide", "V3.0.0_Wide_CSV_Format_Example.csv"),
        SharedData.Path("hpt", "examples", "JSON", "v3_json_format_example.json"),
    };

    [Theory]
    [MemberData(nameof(PlainSources))]
    public async Task A_plain_file_lands_the_same_read_through_its_mapping_as_through_a_stream(string path)
    {
        using var streamed = new LakeFolder();
        var mapped = await Ingester().IngestAsync(path);
        var read = await new RateIngester(new RateLake(streamed.Lake), RateReaders.Default()) { MapLocalFiles = false }.IngestAsync(path);

        Assert.Equal(IngestOutcome.Ingested, mapped.Outcome);
        Assert.Equal((read.Kind, read.Sha256, read.Bytes, read.UncompressedBytes, read.Observations, read.Rejected),
            (mapped.Kind, mapped.Sha256, mapped.Bytes, mapped.UncompressedBytes, mapped.Observations, mapped.Rejected));
        Assert.True(mapped.Observations > 0);

        // Every column of every row, and the source record.
        const string Rows = "SELECT count(*), sum(hash(COLUMNS(*)))::VARCHAR FROM read_parquet($p, hive_partitioning = true, union_by_name = true)";
        Assert.Equal(
            Parquet.DuckDb.Query(Rows.Replace("$p", $"'{streamed.Lake}/**/*.parquet'", StringComparison.Ordinal)).Single(),
            Parquet.DuckDb.Query(Rows.Replace("$p", $"'{folder.Lake}/**/*.parquet'", StringComparison.Ordinal)).Single());
        Assert.Equal(
            File.ReadAllText(Path.Combine(streamed.Lake, "_sources", read.Sha256 + ".json")).Split('\n').Where(l => !l.Contains("elapsed", StringComparison.OrdinalIgnoreCase) && !l.Contains("ingested", StringComparison.OrdinalIgnoreCase)),
            File.ReadAllText(Path.Combine(folder.Lake, "_sources", mapped.Sha256 + ".json")).Split('\n').Where(l => !l.Contains("elapsed", StringComparison.OrdinalIgnoreCase) && !l.Contains("ingested", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_spot_value_of_the_fee_for_service_example_reads_back_from_the_lake()
    {
        var path = Tic("v2.2.0", "in-network-rates", "in-network-rates-fee-for-service-single-plan-sample.json");
        var sink = new ListSink();
        new TicReader().Read(TicSource.File(path), sink);
        var first = sink.Items[0];

        await Ingester().IngestAsync(path);

        var rate = LakeWriterTests.Scalar<double>(
            $"SELECT rate FROM read_parquet($g) WHERE {LakeSchema.LocatorSql} = $l", ("g", LakeLayout.ParquetGlob(folder.Lake)), ("l", first.Locator));
        Assert.Equal((double)first.Rate!.Value, rate);
        var kind = LakeWriterTests.Scalar<string>("SELECT DISTINCT source_kind FROM read_parquet($g)", ("g", LakeLayout.ParquetGlob(folder.Lake)));
        Assert.Equal("tic-in-network", kind);
    }

    [Fact]
    public async Task Gzip_is_read_by_its_magic_and_hashed_as_compressed_bytes()
    {
        var plain = Tic("v2.2.0", "in-network-rates", "in-network-rates-multiple-plans-sample.json");
        var gz = folder.File("rates.bin");
        File.WriteAllBytes(gz, Gzip(File.ReadAllBytes(plain)));

        var result = await Ingester().IngestAsync(gz);

        Assert.Equal(CountWithTicReader(plain), result.Observations);
        Assert.Equal(new FileInfo(plain).Length, result.UncompressedBytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(gz))), result.Sha256);
    }

    [Fact]
    public async Task Re_ingesting_a_file_is_a_no_op_even_under_another_name()
    {
        var path = Tic("v2.2.0", "in-network-rates", "in-network-rates-multiple-plans-sample.json");
        var lake = new RateLake(folder.Lake);
        var first = await Ingester(lake).IngestAsync(path);
        var before = folder.Snapshot();

        var again = await Ingester(lake).IngestAsync(path);
        var copy = folder.File("copy.json");
        File.Copy(path, copy);
        var renamed = await Ingester(lake).IngestAsync(copy);

        Assert.Equal(IngestOutcome.Ingested, first.Outcome);
        Assert.Equal((IngestOutcome.Duplicate, 0L), (again.Outcome, again.Observations));
        Assert.Equal((IngestOutcome.Duplicate, 0L), (renamed.Outcome, renamed.Observations));
        Assert.Equal(before, folder.Snapshot());
    }

    [Fact]
    public async Task A_truncated_file_is_an_error_naming_it_and_leaves_the_lake_byte_for_byte_unchanged()
    {
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 2 });
        await Ingester(lake).IngestAsync(Tic("v1.6.2", "in-network-rates", "in-network-rates-no-npi.json"));
        var before = folder.Snapshot();
        var whole = File.ReadAllBytes(Tic("v2.2.0", "in-network-rates", "in-network-rates-all-negotiated-types-sample.json"));
        var cut = folder.File("cut.json");
        File.WriteAllBytes(cut, whole[..(whole.Length * 3 / 4)]);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => Ingester(lake).IngestAsync(cut));

        Assert.Contains("cut.json", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, folder.Snapshot());
    }

    [Fact]
    public async Task A_gzip_stream_cut_short_is_an_error_and_leaves_the_lake_unchanged()
    {
        var lake = new RateLake(folder.Lake);
        await Ingester(lake).IngestAsync(Tic("v1.6.2", "in-network-rates", "in-network-rates-no-npi.json"));
        var before = folder.Snapshot();
        var gz = Gzip(File.ReadAllBytes(Tic("v2.2.0", "in-network-rates", "in-network-rates-all-negotiated-types-sample.json")));
        var cut = folder.File("cut.json.gz");
        File.WriteAllBytes(cut, gz[..(gz.Length - 20)]);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => Ingester(lake).IngestAsync(cut));

        Assert.Contains("cut.json.gz", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, folder.Snapshot());
    }

    [Fact]
    public async Task A_cancelled_ingest_leaves_the_lake_unchanged()
    {
        var lake = new RateLake(folder.Lake);
        await Ingester(lake).IngestAsync(Tic("v1.6.2", "in-network-rates", "in-network-rates-no-npi.json"));
        var before = folder.Snapshot();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Ingester(lake).IngestAsync(Tic("v2.2.0", "in-network-rates", "in-network-rates-multiple-plans-sample.json"), ct: cts.Token));

        Assert.Equal(before, folder.Snapshot());
    }

    [Fact]
    public async Task A_table_of_contents_ingests_the_in_network_files_it_lists_relative_to_itself()
    {
        var inNetwork = Tic("v2.2.0", "in-network-rates", "in-network-rates-fee-for-service-single-plan-sample.json");
        Directory.CreateDirectory(folder.File("files"));
        File.Copy(inNetwork, folder.File("files/in-network-file-123456.json"));
        File.Copy(Tic("v2.2.0", "in-network-rates", "in-network-rates-bundle-single-plan-sample.json"), folder.File("files/behavioral-health-0000.json"));
        File.Copy(Tic("v1.6.2", "in-network-rates", "in-network-rates-no-npi.json"), folder.File("files/chip-in-network-file.json"));
        var toc = File.ReadAllText(Tic("v2.2.0", "table-of-contents", "table-of-contents-sample.json"))
            .Replace("https://www.some_site.com/files/", "files/", StringComparison.Ordinal);
        File.WriteAllText(folder.File("toc.json"), toc);

        var result = await Ingester().IngestAsync(folder.File("toc.json"));

        Assert.Equal(IngestOutcome.TableOfContents, result.Outcome);
        Assert.Equal(3, result.Files.Count);
        Assert.All(result.Files, f => Assert.Equal(IngestOutcome.Ingested, f.Outcome));
        var expected = CountWithTicReader(inNetwork) + CountWithTicReader(folder.File("files/behavioral-health-0000.json"))
                       + CountWithTicReader(folder.File("files/chip-in-network-file.json"));
        Assert.Equal(expected, LakeRows());
    }

    [Theory]
    [InlineData("CSV/Tall/V3.0.0_Tall_CSV_Format_Example.csv")]
    [InlineData("CSV/Wide/V3.0.0_Wide_CSV_Format_Example.csv")]
    [InlineData("JSON/v3_json_format_example.json")]
    public async Task A_hospital_file_lands_with_every_observation_the_hospital_reader_gives(string file)
    {
        var path = SharedData.Path("hpt", "examples", file);
        var report = HptReader.Read(path, new CountingRateSink());

        var result = await Ingester().IngestAsync(path);

        Assert.Equal(report.Observations, result.Observations);
        Assert.Equal(report.RejectedCount, result.Rejected);
        Assert.Equal(report.Observations, LakeRows());
    }

    [Fact]
    public async Task A_file_of_no_known_layout_is_refused()
    {
        File.WriteAllText(folder.File("notes.txt"), "just some text\n");

        var e = await Assert.ThrowsAsync<RateIngestException>(() => Ingester().IngestAsync(folder.File("notes.txt")));

        Assert.Contains("not a recognised price-transparency file", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Lake, LakeLayout.StagingFolder)));
    }

    static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(bytes);
        }

        return output.ToArray();
    }

    sealed class ListSink : IRateSink
    {
        public List<RateObservation> Items { get; } = [];

        public void Write(in RateObservation observation) => Items.Add(observation);
    }
}
