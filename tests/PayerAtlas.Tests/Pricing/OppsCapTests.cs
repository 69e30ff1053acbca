using PayerAtlas.Importers.Pfs;
using PayerAtlas.Pricing;
using PayerAtlas.Tests.Importers;

namespace PayerAtlas.Tests.Pricing;

/// <summary>The OPPS imaging cap (DRA 2005 §5102(b)): Medicare pays the lesser of the PFS amount and the OPPS-capped price.</summary>
public class OppsCapTests
{
    static readonly List<OppsCapRecord> Caps = PfsReaderTests.Read(SharedData.Pfs("OPPSCAP_Oct.csv"), OppsCapReader.Read);
    static readonly List<RvuRecord> Rvus = PfsReaderTests.Read(SharedData.Pfs("PPRRVU2025_Oct.csv"), PprrvuCsvReader.Read);
    static readonly Dictionary<string, GpciRecord> Gpcis = PfsReaderTests.Read(SharedData.Pfs("GPCI2025.csv"), GpciReader.ReadCsv).ToDictionary(g => g.Id);

    [Fact]
    public void The_october_file_has_16100_capped_prices_for_77_codes_each_in_exactly_one_locality()
    {
        Assert.Equal(16_100, Caps.Count);
        Assert.Equal(77, Caps.Select(c => c.Hcpcs).Distinct().Count());
        Assert.Equal(6_670, Caps.Count(c => c.ProcStatus == "A"));
        // Southern California is filed under carrier 01112 here but MAC 01182 in the GPCI file.
        Assert.Contains(Caps, c => c.LocalityId == "01112-18" && !Gpcis.ContainsKey(c.LocalityId));
        Assert.All(Caps, c => Assert.Single(Gpcis.Values, g => c.Matches(g.Mac, g.LocalityNumber)));
    }

    [Fact]
    public void Every_active_capped_price_is_what_the_locality_is_paid()
    {
        var byCode = Rvus.ToDictionary(r => (r.Hcpcs, r.Modifier));
        var lowered = 0;
        foreach (var cap in Caps.Where(c => c.ProcStatus == "A"))
        {
            var rvu = byCode[(cap.Hcpcs, cap.Modifier)];
            var g = Gpcis.Values.Single(g => cap.Matches(g.Mac, g.LocalityNumber));
            var formula = MedicarePricer.Price(rvu, new Gpci(g.WorkGpci, g.PeGpci, g.MpGpci), Setting.NonFacility);
            var amount = PriceCalculator.ForLocality(rvu, g, cap);
            Assert.Equal(Math.Min(formula!.Value, cap.NonFacilityPrice), amount.NonFacility);
            if (amount.OppsCapped)
            {
                lowered++;
                Assert.Equal(formula, amount.FormulaNonFacility);
            }
        }

        Assert.True(lowered > 0);
    }

    [Fact]
    public void Ct_angiography_of_the_head_in_san_francisco_is_capped_below_the_formula()
    {
        var rvu = Rvus.Single(r => r.Hcpcs == "70496" && r.Modifier == "");
        var cap = Caps.Single(c => c.Hcpcs == "70496" && c.Modifier == "" && c.LocalityId == "01112-05");
        var amount = PriceCalculator.ForLocality(rvu, Gpcis["01112-05"], cap);
        Assert.True(amount.OppsCapped);
        Assert.Equal(cap.NonFacilityPrice, amount.NonFacility);
        Assert.True(amount.FormulaNonFacility > amount.NonFacility);
    }
}
