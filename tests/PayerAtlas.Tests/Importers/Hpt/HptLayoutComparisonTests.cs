using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Importers.Hpt;

/// <summary>CMS publishes each example in every layout: what the layouts have in common must read the same.</summary>
public class HptLayoutComparisonTests
{
    static List<string> Charges(IEnumerable<RateObservation> o, bool algorithms = true) =>
        [.. o.Where(x => algorithms || x.Algorithm is null)
            .Select(x => $"{x.BillingCodeType}:{x.BillingCode}|{x.Payer.Replace('_', ' ')}|{x.Plan}|{x.NegotiatedType}|{x.Rate}|{x.RateIsPercentage}|{x.Algorithm}|{x.Setting}|{x.Modifiers}")
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Tall_wide_and_json_v3_state_the_same_negotiated_charges()
    {
        var tall = Charges(HptFiles.Read(HptFiles.TallV3).Observations.Negotiated());
        Assert.Equal(53, tall.Count);
        Assert.Equal(tall, Charges(HptFiles.Read(HptFiles.WideV3).Observations.Negotiated()));
        Assert.Equal(tall, Charges(HptFiles.Read(HptFiles.JsonV3).Observations.Negotiated()));
    }

    [Fact]
    public void Wide_and_json_v3_state_the_same_gross_cash_min_and_max()
    {
        var wide = Charges(HptFiles.Read(HptFiles.WideV3).Observations.PayerIndependent());
        Assert.Equal(90, wide.Count); // counted in the JSON: 90 gross/cash/min/max values × codes
        Assert.Equal(wide, Charges(HptFiles.Read(HptFiles.JsonV3).Observations.PayerIndependent()));
    }

    [Fact]
    public void Tall_v3_differs_from_wide_only_where_its_own_rows_disagree()
    {
        var tall = Charges(HptFiles.Read(HptFiles.TallV3).Observations.PayerIndependent());
        var wide = Charges(HptFiles.Read(HptFiles.WideV3).Observations.PayerIndependent());
        // The basic metabolic panel's two tall rows state different minimums (150 on line 12, 125 on line 13), so
        // each row's gross/cash/min/max is kept; the wide and JSON files state the item once with minimum 125.
        var extra = tall.Except(wide).ToList();
        Assert.All(extra, e => Assert.Matches(@"^(RC:301|CPT:80048)\|", e));
        Assert.Contains("CPT:80048|||min|150|False||outpatient|", extra);
        Assert.Empty(wide.Except(tall));
    }

    [Fact]
    public void Tall_v2_and_json_v2_state_the_same_negotiated_charges()
    {
        var tall = Charges(HptFiles.Read(HptFiles.TallV2).Observations.Negotiated());
        Assert.Equal(39, tall.Count);
        Assert.Equal(tall, Charges(HptFiles.Read(HptFiles.JsonV2).Observations.Negotiated()));
    }

    [Fact]
    public void Wide_v2_states_the_tall_dollar_and_percentage_charges()
    {
        // The v2 wide example repeats Region's 50 % on each of the three MS-DRG 470 rows and words one algorithm
        // differently, so only the distinct dollar and percentage charges are comparable.
        var tall = Charges(HptFiles.Read(HptFiles.TallV2).Observations.Negotiated(), algorithms: false).Distinct().ToList();
        var wide = Charges(HptFiles.Read(HptFiles.WideV2).Observations.Negotiated(), algorithms: false).Distinct().ToList();
        Assert.Equal(tall, wide);
    }
}
