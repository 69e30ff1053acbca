using PayerAtlas.Claims;
using PayerAtlas.Tests.Ncci;
using static PayerAtlas.Tests.Claims.ClaimKit;

namespace PayerAtlas.Tests.Claims;

/// <summary>
/// The global surgery rules as the NCCI Policy Manual, chapter I, section D summarises them (090: a same-day E&amp;M only
/// with 57 for the decision for surgery; 000/010: a same-day E&amp;M only with 25; postoperative E&amp;M included unless
/// unrelated, 24) and section E (58/78/79), with the real global days of the 2025 fee schedule (10040: 010; 27447: 090).
/// </summary>
[Collection(nameof(NcciCollection))]
public sealed class GlobalSurgeryRuleTests(NcciReleaseFixture fixture)
{
    [Fact]
    public void Chapter_I_D_a_visit_on_the_day_of_a_minor_procedure_needs_25()
    {
        var finding = Assert.Single(Check(fixture, Line(1, "10040"), Line(2, "99213")).On(2, "global."));
        Assert.Equal((Severity.Deny, "global.em-minor-procedure", 1), (finding.Severity, finding.Rule, finding.RelatedLine));
        Assert.Empty(Check(fixture, Line(1, "10040"), Line(2, "99213", "25")).On(2, "global."));
    }

    [Fact]
    public void Chapter_I_D_a_visit_on_the_day_of_or_before_major_surgery_needs_57()
    {
        Assert.Equal("global.em-major-surgery", Assert.Single(Check(fixture, Line(1, "27447", pos: "21"), Line(2, "99213", pos: "21")).On(2, "global.")).Rule);
        Assert.Single(Check(fixture, Line(1, "27447", pos: "21"), Line(2, "99213", dos: "2026-03-01")).On(2, "global."));
        Assert.Empty(Check(fixture, Line(1, "27447", pos: "21"), Line(2, "99213", "57", dos: "2026-03-01")).On(2, "global."));
    }

    [Fact]
    public void Chapter_I_D_postoperative_visits_are_included_unless_unrelated()
    {
        var finding = Assert.Single(Check(fixture, Line(1, "10040"), Line(2, "99213", dos: "2026-03-12")).On(2, "global."));
        Assert.Equal("global.em-postoperative", finding.Rule);
        Assert.Contains("day 10 of the 10-day postoperative period", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Check(fixture, Line(1, "10040"), Line(2, "99213", dos: "2026-03-13")).On(2, "global."));
        Assert.Empty(Check(fixture, Line(1, "10040"), Line(2, "99213", "24", dos: "2026-03-12")).On(2, "global."));
        Assert.Single(Check(fixture, Line(1, "27447", pos: "21"), Line(2, "99213", dos: "2026-05-31")).On(2, "global."));
    }

    [Fact]
    public void Chapter_I_E_another_procedure_in_the_postoperative_period_needs_58_78_or_79()
    {
        var finding = Assert.Single(Check(fixture, Line(1, "27447", "RT", pos: "21"), Line(2, "29881", "RT", pos: "22", dos: "2026-04-15")).On(2, "global."));
        Assert.Equal((Severity.Warning, "global.procedure-postoperative"), (finding.Severity, finding.Rule));
        Assert.Empty(Check(fixture, Line(1, "27447", "RT", pos: "21"), Line(2, "29881", "RT:79", pos: "22", dos: "2026-04-15")).On(2, "global."));
    }

    [Fact]
    public void Chapter_I_D_a_visit_the_same_day_as_a_procedure_with_its_own_work_wants_25()
    {
        var finding = Assert.Single(Check(fixture, Line(1, "77054", "26"), Line(2, "99213")).On(2, "global."));
        Assert.Equal((Severity.Warning, "global.em-same-day-procedure"), (finding.Severity, finding.Rule));
    }
}
