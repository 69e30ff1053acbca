using PayerAtlas.Claims;
using PayerAtlas.Sources;
using PayerAtlas.Tests.Ncci;
using static PayerAtlas.Tests.Claims.ClaimKit;

namespace PayerAtlas.Tests.Claims;

/// <summary>Payer rules arrive through <see cref="IPayerRuleSource"/> (the policy store implements it); these use a fake.</summary>
[Collection(nameof(NcciCollection))]
public sealed class PayerPolicyRuleTests(NcciReleaseFixture fixture)
{
    sealed class Policies(params PayerRule[] rules) : IPayerRuleSource
    {
        public IReadOnlyList<PayerRule> For(string payer, string code, DateOnly dateOfService) =>
            [.. rules.Where(r => string.Equals(r.Payer, payer, StringComparison.OrdinalIgnoreCase) && code == "77054")];
    }

    static readonly PayerRule Aetna = new()
    {
        Payer = "Aetna",
        Policy = "Breast imaging (test policy)",
        Source = new SourceRef("policies/aetna-breast.pdf", "2025Q4-ncci", "page 3"),
        PriorAuthorization = true,
        PlacesOfService = ["19", "22"],
        RequiredModifiers = ["RT", "LT"],
        DeniedModifiers = ["50"],
    };

    [Fact]
    public void A_payer_requiring_prior_authorization_is_a_warning_citing_the_policy()
    {
        var findings = Check(fixture, new Policies(Aetna), Line(1, "77054", "26:LT", pos: "22", payer: "Aetna"));
        var finding = Assert.Single(findings.On(1, "payer."));
        Assert.Equal((Severity.Warning, "payer.prior-authorization"), (finding.Severity, finding.Rule));
        Assert.Equal(("policies/aetna-breast.pdf", "page 3"), (finding.Sources[0].Row!.File, finding.Sources[0].Row!.Row));
    }

    [Fact]
    public void Place_of_service_and_modifiers_outside_the_policy_are_denied()
    {
        var findings = Check(fixture, new Policies(Aetna), Line(1, "77054", "26:50", pos: "11", payer: "Aetna"));
        Assert.Equal(["payer.modifier-not-accepted", "payer.modifier-required", "payer.place-of-service"],
            findings.On(1, "payer.").Where(f => f.Severity == Severity.Deny).Select(f => f.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Another_payer_and_a_release_without_policies_add_nothing()
    {
        Assert.Empty(Check(fixture, new Policies(Aetna), Line(1, "77054", "26", pos: "11", payer: "Cigna")).On(1, "payer."));
        Assert.Empty(Check(fixture, Line(1, "77054", "26", pos: "11", payer: "Aetna")).On(1, "payer."));
    }
}
