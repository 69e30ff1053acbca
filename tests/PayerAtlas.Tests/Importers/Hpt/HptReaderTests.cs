using PayerAtlas.Importers.Hpt;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Importers.Hpt;

public class HptReaderTests
{
    [Theory]
    // Expected figures counted from the files with Python's csv/json modules: every negotiated cell × the codes on its row.
    [InlineData("tall v3", HptLayout.CsvTall, "3.0.0", 45, 39, 4, 10, 6)]
    [InlineData("wide v3", HptLayout.CsvWide, "3.0.0", 26, 39, 4, 10, 3)]
    [InlineData("json v3", HptLayout.Json, "3.0.0", 22, 39, 4, 10, 3)]
    [InlineData("tall v2", HptLayout.CsvTall, "2.0.0", 31, 30, 3, 6, 6)]
    [InlineData("wide v2", HptLayout.CsvWide, "2.0.0", 20, 30, 7, 6, 3)]
    [InlineData("json v2", HptLayout.Json, "2.0.0", 11, 30, 3, 6, 3)]
    public void Every_example_is_read_with_its_layout_version_and_negotiated_charges(string which, HptLayout layout, string version, long rows, int dollars, int percentages, int algorithms, long modifierRows)
    {
        var path = Path(which);
        var (report, observations) = HptFiles.Read(path);
        Assert.Equal((layout, version, "West Mercy Hospital", "CA"), (report.File.Layout, report.File.Version, report.File.HospitalName, report.File.State));
        Assert.Equal(rows, report.Rows);
        Assert.Equal(0, report.RejectedCount);
        Assert.Equal(modifierRows, report.ModifierRows);
        Assert.Equal(observations.Count, report.Observations);
        var negotiated = observations.Negotiated().ToList();
        Assert.Equal(dollars, negotiated.Count(o => o.Rate is not null && !o.RateIsPercentage));
        Assert.Equal(percentages, negotiated.Count(o => o.RateIsPercentage));
        Assert.Equal(algorithms, negotiated.Count(o => o.Algorithm is not null));
        Assert.All(observations, o => Assert.Equal((RateSourceKind.HospitalStandardCharges, BillingClass.Institutional, "CA", "West Mercy Hospital"), (o.SourceKind, o.BillingClass, o.State, o.ReportingEntity)));
    }

    static string Path(string which) => which switch
    {
        "tall v3" => HptFiles.TallV3,
        "wide v3" => HptFiles.WideV3,
        "json v3" => HptFiles.JsonV3,
        "tall v2" => HptFiles.TallV2,
        "wide v2" => HptFiles.WideV2,
        _ => HptFiles.JsonV2,
    };

    [Fact]
    public void The_tall_v3_MRI_row_is_Platform_PPO_at_400_on_line_4()
    {
        var mri = HptFiles.Read(HptFiles.TallV3).Observations.Where(o => o.BillingCode == "70551").ToList();
        var platform = mri.Single(o => o.Payer == "Platform Health Insurance");
        Assert.Equal(("CPT", "PPO", 400m, false, "fee schedule", "outpatient", "line 4", ""),
            (platform.BillingCodeType, platform.Plan, platform.Rate, platform.RateIsPercentage, platform.NegotiatedType, platform.Setting, platform.Locator.ToString(), platform.Modifiers));
        Assert.Equal((250m, "HMO", "line 5"), mri.Single(o => o.Payer == "Region Health Insurance") is var r ? (r.Rate!.Value, r.Plan, r.Locator.ToString()) : default);
        // Gross, cash, min and max once for the item, though the tall file repeats them on its second row.
        Assert.Equal(["gross 1200", "discounted cash 1080", "min 250", "max 400"], mri.PayerIndependent().Select(o => $"{o.NegotiatedType} {o.Rate}"));
        // The revenue code on the same row is kept as its own observation, with its type.
        Assert.Equal(400m, HptFiles.Read(HptFiles.TallV3).Observations.Single(o => o.BillingCode == "611" && o.Payer == "Platform Health Insurance").Rate);
    }

