using PayerAtlas.Claims;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Tests.Ncci;
using static PayerAtlas.Tests.Claims.ClaimKit;

namespace PayerAtlas.Tests.Claims;

/// <summary>
/// Medically Unlikely Edits as the NCCI Policy Manual, chapter I, section V states them: an MAI 1 edit compares each claim
/// line's units with the MUE and denies all units of a line over it; an MAI 2 or 3 edit sums the units of every line of
/// the code on the date and denies all of them when the sum is over. MAI 2 is absolute (policy); MAI 3 is a clinical
/// benchmark that an appeal with records may exceed.
/// </summary>
[Collection(nameof(NcciCollection))]
public sealed class MueRuleTests(NcciReleaseFixture fixture)
{
    [Fact]
    public void Chapter_I_V_a_date_of_service_MUE_sums_the_lines_of_the_code_and_denies_them_all()
    {
        // 77053 (fixture): practitioner MUE 2, MAI 3. One unit on line 1, two on line 2 (the other breast): three for the day.
        var findings = Check(fixture, Line(1, "77053", "26:RT"), Line(2, "77053", "26:LT", units: 2));
        var first = Assert.Single(findings.On(1, "mue."));
        Assert.Equal((Severity.Deny, "mue.date-of-service"), (first.Severity, first.Rule));
        Assert.Contains("lines 1, 2 bill 3 in all", first.Message, StringComparison.Ordinal);
        Assert.Contains("MAI 3", first.Message, StringComparison.Ordinal);
        Assert.Contains("can be exceeded on appeal", first.Fix, StringComparison.Ordinal);
        Assert.Single(findings.On(2, "mue."));
        Assert.Equal("ncci/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", first.Sources[0].Row!.File);
        Assert.Contains("chapter I, section V", first.Sources[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Chapter_I_V_units_within_the_MUE_pass()
    {
        Assert.Empty(Check(fixture, Line(1, "77053", "26:RT"), Line(2, "77053", "26:LT")).On(1, "mue."));
        Assert.Empty(Check(fixture, Line(1, "77054", "26", units: 2)).On(1, "mue."));
    }

    [Fact]
    public void Chapter_I_V_an_MAI_2_limit_is_absolute()
    {
        var finding = Assert.Single(Check(fixture, Line(1, "27447", "RT", units: 2, pos: "21")).On(1, "mue."));
        Assert.Contains("MAI 2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("absolute", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Chapter_I_V_a_claim_line_MUE_judges_each_line_alone()
    {
        // 20610 (fixture): MUE 2, MAI 1. Three units on one line are denied; two lines of two (both knees) are not.
        var oneLine = Check(fixture, Line(1, "20610", units: 3));
        var finding = Assert.Single(oneLine.On(1, "mue."));
        Assert.Equal(("mue.line", Severity.Deny), (finding.Rule, finding.Severity));
        Assert.Contains("separate lines", finding.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(Check(fixture, Line(1, "20610", "RT", units: 2), Line(2, "20610", "LT", units: 2)), f => f.Rule.StartsWith("mue.", StringComparison.Ordinal));
    }

    [Fact]
    public void Chapter_I_V_an_MUE_of_0_denies_any_unit()
    {
        var finding = Assert.Single(Check(fixture, Line(1, "27447", "RT", pos: "22", setting: NcciSetting.OutpatientHospital)).On(1, "mue."));
        Assert.Contains("is 0: the code is not payable in this setting", finding.Message, StringComparison.Ordinal);
        Assert.Equal("ncci/MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv", finding.Sources[0].Row!.File);
    }

    [Fact]
    public void Chapter_I_V_each_setting_has_its_own_table()
    {
        // E0114 has a DME MUE of 1 (MAI 1) and no practitioner MUE.
        Assert.Single(Check(fixture, Line(1, "E0114", units: 2, pos: "12", setting: NcciSetting.Dme)).On(1, "mue.line"));
        Assert.Empty(Check(fixture, Line(1, "E0114", units: 2, pos: "12")).On(1, "mue."));
    }

    [Fact]
    public void A_date_of_service_MUE_counts_each_date_separately()
    {
        Assert.Empty(Check(fixture, Line(1, "77053", "26", units: 2, dos: "2026-03-02"), Line(2, "77053", "26", units: 2, dos: "2026-03-03")).On(1, "mue."));
    }
}
