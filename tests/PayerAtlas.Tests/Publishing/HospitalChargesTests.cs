using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rates;
using PayerAtlas.Rendering;
using PayerAtlas.Tests.Importers.Hpt;
using PayerAtlas.Tests.Store;

namespace PayerAtlas.Tests.Publishing;

/// <summary>The hospitals' payer-independent charges in Reimbursement, from every real CMS hospital example.</summary>
public class HospitalChargesTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>
{
    const string Caption = "Hospital standard charges (not payer-specific)";

    Publication Publish(string code, IRateBenchmarks? rates)
    {
        using var reader = fixture.Store.OpenReader(fixture.Cms);
        var builder = PublicationBuilder.Default();
        builder.Rates = rates;
        return builder.Build().Publish(DossierBuilder.Build(reader, code)!);
    }

    static Section Reimbursement(Publication p) => p.Sections.Single(s => s.Id == "reimbursement");

    static TableBlock Table(Publication p) => Reimbursement(p).Blocks.OfType<TableBlock>().Single(t => t.Caption == Caption);

    [Fact]
    public void Each_file_item_is_a_row_with_the_charges_it_states_cited_to_its_line()
    {
        // 70551 in the v3 tall example: line 4 (and again on line 5 for the second payer) states gross 1200, discounted
        // cash 1080, min 250, max 400 for West Mercy Hospital, outpatient.
        var p = Publish("70551", HospitalRates.List);
        var rows = Table(p).Rows.Select(r => r.Select(InlineText.Plain).ToList()).ToList();
        var tall = Assert.Single(rows, r => r[8] == "V3.0.0_Tall_CSV_Format_Example.csv, line 4");
        Assert.Equal(["West Mercy Hospital", "CA", "outpatient", "none", "$1,200.00", "$1,080.00", "$250.00", "$400.00"], tall.Take(8));
        Assert.Contains(rows, r => r[8].StartsWith("V3.0.0_Wide_CSV_Format_Example.csv, ", StringComparison.Ordinal) && r[4] == "$1,200.00");
        Assert.Contains(rows, r => r[8].StartsWith("v3_json_format_example.json, ", StringComparison.Ordinal) && r[5] == "$1,080.00");

        var gross = p.Facts.Single(f => f.Value == "1200.00" && f.Source.File == "V3.0.0_Tall_CSV_Format_Example.csv" && f.Id.EndsWith(".gross", StringComparison.Ordinal));
        Assert.Equal(("line 4", fixture.Cms.Label), (gross.Source.Row, gross.Source.Release));
        Assert.StartsWith("hospital.west-mercy-hospital.", gross.Id, StringComparison.Ordinal);
        Assert.Null(gross.Derivation);
    }

    [Fact]
    public void A_charge_the_file_leaves_empty_is_a_gap_in_its_cell()
    {
        // 49505 (tall example, line 6): no gross or discounted cash charge, min 360, max 8000.
        var p = Publish("49505", HospitalRates.List);
        var row = Table(p).Rows.Single(r => InlineText.Plain(r[8]) == "V3.0.0_Tall_CSV_Format_Example.csv, line 6");
        Assert.Equal(["$360.00", "$8,000.00"], row.Skip(6).Take(2).Select(InlineText.Plain));
        Assert.Contains(row[4], i => i is GapInline);
        Assert.Contains(row[5], i => i is GapInline);
    }

    [Fact]
    public void Without_hospital_charges_for_the_code_the_gap_is_stated()
    {
        var withRates = Reimbursement(Publish("77054", HospitalRates.List));
        Assert.Contains(withRates.Gaps, g => g.Fact == "rates.hospital_charges");
        Assert.DoesNotContain(withRates.Blocks, b => b is TableBlock { Caption: Caption });
        Assert.Contains(Reimbursement(Publish("70551", null)).Gaps, g => g.Fact == "rates.hospital_charges");
    }

    [Fact]
    public void A_local_rate_file_is_cited_by_its_name_never_by_the_folder_it_was_read_from()
    {
        var list = new RateBenchmarkList();
        foreach (var (payer, type) in new[] { ("Acme Health", "fee schedule"), ("", "gross") })
        {
            list.Write(new RateObservation
            {
                SourceFile = "/home/alice/Downloads/rates.csv", SourceKind = RateSourceKind.HospitalStandardCharges, Locator = "line 9",
                ReportingEntity = "Some Hospital", Payer = payer, BillingCode = "70551", BillingCodeType = "CPT", NegotiatedType = type,
                Rate = 500m, BillingClass = BillingClass.Institutional, State = "CA",
            });
        }

        var p = Publish("70551", list);

        Assert.DoesNotContain(p.Facts, f => f.Source.File.Contains("alice", StringComparison.Ordinal));
        Assert.Contains(p.Facts, f => f.Id.StartsWith("rates.acme-health.", StringComparison.Ordinal) && f.Source.File == "rates.csv");
        Assert.Equal(("rates.csv", "line 9"), p.Facts.Where(f => f.Id.StartsWith("hospital.some-hospital.1.", StringComparison.Ordinal)).Select(f => (f.Source.File, f.Source.Row)).Distinct().Single());
        var text = string.Join("\n", Reimbursement(p).Blocks.OfType<ParagraphBlock>().Select(b => InlineText.Plain(b.Inlines)));
        Assert.Contains("Rates from rates.csv.", text, StringComparison.Ordinal);
        Assert.Equal("https://example.org/rates/in-network.json.gz", RateSourceName.Display("https://example.org/rates/in-network.json.gz"));
        Assert.Equal("in-network.json", RateSourceName.Display("data/in-network.json"));
    }

    [Fact]
    public void The_charges_equal_the_observations_the_hospital_reader_gives()
    {
        var (_, observations) = HptFiles.Read(HptFiles.TallV3);
        var expected = observations.Where(o => o.BillingCode == "80048" && o.Payer.Length == 0).ToList();

        var charges = HospitalCharge.From(expected);

        // Lines 12 and 13 differ in their minimum (150 and 125): two items, two rows, in file order.
        Assert.Equal(["line 12", "line 13"], charges.Select(c => c.Locator));
        Assert.Equal([(300m, 270m, 150m, 150m), (300m, 270m, 125m, 150m)], charges.Select(c => (c.Gross!.Value, c.DiscountedCash!.Value, c.Minimum!.Value, c.Maximum!.Value)));
    }
}