    [Fact]
    public void Percentages_algorithms_and_allowed_amount_figures_are_kept_as_stated()
    {
        var o = HptFiles.Read(HptFiles.TallV3).Observations;
        var er = o.Single(x => x.BillingCode == "99283" && x.Payer == "Platform Health Insurance");
        Assert.Equal((80m, true, "percent of total billed charges"), (er.Rate!.Value, er.RateIsPercentage, er.NegotiatedType));
        Assert.Equal("median_amount 12000.12; 10th_percentile 5123.74; 90th_percentile 16784.22; count 299", er.AdditionalInformation);
        var csection = o.Single(x => x.BillingCode == "786" && x.Payer == "Platform Health Insurance");
        Assert.Equal(("MS-DRG", null), (csection.BillingCodeType, csection.Rate));
        Assert.StartsWith("Allowed amount = $8,000 + MAX (0,", csection.Algorithm, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_locators_are_the_json_path_and_the_byte_offset_of_the_entry()
    {
        var (_, o) = HptFiles.Read(HptFiles.JsonV3);
        var mri = o.Single(x => x.BillingCode == "70551" && x.Payer == "Platform Health Insurance");
        Assert.Equal(400m, mri.Rate);
        var (path, offset) = (mri.Locator.ToString().Split(" @ ")[0], long.Parse(mri.Locator.ToString().Split(" @ ")[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("$.standard_charge_information[0].standard_charges[0].payers_information[0]", path);
        var bytes = File.ReadAllBytes(HptFiles.JsonV3);
        Assert.Equal((byte)'{', bytes[offset]);
        Assert.Contains("\"payer_name\": \"Platform Health Insurance\"", System.Text.Encoding.UTF8.GetString(bytes, (int)offset, 80), StringComparison.Ordinal);
        Assert.Equal(3, mri.ProviderNpiCount); // type_2_npi lists three NPIs
    }

    [Fact]
    public void Wide_headers_carry_payer_and_plan_and_the_bom_is_ignored()
    {
        var (report, o) = HptFiles.Read(HptFiles.WideV3);
        Assert.Equal("West Mercy Hospital", report.File.HospitalName); // the BOM does not stick to "hospital_name"
        Assert.Equal(["0000000001", "0000000002", "0000000003"], report.File.Type2Npis);
        Assert.Equal(["West Mercy Hospital", "West Mercy Surgical Center"], report.File.Locations);
        var hernia = o.Negotiated().Where(x => x.BillingCode == "49505").OrderBy(x => x.Payer, StringComparer.Ordinal).ToList();
        Assert.Equal(["Platform Health Insurance PPO case rate 8000", "Region Health Insurance HMO fee schedule 360"], hernia.Select(x => $"{x.Payer} {x.Plan} {x.NegotiatedType} {x.Rate}"));
        Assert.Equal("This service paid at 140% of the OPPS APC rate.", hernia[1].AdditionalInformation);
    }

    [Fact]
    public void Multiple_codes_per_row_each_give_observations_with_their_type()
    {
        var o = HptFiles.Read(HptFiles.WideV3).Observations.Negotiated().Where(x => x.Payer == "Region Health Insurance" && x.Rate == 37m).ToList();
        Assert.Equal(["HCPCS J1450", "NDC 25021-0184-82"], o.Select(x => $"{x.BillingCodeType} {x.BillingCode}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_v2_wide_line_in_windows_1252_is_read_and_reported()
    {
        var (report, o) = HptFiles.Read(HptFiles.WideV2);
        Assert.Equal([12L, 13L], report.Windows1252Lines); // "observation room \x97 observation room"
        // The rows on those lines are read like any other; this file spells payers with underscores in its headers.
        Assert.Equal([8000m, 10000m], o.Where(x => x.BillingCode == "762" && x.Payer == "Platform_Health_Insurance").Select(x => x.Rate!.Value).Order());
        Assert.Equal("2024-07-01", report.File.LastUpdatedOn);
    }

    [Fact]
    public void Modifier_lists_are_sorted_and_joined()
    {
        var fixture = """
            hospital_name,last_updated_on,version,location_name,hospital_address,license_number|NY,type_2_npi
            Fixture Hospital,2026-01-01,3.0.0,Fixture,"1 Road, Albany, NY 12207",1,0000000009
            description,code|1,code|1|type,setting,modifiers,standard_charge|gross,payer_name,plan_name,standard_charge|negotiated_dollar,standard_charge|methodology
            CT head,70450,CPT,outpatient,TC|26 ,500,Acme,Gold,210.5,fee schedule
            """;
        var (report, o) = HptFiles.ReadText(fixture);
        Assert.Equal("NY", report.File.State);
        Assert.All(o, x => Assert.Equal("26:TC", x.Modifiers));
        Assert.Equal(210.5m, o.Single(x => x.Payer == "Acme").Rate);
    }
}
