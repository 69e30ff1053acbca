using PayerAtlas.Claims;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Tests.Ncci;
using static PayerAtlas.Tests.Claims.ClaimKit;

namespace PayerAtlas.Tests.Claims;

/// <summary>
/// Professional and technical components, from the PC/TC indicator of the real CMS 2025 fee schedule (RVU25D layout:
/// "Modifiers 26 and TC can be used" only with indicator 1; 26 but not TC with 6 and 8; indicator 5 is not paid for
/// hospital patients) and the NCCI Policy Manual, chapter IX, section D (procedural and supervision-and-interpretation
/// components billed by whoever performed each).
/// </summary>
[Collection(nameof(NcciCollection))]
public sealed class ComponentRuleTests(NcciReleaseFixture fixture)
{
    [Fact]
    public void An_indicator_1_study_billed_globally_for_a_hospital_outpatient_needs_26()
    {
        var finding = Assert.Single(Check(fixture, Line(1, "77054", pos: "22")).On(1, "pctc."));
        Assert.Equal((Severity.Deny, "pctc.global-in-facility"), (finding.Severity, finding.Rule));
        Assert.Contains("Append 26", finding.Fix, StringComparison.Ordinal);
        Assert.Equal("rvu25d/PPRRVU2025_Oct.csv", finding.Sources[0].Row!.File);
        Assert.Equal("8790", finding.Sources[0].Row!.Row); // 77054's global row in the real file
    }

    [Fact]
    public void The_same_study_with_26_in_the_hospital_or_global_in_the_office_passes()
    {
        Assert.DoesNotContain(Check(fixture, Line(1, "77054", "26", pos: "22")), f => f.Severity != Severity.Info);
        Assert.DoesNotContain(Check(fixture, Line(1, "77054", pos: "11")), f => f.Severity != Severity.Info);
    }

    [Fact]
    public void A_practitioner_billing_the_technical_component_for_a_hospital_patient_is_denied()
    {
        Assert.Equal("pctc.technical-in-facility", Assert.Single(Check(fixture, Line(1, "77053", "TC", pos: "21")).On(1, "pctc.")).Rule);
    }

    [Theory]
    [InlineData("99213", "26", "0")] // an office visit cannot be split
    [InlineData("93000", "26", "4")] // global-test-only ECG: its components have their own codes
    [InlineData("93010", "TC", "2")] // professional-only code
    [InlineData("85060", "TC", "8")] // physician interpretation code: no TC
    public void Component_modifiers_on_codes_that_cannot_be_split_are_invalid(string code, string modifier, string indicator)
    {
        var finding = Assert.Single(Check(fixture, Line(1, code, modifier)).On(1, "pctc."));
        Assert.Equal("pctc.modifier-not-allowed", finding.Rule);
        Assert.Contains($"PC/TC indicator {indicator}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_26_and_TC_on_one_line_is_invalid()
    {
        Assert.Equal("pctc.both-components", Assert.Single(Check(fixture, Line(1, "77054", "26:TC")).On(1, "pctc.")).Rule);
    }

    [Fact]
    public void An_incident_to_service_is_not_paid_to_the_practitioner_for_a_hospital_patient()
    {
        Assert.Equal("pctc.incident-to-in-hospital", Assert.Single(Check(fixture, Line(1, "96372", pos: "22")).On(1, "pctc.")).Rule);
    }

    [Fact]
    public void A_hospital_claim_does_not_carry_the_professional_component()
    {
        var finding = Assert.Single(Check(fixture, Line(1, "77054", "26", pos: "22", setting: NcciSetting.OutpatientHospital)).On(1, "pctc."));
        Assert.Equal("pctc.professional-on-hospital-claim", finding.Rule);
        Assert.Empty(Check(fixture, Line(1, "77054", pos: "22", setting: NcciSetting.OutpatientHospital)).On(1, "pctc."));
    }

    [Fact]
    public void A_setting_the_fee_schedule_marks_NA_is_a_warning()
    {
        // 27447 has no non-facility amount (NA): an office place of service is unexpected.
        var finding = Assert.Single(Check(fixture, Line(1, "27447", pos: "11")).On(1, "pos."));
        Assert.Equal((Severity.Warning, "pos.non-facility-na"), (finding.Severity, finding.Rule));
        Assert.Empty(Check(fixture, Line(1, "27447", pos: "21")).On(1, "pos."));
    }
}
