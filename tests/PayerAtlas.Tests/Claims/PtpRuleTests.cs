using PayerAtlas.Claims;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Tests.Ncci;
using static PayerAtlas.Tests.Claims.ClaimKit;

namespace PayerAtlas.Tests.Claims;

/// <summary>
/// NCCI procedure-to-procedure edits, as the NCCI Policy Manual (rev. 1/1/2026) states them: Introduction ("the Column One
/// code is eligible for payment, but the Column Two code is denied unless a clinically appropriate NCCI PTP-associated
/// modifier is allowed and reported") and chapter I, section E (modifier indicators 0/1/9; the associated modifiers;
/// 22, 76 and 77 never bypass an edit) and chapter IV, section I.17 (the modifier "may be appended to either column code").
/// Edits are the invented fixtures; the pairs follow the 77053/77054 family.
/// </summary>
[Collection(nameof(NcciCollection))]
public sealed class PtpRuleTests(NcciReleaseFixture fixture)
{
    [Fact]
    public void Chapter_I_E_indicator_0_several_ducts_with_single_duct_same_day_denies_the_column_2_code()
    {
        var findings = Check(fixture, Line(1, "77054", "26"), Line(2, "77053", "26"));
        var ptp = Assert.Single(findings.On(2, "ncci.ptp"));
        Assert.Equal((Severity.Deny, 1), (ptp.Severity, ptp.RelatedLine));
        Assert.Contains("column 2 code of NCCI PTP edit 77054/77053", ptp.Message, StringComparison.Ordinal);
        Assert.Contains("no modifier bypasses this edit", ptp.Fix, StringComparison.Ordinal);
        var row = ptp.Sources[0].Row!;
        Assert.Equal(("ncci/ccipra-v321r0-f2.txt", "2025Q4-ncci"), (row.File, row.Release));
        Assert.Equal(NcciFixtures.LineOf(NcciFixtures.PractitionerPtp2, "77054\t77053").ToString(), row.Row);
        Assert.Contains("chapter I, section E", ptp.Sources[1].Title, StringComparison.Ordinal);
        Assert.Empty(findings.On(1, "ncci.ptp")); // the column 1 code is eligible for payment
    }

    [Fact]
    public void Chapter_I_E_indicator_0_is_not_bypassed_by_XS_or_anatomic_modifiers()
    {
        var findings = Check(fixture, Line(1, "77054", "26:LT"), Line(2, "77053", "26:RT:XS"));
        Assert.Equal(Severity.Deny, Assert.Single(findings.On(2, "ncci.ptp")).Severity);
    }

    [Fact]
    public void The_injection_reported_with_the_ductogram_hits_no_edit()
    {
        // CPT pairs the injection (19030) with the imaging code: the fixture, like CMS, has no edit between them.
        var findings = Check(fixture, Line(1, "19030"), Line(2, "77053", "26"));
        Assert.DoesNotContain(findings, f => f.Rule.StartsWith("ncci", StringComparison.Ordinal));
    }

