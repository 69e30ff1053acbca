using PayerAtlas.Importers.Tic;
using PayerAtlas.Rates;
using static PayerAtlas.Tests.Tic.TicFiles;

namespace PayerAtlas.Tests.Tic;

/// <summary>Every CMS example (v1.6.2, v2.2.0, the validator's test files) read; counts and values checked against the files.</summary>
public sealed class TicExampleTests
{
    public static TheoryData<string, TicFileKind, int> Examples => new()
    {
        // expected observations = negotiated prices (in-network) or payment × provider entries (allowed amounts), counted by hand in each file
        { "v2.2.0/examples/in-network-rates/in-network-rates-all-negotiated-types-sample.json", TicFileKind.InNetwork, 8 },
        { "v2.2.0/examples/in-network-rates/in-network-rates-bundle-single-plan-sample.json", TicFileKind.InNetwork, 2 },
        { "v2.2.0/examples/in-network-rates/in-network-rates-capitation-single-plan-sample.json", TicFileKind.InNetwork, 2 },
        { "v2.2.0/examples/in-network-rates/in-network-rates-fee-for-service-single-plan-sample.json", TicFileKind.InNetwork, 5 },
        { "v2.2.0/examples/in-network-rates/in-network-rates-multiple-plans-sample.json", TicFileKind.InNetwork, 6 },
        { "v2.2.0/examples/in-network-rates/in-network-rates-no-npi.json", TicFileKind.InNetwork, 1 },
        { "v2.2.0/examples/allowed-amounts/allowed-amounts-multiple-plan-sample.json", TicFileKind.AllowedAmounts, 3 },
        { "v2.2.0/examples/allowed-amounts/allowed-amounts-single-plan-sample.json", TicFileKind.AllowedAmounts, 3 },
        { "v2.2.0/examples/table-of-contents/table-of-contents-sample.json", TicFileKind.TableOfContents, 0 },
        { "v1.6.2/examples/in-network-rates/in-network-rates-bundle-single-plan-sample.json", TicFileKind.InNetwork, 2 },
        { "v1.6.2/examples/in-network-rates/in-network-rates-capitation-single-plan-sample.json", TicFileKind.InNetwork, 2 },
        { "v1.6.2/examples/in-network-rates/in-network-rates-fee-for-service-single-plan-sample.json", TicFileKind.InNetwork, 5 },
        { "v1.6.2/examples/in-network-rates/in-network-rates-multiple-plans-sample.json", TicFileKind.InNetwork, 6 },
        { "v1.6.2/examples/in-network-rates/in-network-rates-no-npi.json", TicFileKind.InNetwork, 1 },
        { "v1.6.2/examples/allowed-amounts/allowed-amounts-multiple-plan-empty-sample.json", TicFileKind.AllowedAmounts, 0 },
        { "v1.6.2/examples/allowed-amounts/allowed-amounts-multiple-plan-sample.json", TicFileKind.AllowedAmounts, 3 },
        { "v1.6.2/examples/allowed-amounts/allowed-amounts-single-plan-empty-sample.json", TicFileKind.AllowedAmounts, 0 },
        { "v1.6.2/examples/allowed-amounts/allowed-amounts-single-plan-sample.json", TicFileKind.AllowedAmounts, 3 },
        { "v1.6.2/examples/allowed-amounts/multiplan-empty-example.json", TicFileKind.AllowedAmounts, 0 },
        { "v1.6.2/examples/provider-reference/provider-reference.json", TicFileKind.ProviderReference, 0 },
        { "v1.6.2/examples/table-of-contents/table-of-contents-sample.json", TicFileKind.TableOfContents, 0 },
        { "validator-test-files/allowed-amounts.json", TicFileKind.AllowedAmounts, 3 },
        { "validator-test-files/in-network-rates-fee-for-service-sample.json", TicFileKind.InNetwork, 5 },
    };

