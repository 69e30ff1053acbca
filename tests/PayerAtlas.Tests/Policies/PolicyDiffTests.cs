using PayerAtlas.Policies;

namespace PayerAtlas.Tests.Policies;

public class PolicyDiffTests
{
    static Policy Fixture(string name) => PolicyYamlReaderTests.ReadFile(RepoPaths.Fixture("Policies", name));

    [Fact]
    public void Two_versions_give_the_exact_change_list()
    {
        var changes = PolicyDiff.Compare(Fixture("example-v1.yaml"), Fixture("example-v2.yaml"));

        Assert.Equal(
        [
            new PolicyChange("source_url", null, "https://example.org/policies/ehp-rad-12-2024.html", "https://example.org/policies/ehp-rad-12-2025.html"),
            new PolicyChange("effective", null, "2024-01-01", "2025-01-01"),
            new PolicyChange("next_review", null, "2025-01-01", "2026-01-01"),
            new PolicyChange("code_added", new CodeRange("77053", "77054"), null, null),
            new PolicyChange("code_removed", CodeRange.Single("77067"), null, null),
            new PolicyChange("stance", new CodeRange("77065", "77066"), "covered", "covered_with_criteria"),
            new PolicyChange("prior_authorization", new CodeRange("77046", "77049"), "not_required", "required"),
            new PolicyChange("documentation_added", new CodeRange("77065", "77066"), null, "Prior imaging results"),
        ], changes);
        Assert.Equal("77065–77066: stance covered → covered_with_criteria", changes[5].Describe());
    }

    [Fact]
    public void Going_back_reverses_every_change()
    {
        var changes = PolicyDiff.Compare(Fixture("example-v2.yaml"), Fixture("example-v1.yaml"));
        Assert.Contains(new PolicyChange("code_removed", new CodeRange("77053", "77054"), null, null), changes);
        Assert.Contains(new PolicyChange("code_added", CodeRange.Single("77067"), null, null), changes);
        Assert.Contains(new PolicyChange("documentation_removed", new CodeRange("77065", "77066"), "Prior imaging results", null), changes);
    }

    [Fact]
    public void A_version_compared_with_itself_has_no_changes() =>
        Assert.Empty(PolicyDiff.Compare(Fixture("example-v1.yaml"), Fixture("example-v1.yaml")));

    [Fact]
    public void History_orders_versions_by_date_whatever_the_import_order()
    {
        var v1 = Fixture("example-v1.yaml");
        var v2 = Fixture("example-v2.yaml");
        var update = Assert.Single(PolicyHistory.Updates([v2, v1]));
        Assert.Equal(("2024.1", "2025.1", new DateOnly(2025, 1, 1)), (update.FromVersion, update.ToVersion, update.Date));
        Assert.True(update.Touches("77054"));
        Assert.False(update.Touches("99213"));
        Assert.Same(v2, Assert.Single(PolicyHistory.Latest([v2, v1], p => p)));
    }
}
