using System.Globalization;
using System.Xml.Linq;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rates;
using PayerAtlas.Rendering;
using PayerAtlas.Rendering.Svg;
using PayerAtlas.Tests.Store;

namespace PayerAtlas.Tests.Publishing;

public class CommercialRatesTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>
{
    Dossier Dossier(string code)
    {
        using var reader = fixture.Store.OpenReader(fixture.Cms);
        return DossierBuilder.Build(reader, code)!;
    }

    static Publication Publish(Dossier dossier, IRateBenchmarks? rates)
    {
        var builder = PublicationBuilder.Default();
        builder.Rates = rates;
        return builder.Build().Publish(dossier);
    }

    static Section Reimbursement(Publication p) => p.Sections.Single(s => s.Id == "reimbursement");

    static TableBlock RatesTable(Publication p) => Reimbursement(p).Blocks.OfType<TableBlock>().Single(t => t.Caption == "Commercial negotiated rates by payer");

    [Fact]
    public void The_rates_table_has_a_row_per_payer_with_the_hospital_figures()
    {
        var p = Publish(Dossier("49505"), HospitalRates.List);
        var table = RatesTable(p);
        // Inguinal hernia repair in the v3 examples: Platform PPO 8000 (case rate), Region HMO 360, in each of three files.
        Assert.Equal(["Platform Health Insurance", "Region Health Insurance"], table.Rows.Select(r => InlineText.Plain(r[0])));
        Assert.Equal(["CA", "institutional", "none", "3", "$8,000.00", "$8,000.00", "$8,000.00"], table.Rows[0].Skip(1).Take(7).Select(InlineText.Plain));
        var median = p.FindFact("rates.platform-health-insurance.CA.institutional.none.median")!;
        Assert.Equal("8000.00", median.Value);
        Assert.Equal("V3.0.0_Tall_CSV_Format_Example.csv + V3.0.0_Wide_CSV_Format_Example.csv + v3_json_format_example.json", median.Source.File);
        Assert.StartsWith("quantile_cont(rate, 0.50)", median.Derivation!.Formula, StringComparison.Ordinal);
        Assert.Equal("0", p.FindFact("rates.platform-health-insurance.CA.institutional.none.outliers")!.Value);
    }

    [Fact]
    public void The_median_is_a_percentage_of_the_matching_state_facility_amount_with_its_inputs()
    {
        var p = Publish(Dossier("49505"), HospitalRates.List);
        var percent = p.FindFact("rates.region-health-insurance.CA.institutional.none.median_pct_medicare")!;
        // Institutional rates located in CA ↔ CA's facility figure for the global row (the state table's average).
        Assert.Equal(["rates.region-health-insurance.CA.institutional.none.median", "pay.state.CA.global.facility.average"], percent.Derivation!.Inputs);
        var medicare = decimal.Parse(p.FindFact("pay.state.CA.global.facility.average")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(360m / medicare * 100, 1, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture), percent.Value);
        Assert.Contains(percent.Value + "% of $", InlineText.Plain(RatesTable(p).Rows[1][11]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_without_a_medicare_amount_shows_its_NA_indicator_instead_of_a_percentage()
    {
        // 70551's global row has a facility NA indicator: no facility amount to compare an institutional MRI rate with.
        var p = Publish(Dossier("70551"), HospitalRates.List);
        var cell = RatesTable(p).Rows[0][11];
        Assert.Contains(cell, i => i is FactInline { FactId: "rvu.global.facility_na" });
        Assert.DoesNotContain(p.Facts, f => f.Id.EndsWith(".median_pct_medicare", StringComparison.Ordinal));
    }

    [Fact]
    public void A_code_without_rate_data_keeps_the_stated_gap()
    {
        var withRates = Reimbursement(Publish(Dossier("77054"), HospitalRates.List));
        Assert.Contains(withRates.Gaps, g => g.Fact == "rates.benchmarks");
        Assert.DoesNotContain(withRates.Blocks, b => b is FigureBlock { Id: "rates-distribution-chart" });
        var without = Publish(Dossier("49505"), null);
        Assert.Contains(Reimbursement(without).Gaps, g => g.Fact == "rates.benchmarks");
        Assert.DoesNotContain(without.Facts, f => f.Id.StartsWith("rates.", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_rates_the_publication_is_what_it_was()
    {
        var dossier = Dossier("49505");
        var before = Renderers.For("json").RenderToString(PublicationBuilder.Default().Build().Publish(dossier));
        Assert.Equal(before, Renderers.For("json").RenderToString(Publish(dossier, null)));
        Assert.Equal(before, Renderers.For("json").RenderToString(Publish(dossier, new RateBenchmarkList())));
    }

    [Fact]
    public void The_distribution_chart_is_accessible_svg_with_the_medicare_reference()
    {
        var dossier = Dossier("49505");
        var svg = RateDistributionChart.Build(dossier, HospitalRates.List)!;
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", doc.Root!.Attribute("role")!.Value);
        Assert.Equal("Commercial negotiated rates for 49505 by payer, release 2025Q4", doc.Root.Element(ns + "title")!.Value);
        Assert.NotNull(doc.Root.Element(ns + "desc"));
        Assert.Equal(2, doc.Root.Elements(ns + "g").Count()); // a box per benchmark
        var medicare = ProsePublish(dossier).FindFact("pay.state.CA.global.facility.average")!.Value;
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value == $"Medicare CA facility ${decimal.Parse(medicare, CultureInfo.InvariantCulture):#,0.00}");
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<figure id=\"rates-distribution-chart\"><img src=\"49505.rates.svg\"", Renderers.For("html").RenderToString(Publish(dossier, HospitalRates.List)), StringComparison.Ordinal);
        Assert.Null(RateDistributionChart.Build(Dossier("77054"), HospitalRates.List));
    }

    static Publication ProsePublish(Dossier dossier) => Publish(dossier, HospitalRates.List);

    [Fact]
    public void Payer_names_are_encoded_in_the_chart()
    {
        var list = new RateBenchmarkList();
        list.Write(new RateObservation
        {
            SourceFile = "evil.csv", SourceKind = RateSourceKind.HospitalStandardCharges, Locator = "line 4", ReportingEntity = "X",
            Payer = "<script>alert(1)</script> & Co", BillingCode = "49505", BillingCodeType = "CPT", NegotiatedType = "case rate",
            Rate = 500m, BillingClass = BillingClass.Institutional, State = "CA",
        });
        var svg = RateDistributionChart.Build(Dossier("49505"), list)!;
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", svg, StringComparison.Ordinal);
        var doc = XDocument.Parse(svg);
        Assert.Contains(doc.Descendants(), e => e.Value == "<script>alert(1)</script> & Co");
        var html = Renderers.For("html").RenderToString(Publish(Dossier("49505"), list));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }
}