    [Fact]
    public void The_theory_covers_every_json_example_but_the_deliberately_invalid_one()
    {
        var root = SharedData.Path("tic");
        var onDisk = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/schemas/", StringComparison.Ordinal) && !f.EndsWith("allowed-amounts-error.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var covered = Examples.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, covered);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_is_read_with_the_observations_it_states(string file, TicFileKind kind, int expected)
    {
        var (result, items) = Read(SharedData.Path("tic", file));
        Assert.Equal(kind, result.Kind);
        Assert.Equal(expected, items.Count);
        Assert.Equal(expected, result.Observations);
        Assert.Equal(1, result.Passes);
        Assert.All(items, o => Assert.Equal(SharedData.Path("tic", file), o.SourceFile));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_reads_the_same_in_place_as_through_a_buffer(string file, TicFileKind kind, int expected)
    {
        // A mapped file's bytes are parsed where they are (a window, no buffer); the smallest window refills often.
        var path = SharedData.Path("tic", file);
        var (buffered, bufferedItems) = Read(path);
        var (inPlace, inPlaceItems) = Read(TicSource.FromStream(new InPlace(File.ReadAllBytes(path)), path));

        Assert.Equal(expected, inPlaceItems.Count);
        Assert.Equal(bufferedItems, inPlaceItems);
        Assert.Equal((kind, buffered.Bytes, buffered.Passes), (inPlace.Kind, inPlace.Bytes, inPlace.Passes));
    }

    [Fact]
    public void V2_all_negotiated_types_keeps_each_type_rate_class_and_provider_counts()
    {
        var (_, items) = Read(Example("v2.2.0", "in-network-rates", "in-network-rates-all-negotiated-types-sample.json"));
        Assert.Equal(["derived", "fee schedule", "negotiated", "per diem", "percentage"], items.Select(o => o.NegotiatedType).Distinct().Order(StringComparer.Ordinal));
        Assert.All(items, o =>
        {
            Assert.Equal("Comprehensive Health Issuer", o.Payer);
            Assert.Equal("Comprehensive Health Insurance", o.ReportingEntity);
            Assert.Equal("Plan D PPO", o.Plan);
            Assert.Equal("4444444444", o.PlanId);
            Assert.Equal(new DateOnly(2024, 12, 31), o.ExpirationDate);
            Assert.Equal("ffs", o.NegotiationArrangement);
        });

        // 97110: 65% of billed charges, service codes 11 and 22, provider group 1 (NPIs 1234567890, 2345678901, 3456789012 + 4567890123; two TINs)
        var pt = Assert.Single(items, o => o.BillingCode == "97110");
        Assert.True(pt.RateIsPercentage);
        Assert.Equal(65.0m, pt.Rate);
        Assert.Equal("11:22", pt.PlacesOfService);
        Assert.Equal(BillingClass.Professional, pt.BillingClass);
        Assert.Equal("outpatient", pt.Setting);
        Assert.Equal(4, pt.ProviderNpiCount);
        Assert.Equal(2, pt.ProviderTinCount);
        Assert.Equal("Comprehensive Health Network", pt.Network);
        Assert.Equal("$.in_network[1].negotiated_rates[0].negotiated_prices[0]", pt.Locator.ToString()[..pt.Locator.ToString().IndexOf(" @ ", StringComparison.Ordinal)]);

        // 0200 (revenue code): per diem 5500 institutional inpatient, group 2 (two NPIs, one TIN)
        var icu = Assert.Single(items, o => o.BillingCode == "0200");
        Assert.Equal("RC", icu.BillingCodeType);
        Assert.Equal(5500.00m, icu.Rate);
        Assert.False(icu.RateIsPercentage);
        Assert.Equal(BillingClass.Institutional, icu.BillingClass);
        Assert.Equal("", icu.PlacesOfService);
        Assert.Equal((2, 1), (icu.ProviderNpiCount, icu.ProviderTinCount));

        // 27447 references groups 1 and 2: 4 + 2 distinct NPIs, 2 + 1 TINs, both networks
        var knee = items.Where(o => o.BillingCode == "27447").ToList();
        Assert.Equal([8500.00m, 12000.00m], knee.Select(o => o.Rate!.Value));
        Assert.Equal("fee schedule", knee[0].NegotiatedType);
        Assert.All(knee, o => Assert.Equal((6, 3), (o.ProviderNpiCount, o.ProviderTinCount)));
        Assert.Equal("Comprehensive Health Network|Comprehensive Health Plus Network", knee[0].Network);
    }

    [Fact]
    public void V2_fee_for_service_keeps_modifiers_sorted_service_codes_and_custom_place_of_service()
    {
        var (result, items) = Read(Example("v2.2.0", "in-network-rates", "in-network-rates-fee-for-service-single-plan-sample.json"));
        Assert.Equal("ACME Issuer", result.Header.Payer);
        var modified = Assert.Single(items, o => o.Modifiers != "");
        Assert.Equal(("27447", "AS", 123.45m, "11:18:19"), (modified.BillingCode, modified.Modifiers, modified.Rate!.Value, modified.PlacesOfService));
        // group 1: two TINs over the same five NPIs
        Assert.Equal((5, 2), (modified.ProviderNpiCount, modified.ProviderTinCount));
        Assert.Equal("CSTM-00", Assert.Single(items, o => o.Rate == 12003.45m).PlacesOfService);
        Assert.Equal(new DateOnly(2022, 1, 1), modified.ExpirationDate);
    }

    [Fact]
    public void V2_bundle_and_capitation_keep_their_arrangement()
    {
        var (_, bundle) = Read(Example("v2.2.0", "in-network-rates", "in-network-rates-bundle-single-plan-sample.json"));
        Assert.All(bundle, o => Assert.Equal(("bundle", "81.54", "ICD", "9"), (o.NegotiationArrangement!, o.BillingCode, o.BillingCodeType, o.BillingCodeTypeVersion!)));
        Assert.Equal([20000.0m, 25000.0m], bundle.Select(o => o.Rate!.Value));
        var (_, cap) = Read(Example("v2.2.0", "in-network-rates", "in-network-rates-capitation-single-plan-sample.json"));
        Assert.All(cap, o => Assert.Equal("capitation", o.NegotiationArrangement));
        Assert.Equal([BillingClass.Institutional, BillingClass.Professional], cap.Select(o => o.BillingClass!.Value));
    }

    [Fact]
    public void Multiple_plan_files_name_the_reporting_entity_as_payer_and_no_plan()
    {
        var (_, items) = Read(Example("v2.2.0", "in-network-rates", "in-network-rates-multiple-plans-sample.json"));
        Assert.All(items, o => Assert.Equal(("cms", (string?)null), (o.Payer, o.Plan)));
        var both = Assert.Single(items, o => o.BillingClass == BillingClass.Both);
        Assert.Equal(("derived", 120.45m), (both.NegotiatedType, both.Rate!.Value));
    }

    [Fact]
    public void V1_inline_provider_groups_are_counted_per_rate()
    {
        var (result, items) = Read(Example("v1.6.2", "in-network-rates", "in-network-rates-bundle-single-plan-sample.json"));
        Assert.Equal(0, result.ProviderReferences);
        Assert.Equal("cms", result.Header.Payer);
        Assert.Equal((5, 2), (items[0].ProviderNpiCount, items[0].ProviderTinCount));
        Assert.Equal((4, 1), (items[1].ProviderNpiCount, items[1].ProviderTinCount));
        Assert.All(items, o => Assert.Null(o.Setting));
        Assert.All(items, o => Assert.Null(o.Network));
    }

    [Fact]
    public void V1_fee_for_service_mixes_references_and_inline_groups_and_leaves_an_unused_location_unfetched()
    {
        var (result, items) = Read(Example("v1.6.2", "in-network-rates", "in-network-rates-fee-for-service-single-plan-sample.json"));
        Assert.Equal(2, result.ProviderReferences);
        Assert.Equal(0, result.ProviderReferenceFiles);
        var referenced = Assert.Single(items, o => o.Rate == 12003.45m);
        Assert.Equal((5, 2), (referenced.ProviderNpiCount, referenced.ProviderTinCount));
        var single = Assert.Single(items, o => o.Rate == 12.45m);
        Assert.Equal((1, 1), (single.ProviderNpiCount, single.ProviderTinCount));
        Assert.Equal("medicaid", single.Plan);
        Assert.Equal("medicare", single.Payer);
    }

    [Fact]
    public void V1_no_npi_marker_counts_no_provider()
    {
        var (_, items) = Read(Example("v1.6.2", "in-network-rates", "in-network-rates-no-npi.json"));
        Assert.Equal((0, 1), (items[0].ProviderNpiCount, items[0].ProviderTinCount));
        var (_, v2) = Read(Example("v2.2.0", "in-network-rates", "in-network-rates-no-npi.json"));
        Assert.Equal((1, 1), (v2[0].ProviderNpiCount, v2[0].ProviderTinCount));
    }

    [Fact]
    public void Schema_1_0_reporting_plans_are_joined_into_the_plan_fields()
    {
        var (result, items) = Read(SharedData.Path("tic", "validator-test-files", "in-network-rates-fee-for-service-sample.json"));
        Assert.Equal(2, result.Header.ReportingPlans.Count);
        Assert.All(items, o => Assert.Equal(("medicaid|medicare", "11111111111|0000000000"), (o.Plan!, o.PlanId!)));
    }

    [Fact]
    public void Allowed_amounts_are_one_observation_per_payment_and_provider()
    {
        var (result, items) = Read(Example("v2.2.0", "allowed-amounts", "allowed-amounts-single-plan-sample.json"));
        Assert.Equal(TicFileKind.AllowedAmounts, result.Kind);
        Assert.All(items, o =>
        {
            Assert.Equal(RateSourceKind.TicAllowedAmount, o.SourceKind);
            Assert.Equal(("99214", "CPT", 25.0m, "25"), (o.BillingCode, o.BillingCodeType, o.Rate!.Value, o.Modifiers));
            Assert.Equal(("01:02:03", "outpatient", "medicare"), (o.PlacesOfService, o.Setting!, o.Plan!));
            Assert.Equal(1, o.ProviderTinCount);
        });
        Assert.Equal([50.0m, 60.0m, 70.0m], items.Select(o => o.BilledCharge!.Value));
        Assert.Equal([3, 1, 4], items.Select(o => o.ProviderNpiCount));
        Assert.StartsWith("$.out_of_network[0].allowed_amounts[0].payments[0].providers[2] @ ", items[2].Locator, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_of_contents_lists_the_files_of_each_plan()
    {
        var toc = new TicReader().ReadTableOfContents(TicSource.File(Example("v2.2.0", "table-of-contents", "table-of-contents-sample.json")));
        Assert.Equal(2, toc.ReportingStructures.Count);
        Assert.Equal(8, toc.ListFiles().Count);
        var medicaid = toc.ListFiles("medicaid");
        Assert.Equal(
            ["https://www.some_site.com/files/in-network-file-123456.json", "https://www.some_site.com/files/behavioral-health-0000.json", "https://www.some_site.com/files/allowed-amount-file-987665.json"],
            medicaid.Select(f => f.File.Location));
        Assert.Equal([TicFileKind.InNetwork, TicFileKind.InNetwork, TicFileKind.AllowedAmounts], medicaid.Select(f => f.Kind));
        Assert.True(medicaid[0].File.Source.IsUrl);
        Assert.Equal("CMS", medicaid[0].Plan.IssuerName);
        Assert.Equal("chip-in-network-file.json", Path.GetFileName(Assert.Single(toc.ListFiles("3333333333"), f => f.Kind == TicFileKind.InNetwork).File.Location));
    }

    [Fact]
    public void An_empty_provider_reference_list_counts_no_provider()
    {
        using var dir = new TempDir();
        var text = File.ReadAllText(Example("v2.2.0", "in-network-rates", "in-network-rates-no-npi.json")).Replace("\"provider_references\": [1],", "\"provider_references\": [],", StringComparison.Ordinal);
        var (_, items) = Read(dir.Write("empty-refs.json", text));
        Assert.Equal((0, 0), (Assert.Single(items).ProviderNpiCount, items[0].ProviderTinCount));
    }

    [Fact]
    public void A_provider_reference_file_is_recognised()
    {
        var (result, items) = Read(Example("v1.6.2", "provider-reference", "provider-reference.json"));
        Assert.Equal(TicFileKind.ProviderReference, result.Kind);
        Assert.Empty(items);
    }
}