    [Fact]
    public void Chapter_I_E_indicator_1_without_a_modifier_denies_and_the_fix_names_the_X_modifiers()
    {
        var findings = Check(fixture, Line(1, "19030"), Line(2, "36000"));
        var ptp = Assert.Single(findings.On(2, "ncci.ptp"));
        Assert.Equal(Severity.Deny, ptp.Severity);
        Assert.Contains("allows an NCCI PTP-associated modifier but none is reported", ptp.Message, StringComparison.Ordinal);
        Assert.Contains("XE, XS, XP or XU", ptp.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Chapter_IV_I_the_modifier_may_be_on_either_column_code()
    {
        Assert.Equal("ncci.ptp-bypassed", Assert.Single(Check(fixture, Line(1, "19030", "XS"), Line(2, "96372")).On(2, "ncci.ptp")).Rule);
    }

    [Theory]
    [InlineData("XE")]
    [InlineData("59")]
    [InlineData("XU")]
    public void Chapter_I_E_indicator_1_with_an_associated_modifier_is_bypassed_and_says_documentation_must_support_it(string modifier)
    {
        var findings = Check(fixture, Line(1, "19030"), Line(2, "96372", modifier));
        var ptp = Assert.Single(findings.On(2, "ncci.ptp"));
        Assert.Equal((Severity.Info, "ncci.ptp-bypassed"), (ptp.Severity, ptp.Rule));
        Assert.Contains("documentation", ptp.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("76")]
    [InlineData("77")]
    [InlineData("22")]
    public void Chapter_I_E_modifiers_22_76_and_77_do_not_bypass_an_edit(string modifier)
    {
        var findings = Check(fixture, Line(1, "19030"), Line(2, "36000", modifier));
        var ptp = Assert.Single(findings.On(2, "ncci.ptp"));
        Assert.Equal((Severity.Deny, "ncci.ptp"), (ptp.Severity, ptp.Rule));
        Assert.Contains($"Modifier {modifier} does not bypass NCCI PTP edits", ptp.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Chapter_I_E_the_same_anatomic_modifier_on_both_lines_shows_one_site_not_two()
    {
        var findings = Check(fixture, Line(1, "27447", "RT"), Line(2, "20610", "RT"));
        Assert.Equal((Severity.Warning, "ncci.ptp-same-site"), (findings.On(2, "ncci.ptp")[0].Severity, findings.On(2, "ncci.ptp")[0].Rule));
        var otherKnee = Check(fixture, Line(1, "27447", "RT"), Line(2, "20610", "LT"));
        Assert.Equal("ncci.ptp-bypassed", Assert.Single(otherKnee.On(2, "ncci.ptp")).Rule);
        var oneSided = Assert.Single(Check(fixture, Line(1, "27447", "RT"), Line(2, "20610")).On(2, "ncci.ptp"));
        Assert.Equal("ncci.ptp-same-site", oneSided.Rule);
        Assert.Contains("only line 1 carries RT", oneSided.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Introduction_edits_apply_to_one_date_of_service_only()
    {
        var findings = Check(fixture, Line(1, "77054", "26", dos: "2026-03-02"), Line(2, "77053", "26", dos: "2026-03-03"));
        Assert.DoesNotContain(findings, f => f.Rule.StartsWith("ncci", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deleted_edit_applies_through_its_deletion_date_and_not_after()
    {
        Assert.True(Check(fixture, Line(1, "19030", dos: "2015-12-31"), Line(2, "76098", dos: "2015-12-31")).On(2, "ncci.ptp").Count == 1);
        Assert.Empty(Check(fixture, Line(1, "19030", dos: "2016-01-01"), Line(2, "76098", dos: "2016-01-01")).On(2, "ncci.ptp"));
    }

    [Fact]
    public void Chapter_I_E_an_edit_with_indicator_9_never_applies()
    {
        Assert.Empty(Check(fixture, Line(1, "19030", dos: "2020-01-01"), Line(2, "77002", "26", dos: "2020-01-01")).On(2, "ncci"));
    }

    [Fact]
    public void The_edit_in_effect_on_the_date_of_service_decides_the_indicator()
    {
        // 19083/19081: indicator 0 through 2018, indicator 1 since 2019.
        Assert.Equal(Severity.Deny, Check(fixture, Line(1, "19083", dos: "2018-06-01"), Line(2, "19081", "XS", dos: "2018-06-01")).On(2, "ncci")[0].Severity);
        Assert.Equal(Severity.Info, Check(fixture, Line(1, "19083", dos: "2026-06-01"), Line(2, "19081", "XS", dos: "2026-06-01")).On(2, "ncci")[0].Severity);
    }

    [Fact]
    public void The_outpatient_hospital_table_applies_to_hospital_lines()
    {
        // 96372/36000 is an edit only in the hospital fixture table.
        var hospital = Check(fixture, Line(1, "96372", pos: "22", setting: NcciSetting.OutpatientHospital), Line(2, "36000", pos: "22", setting: NcciSetting.OutpatientHospital));
        Assert.Equal("ccioph-v321r0-f1.txt", Path.GetFileName(Assert.Single(hospital.On(2, "ncci.ptp")).Sources[0].Row!.File));
        Assert.Empty(Check(fixture, Line(1, "96372"), Line(2, "36000")).On(2, "ncci.ptp"));
    }

    [Fact]
    public void Lines_of_different_claims_are_checked_apart_unless_they_name_one_patient()
    {
        Assert.Empty(Check(fixture, Line(1, "77054", "26", claim: "A"), Line(1, "77053", "26", claim: "B")).On(1, "ncci"));
        var samePatient = Check(fixture, Line(1, "77054", "26", claim: "A", patient: "P1"), Line(1, "77053", "26", claim: "B", patient: "P1"));
        Assert.Single(samePatient, f => f.ClaimId == "B" && f.Rule == "ncci.ptp");
    }
}
