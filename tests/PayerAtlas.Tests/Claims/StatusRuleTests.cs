using PayerAtlas.Claims;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Tests.Ncci;
using static PayerAtlas.Tests.Claims.ClaimKit;

namespace PayerAtlas.Tests.Claims;

/// <summary>The fee schedule's status codes as the RVU25D layout defines them, read from the real CMS 2025 file.</summary>
[Collection(nameof(NcciCollection))]
public sealed class StatusRuleTests(NcciReleaseFixture fixture)
{
    [Theory]
    [InlineData("36000", "status.bundled", Severity.Deny)]        // B: always bundled
    [InlineData("97010", "status.bundled", Severity.Deny)]        // B
    [InlineData("0001F", "status.not-valid-for-medicare", Severity.Deny)] // I
    [InlineData("G0008", "status.excluded", Severity.Deny)]       // X
    public void Status_codes_without_separate_payment_deny_the_line(string code, string rule, Severity severity)
    {
        var finding = Assert.Single(Check(fixture, Line(1, code)).On(1, "status."));
        Assert.Equal((rule, severity), (finding.Rule, finding.Severity));
        Assert.Contains("status code", finding.Sources[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_T_injection_is_bundled_when_another_payable_service_is_billed_that_day()
    {
        // 36591 (status T) with an office visit the same day: bundled. Alone: paid.
        var finding = Assert.Single(Check(fixture, Line(1, "99213"), Line(2, "36591")).On(2, "status."));
        Assert.Equal("status.injection-bundled", finding.Rule);
        Assert.Equal(1, finding.RelatedLine);
        Assert.Empty(Check(fixture, Line(2, "36591")).On(2, "status."));
        Assert.Empty(Check(fixture, Line(1, "99213", dos: "2026-03-01"), Line(2, "36591")).On(2, "status."));
    }

    [Fact]
    public void Status_rules_are_for_practitioner_claims_only()
    {
        Assert.Empty(Check(fixture, Line(1, "36000", pos: "22", setting: NcciSetting.OutpatientHospital)).On(1, "status."));
    }

    [Fact]
    public void A_code_the_release_does_not_know_is_a_warning_and_a_malformed_one_is_denied()
    {
        Assert.Equal((Severity.Warning, "code.unknown"), (Check(fixture, Line(1, "0000Z")).Single().Severity, Check(fixture, Line(1, "0000Z")).Single().Rule));
        Assert.Equal("code.invalid", Assert.Single(Check(fixture, Line(1, "7705"))).Rule);
        Assert.Equal("units.invalid", Assert.Single(Check(fixture, Line(1, "77054", "26", units: 0)).On(1, "units")).Rule);
    }
}
