using PayerAtlas.Importers.Pfs;
using PayerAtlas.Pricing;
using PayerAtlas.Tests.Importers;

namespace PayerAtlas.Tests.Pricing;

public class MedicarePricerTests
{
    static readonly List<RvuRecord> Rvus = PfsReaderTests.Read(SharedData.Pfs("PPRRVU2025_Oct.csv"), PprrvuCsvReader.Read);
    static readonly List<GpciRecord> Gpcis = PfsReaderTests.Read(SharedData.Pfs("GPCI2025.csv"), GpciReader.ReadCsv);

    static RvuRecord Rvu(string code, string modifier = "") => Rvus.Single(r => r.Hcpcs == code && r.Modifier == modifier);

    [Fact]
    public void National_77054_is_67_28_global_and_20_38_professional()
    {
        Assert.Equal(67.28m, MedicarePricer.Price(Rvu("77054"), Gpci.National, Setting.NonFacility));
        Assert.Equal(20.38m, MedicarePricer.Price(Rvu("77054", "26"), Gpci.National, Setting.NonFacility));
        Assert.Equal(20.38m, MedicarePricer.Price(Rvu("77054", "26"), Gpci.National, Setting.Facility));
    }

    [Fact]
    public void A_facility_NA_indicator_means_no_facility_amount()
    {
        Assert.Null(MedicarePricer.Price(Rvu("77054"), Gpci.National, Setting.Facility));
        Assert.Null(MedicarePricer.Price(Rvu("77054", "TC"), Gpci.National, Setting.Facility));
    }

    [Fact]
    public void Codes_not_paid_under_the_fee_schedule_have_no_amount()
    {
        Assert.Null(MedicarePricer.Price(Rvu("0001F"), Gpci.National, Setting.NonFacility));
    }

    [Fact]
    public void Every_locality_follows_the_formula_to_the_cent()
    {
        foreach (var code in new[] { "77054", "77053", "19030", "99213", "27447", "71046" })
        {
            foreach (var rvu in Rvus.Where(r => r.Hcpcs == code && !r.NonFacilityNotApplicable))
            {
                foreach (var g in Gpcis)
                {
                    // The formula written out longhand in doubles, then compared to the cent.
                    var expected = Math.Round(((double)rvu.WorkRvu * (double)g.WorkGpci + (double)rvu.NonFacilityPeRvu * (double)g.PeGpci
                        + (double)rvu.MpRvu * (double)g.MpGpci) * (double)rvu.ConversionFactor, 2, MidpointRounding.AwayFromZero);
                    var actual = MedicarePricer.Price(rvu, new Gpci(g.WorkGpci, g.PeGpci, g.MpGpci), Setting.NonFacility);
                    Assert.NotNull(actual);
                    Assert.InRange((double)actual!.Value, expected - 0.0051, expected + 0.0051);
                }
            }
        }
    }

    [Fact]
    public void Professional_plus_technical_equals_global_within_a_cent_in_every_locality()
    {
        foreach (var g in Gpcis)
        {
            var gpci = new Gpci(g.WorkGpci, g.PeGpci, g.MpGpci);
            var global = MedicarePricer.Price(Rvu("77054"), gpci, Setting.NonFacility)!.Value;
            var split = MedicarePricer.Price(Rvu("77054", "26"), gpci, Setting.NonFacility)!.Value
                + MedicarePricer.Price(Rvu("77054", "TC"), gpci, Setting.NonFacility)!.Value;
            Assert.InRange(global - split, -0.01m, 0.01m);
        }
    }

    [Fact]
    public void State_summary_gives_range_and_average_of_its_localities()
    {
        var ca = Gpcis.Where(g => g.State == "CA").Select(g => PriceCalculator.ForLocality(Rvu("77054"), g)).ToList();
        var summary = PriceCalculator.Summarize(ca).Single();
        Assert.Equal(ca.Count, summary.Localities);
        Assert.Equal(ca.Min(a => a.NonFacility), summary.NonFacilityMin);
        Assert.Equal(ca.Max(a => a.NonFacility), summary.NonFacilityMax);
        Assert.Equal(Math.Round(ca.Average(a => a.NonFacility!.Value), 2, MidpointRounding.AwayFromZero), summary.NonFacilityAverage);
        Assert.Null(summary.FacilityAverage);
    }
}
