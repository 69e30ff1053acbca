using PayerAtlas.Importers.Tic;
using PayerAtlas.Rates;
using static PayerAtlas.Tests.Tic.TicFiles;

namespace PayerAtlas.Tests.Tic;

/// <summary>
/// Provider references and header after <c>in_network</c>: read in two passes (seekable or reopenable sources) or
/// through a temp spool (forward-only streams), with the same observations either way.
/// </summary>
public sealed class TicDeferredReadTests
{
    static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tic", "provider-references-after-in-network.json");

    /// <summary>What the fixture states, worked out by hand from it.</summary>
    static void AssertFixtureObservations(IReadOnlyList<RateObservation> items)
    {
        Assert.Equal(4, items.Count);
        Assert.All(items, o => Assert.Equal(("Fixture Issuer", "Fixture Health", "Fixture PPO"), (o.Payer, o.ReportingEntity, o.Plan!)));

        var pro = items[0];
        Assert.Equal(("77067", "26", 101.50m, BillingClass.Professional, "11:22"), (pro.BillingCode, pro.Modifiers, pro.Rate!.Value, pro.BillingClass!.Value, pro.PlacesOfService));
        // group 2: NPIs ...02, ...03, ...04 and ...05 under two TINs
        Assert.Equal((4, 2, "South"), (pro.ProviderNpiCount, pro.ProviderTinCount, pro.Network!));

        var tc = items[1];
        Assert.Equal(("TC", 150.25m, BillingClass.Institutional), (tc.Modifiers, tc.Rate!.Value, tc.BillingClass!.Value));

        // prices before provider_references inside the rate; groups 1 + 2 = NPIs ...01 to ...05, three TINs
        var pct = items[2];
        Assert.True(pct.RateIsPercentage);
        Assert.Equal((80m, 5, 3, "North|South"), (pct.Rate!.Value, pct.ProviderNpiCount, pct.ProviderTinCount, pct.Network!));
        Assert.Equal(new DateOnly(2030, 1, 31), pct.ExpirationDate);

        // the code fields come after negotiated_rates in the second element
        var late = items[3];
        Assert.Equal(("77054", "fee schedule", 55.00m, new DateOnly(2020, 6, 30)), (late.BillingCode, late.NegotiatedType, late.Rate!.Value, late.ExpirationDate!.Value));
        Assert.Equal((2, 1), (late.ProviderNpiCount, late.ProviderTinCount));
        Assert.StartsWith("$.in_network[1].negotiated_rates[0].negotiated_prices[0] @ ", late.Locator, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_file_is_read_in_two_passes_without_a_spool()
    {
        var (result, items) = Read(Fixture);
        Assert.Equal((2, false, 2), (result.Passes, result.Spooled, result.ProviderReferences));
        AssertFixtureObservations(items);
    }

    [Fact]
    public void A_forward_only_stream_is_spooled_and_the_spool_removed()
    {
        using var dir = new TempDir();
        var source = TicSource.FromStream(new ForwardOnly(File.OpenRead(Fixture)), "stream.json");
        var (result, items) = Read(source, new TicReaderOptions { BufferSize = 4096, SpoolDirectory = dir.Path });
        Assert.Equal((2, true), (result.Passes, result.Spooled));
        AssertFixtureObservations(items);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_gzip_file_is_decompressed_again_for_the_second_pass()
    {
        using var dir = new TempDir();
        var gz = Path.Combine(dir.Path, "fixture.bin");
        File.WriteAllBytes(gz, Gzip(File.ReadAllBytes(Fixture)));
        var (result, items) = Read(gz);
        Assert.Equal((2, false), (result.Passes, result.Spooled));
        Assert.Equal(new FileInfo(Fixture).Length, result.Bytes);
        AssertFixtureObservations(items);
    }

    [Fact]
    public void A_gzip_url_is_streamed_from_a_real_socket_and_spooled()
    {
        using var server = new LoopbackHttpServer();
        using var dir = new TempDir();
        var url = server.Serve("files/in-network.json.gz", Gzip(File.ReadAllBytes(Fixture)));
        var (result, items) = Read(TicSource.Url(url), new TicReaderOptions { SpoolDirectory = dir.Path });
        Assert.Equal((2, true), (result.Passes, result.Spooled));
        Assert.Equal(1, server.Requests);
        Assert.All(items, o => Assert.Equal(url.ToString(), o.SourceFile));
        AssertFixtureObservations(items);
    }

    [Fact]
    public void A_url_whose_header_comes_first_is_read_in_one_pass()
    {
        using var server = new LoopbackHttpServer();
        var file = Example("v2.2.0", "in-network-rates", "in-network-rates-all-negotiated-types-sample.json");
        var url = server.Serve("all.json", File.ReadAllBytes(file));
        var (result, items) = Read(TicSource.Parse(url.ToString()));
        var (_, local) = Read(file);
        Assert.Equal((1, false), (result.Passes, result.Spooled));
        Assert.Equal(local.Select(o => o with { SourceFile = "" }), items.Select(o => o with { SourceFile = "" }));
    }

    [Fact]
    public void An_http_error_is_reported()
    {
        using var server = new LoopbackHttpServer();
        var e = Assert.Throws<IOException>(() => Read(TicSource.Url(new Uri(server.BaseUri, "missing.json"))));
        Assert.Contains("HTTP 404", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_1_file_with_inline_groups_defers_only_from_the_first_rate_that_needs_a_later_reference()
    {
        const string Json = """
        {"reporting_entity_name": "V1 Health", "reporting_entity_type": "issuer", "last_updated_on": "2024-05-01", "version": "1.0.0",
         "in_network": [
          {"negotiation_arrangement": "ffs", "name": "a", "billing_code_type": "CPT", "billing_code_type_version": "2024", "billing_code": "70450", "description": "a",
           "negotiated_rates": [
            {"provider_groups": [{"npi": [1000000001], "tin": {"type": "ein", "value": "1"}}], "negotiated_prices": [{"negotiated_type": "negotiated", "negotiated_rate": 10, "expiration_date": "2025-01-01", "billing_class": "professional", "service_code": ["11"]}]},
            {"provider_groups": [{"npi": [1000000002, 1000000003], "tin": {"type": "ein", "value": "2"}}], "negotiated_prices": [{"negotiated_type": "negotiated", "negotiated_rate": 11, "expiration_date": "2025-01-01", "billing_class": "institutional"}]}]},
          {"negotiation_arrangement": "ffs", "name": "b", "billing_code_type": "CPT", "billing_code_type_version": "2024", "billing_code": "70551", "description": "b",
           "negotiated_rates": [
            {"provider_groups": [{"npi": [1000000004], "tin": {"type": "ein", "value": "3"}}], "negotiated_prices": [{"negotiated_type": "negotiated", "negotiated_rate": 12, "expiration_date": "2025-01-01", "billing_class": "institutional"}]},
            {"provider_references": [7], "negotiated_prices": [{"negotiated_type": "derived", "negotiated_rate": 13, "expiration_date": "2025-01-01", "billing_class": "institutional"}, {"negotiated_type": "negotiated", "negotiated_rate": 14, "expiration_date": "2025-01-01", "billing_class": "institutional"}]}]},
          {"negotiation_arrangement": "ffs", "name": "c", "billing_code_type": "CPT", "billing_code_type_version": "2024", "billing_code": "72148", "description": "c",
           "negotiated_rates": [{"provider_references": [7], "negotiated_prices": [{"negotiated_type": "negotiated", "negotiated_rate": 15, "expiration_date": "2025-01-01", "billing_class": "institutional"}]}]}],
         "provider_references": [{"provider_group_id": 7, "provider_groups": [{"npi": [1000000010, 1000000011, 1000000012], "tin": {"type": "ein", "value": "7"}}]}]}
        """;
        using var dir = new TempDir();
        var plain = dir.Write("v1.json", Json);
        foreach (var source in new[] { TicSource.File(plain), TicSource.FromStream(new ForwardOnly(File.OpenRead(plain)), "v1-stream") })
        {
            var (result, items) = Read(source, new TicReaderOptions { BufferSize = 4096, SpoolDirectory = dir.Path });
            Assert.Equal(2, result.Passes);
            Assert.Equal([10m, 11m, 12m, 13m, 14m, 15m], items.Select(o => o.Rate!.Value));
            Assert.Equal(items.Count, items.Select(o => o.Locator).Distinct().Count());
            Assert.Equal([1, 2, 1, 3, 3, 3], items.Select(o => o.ProviderNpiCount));
        }

        Assert.Equal(["v1.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_provider_reference_location_is_fetched_relative_to_the_file_once()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "refs"));
        File.Copy(Example("v1.6.2", "provider-reference", "provider-reference.json"), Path.Combine(dir.Path, "refs", "group-3.json"));
        var path = dir.Write("in-network.json", LocationFile("refs/group-3.json"));
        var (result, items) = Read(path);
        Assert.Equal(1, result.ProviderReferenceFiles);
        // provider-reference.json: NPIs 1111111111 and 2222222222, both under TIN 22-2222222
        Assert.All(items, o => Assert.Equal((2, 1), (o.ProviderNpiCount, o.ProviderTinCount)));
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void A_provider_reference_location_resolves_against_the_url_of_the_file()
    {
        using var server = new LoopbackHttpServer();
        server.Serve("mrf/refs/group-3.json", File.ReadAllBytes(Example("v1.6.2", "provider-reference", "provider-reference.json")));
        var url = server.Serve("mrf/in-network.json", System.Text.Encoding.UTF8.GetBytes(LocationFile("refs/group-3.json")));
        var (result, items) = Read(TicSource.Url(url));
        Assert.Equal((1, 2), (result.ProviderReferenceFiles, server.Requests));
        Assert.All(items, o => Assert.Equal(2, o.ProviderNpiCount));
    }

    [Fact]
    public void A_missing_provider_reference_file_is_an_error_at_its_location()
    {
        using var dir = new TempDir();
        var path = dir.Write("in-network.json", LocationFile("refs/absent.json"));
        var e = Assert.Throws<TicFormatException>(() => Read(path));
        Assert.Equal("$.provider_references[0].location", e.JsonPath);
        Assert.Contains("refs/absent.json could not be read", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_issuer_after_rates_already_read_is_an_error_rather_than_a_silent_payer_change()
    {
        using var dir = new TempDir();
        var text = File.ReadAllText(Example("v1.6.2", "in-network-rates", "in-network-rates-no-npi.json")).TrimEnd().TrimEnd('}') + ", \"issuer_name\": \"Late Issuer\"}";
        var e = Assert.Throws<TicFormatException>(() => Read(dir.Write("late.json", text)));
        Assert.Equal("$.issuer_name", e.JsonPath);
        Assert.Contains("comes after in_network", e.Reason, StringComparison.Ordinal);
    }

    static string LocationFile(string location) => $$"""
        {"reporting_entity_name": "Loc Health", "reporting_entity_type": "issuer", "last_updated_on": "2024-05-01", "version": "1.3.0",
         "provider_references": [{"provider_group_id": 3, "location": "{{location}}"}],
         "in_network": [{"negotiation_arrangement": "ffs", "name": "a", "billing_code_type": "CPT", "billing_code_type_version": "2024", "billing_code": "77067", "description": "a",
           "negotiated_rates": [{"provider_references": [3], "negotiated_prices": [{"negotiated_type": "negotiated", "negotiated_rate": 10, "expiration_date": "2025-01-01", "billing_class": "institutional"}]},
                                {"provider_references": [3], "negotiated_prices": [{"negotiated_type": "negotiated", "negotiated_rate": 20, "expiration_date": "2025-01-01", "billing_class": "institutional"}]}]}]}
        """;
}
