using PayerAtlas.Claims;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Tests.Ncci;
using static PayerAtlas.Tests.Claims.ClaimKit;

namespace PayerAtlas.Tests.Claims;

[Collection(nameof(NcciCollection))]
public sealed class ClaimCheckerTests(NcciReleaseFixture fixture)
{
    [Fact]
    public void Findings_stream_out_claim_by_claim_before_the_input_ends()
    {
        using var reader = fixture.OpenReader();
        var checker = new ClaimChecker(new ReleaseCodingRules(reader));
        var read = 0;
        IEnumerable<ClaimLine> Lines()
        {
            read++;
            yield return Line(1, "77054", "26", claim: "A");
            read++;
            yield return Line(2, "77053", "26", claim: "A");
            read++;
            yield return Line(1, "99213", claim: "B");
            throw new InvalidOperationException("the checker read past the line that closed claim A before yielding its findings");
        }

        using var findings = checker.Check(Lines()).GetEnumerator();
        Assert.True(findings.MoveNext());
        Assert.Equal(("A", "ncci.ptp"), (findings.Current.ClaimId, findings.Current.Rule));
        Assert.Equal(3, read);
    }

    [Fact]
    public void A_line_of_a_claim_that_already_ended_is_reported_not_checked_apart()
    {
        var findings = Check(fixture, Line(1, "77054", "26", claim: "A"), Line(1, "99213", claim: "B"), Line(2, "77053", "26", claim: "A"));
        var late = Assert.Single(findings, f => f.Rule == "input.invalid");
        Assert.Equal(("A", 2), (late.ClaimId, late.Line));
        Assert.Contains("claim A already ended earlier in the input", late.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Rule == "ncci.ptp");
    }

    [Fact]
    public void The_summary_counts_lines_claims_denials_and_rules()
    {
        using var reader = fixture.OpenReader();
        var checker = new ClaimChecker(new ReleaseCodingRules(reader));
        var findings = checker.Check([Line(1, "77054", "26", claim: "A"), Line(2, "77053", "26", claim: "A"), Line(1, "77054", "26", claim: "B"),
            Line(1, "99213", claim: "C") with { Invalid = "date_of_service 'x' is not a date" }]).ToList();
        var s = checker.Summary;
        Assert.Equal((4L, 3L, 2L, 1L), (s.Lines, s.Claims, s.DeniedLines, s.InvalidLines));
        Assert.Equal(findings.Count, s.Findings);
        Assert.Equal(1, s.ByRule["ncci.ptp"]);
        Assert.True(s.AnyDenied);
    }

    [Fact]
    public void Findings_of_a_line_are_listed_in_line_order_worst_first()
    {
        var findings = Check(fixture, Line(1, "19030"), Line(2, "36000"));
        Assert.All(findings, f => Assert.Equal(2, f.Line));
        Assert.Equal(["status.bundled", "ncci.ptp"], findings.Select(f => f.Rule));
    }

    [Fact]
    public void A_release_without_ncci_tables_says_which_checks_did_not_run()
    {
        using var reader = fixture.Store.OpenReader(fixture.Cms);
        var checker = new ClaimChecker(new ReleaseCodingRules(reader));
        var findings = checker.Check([Line(1, "77054", "26"), Line(2, "77053", "26")]).ToList();
        Assert.DoesNotContain(findings, f => f.Rule.StartsWith("ncci", StringComparison.Ordinal));
        Assert.Contains(checker.Summary.Notices, n => n.Contains("no practitioner PTP table", StringComparison.Ordinal));
        Assert.Contains(checker.Summary.Notices, n => n.Contains("no practitioner MUE table", StringComparison.Ordinal));
    }

    [Fact]
    public void A_preloaded_ptp_index_finds_exactly_what_the_per_pair_queries_find()
    {
        using var reader = fixture.OpenReader();
        var queried = new ReleaseCodingRules(reader);
        var preloaded = new ReleaseCodingRules(reader, preloadPtp: true);
        var edits = reader.ReadPtpEdits(NcciSetting.Practitioner).Select(e => (e.Record.Column1, e.Record.Column2)).Distinct().ToList();
        Assert.NotEmpty(edits);
        foreach (var (a, b) in edits.Append(("77053", "77054")).Append(("99999", "77053")))
        {
            Assert.Equal(queried.PtpPair(a, b, NcciSetting.Practitioner), preloaded.PtpPair(a, b, NcciSetting.Practitioner));
        }
    }

    [Fact]
    public async Task The_async_check_gives_the_same_findings_as_the_sync_one()
    {
        ClaimLine[] lines = [Line(1, "77054", pos: "22"), Line(2, "77053", "26", units: 3, pos: "22")];
        using var reader = fixture.OpenReader();
        var sync = new ClaimChecker(new ReleaseCodingRules(reader)).Check(lines).ToList();
        var found = new List<ClaimFinding>();
        await foreach (var f in new ClaimChecker(new ReleaseCodingRules(reader)).CheckAsync(lines.ToAsyncEnumerable()))
        {
            found.Add(f);
        }

        static string Text(ClaimFinding f) => $"{f.ClaimId}|{f.Line}|{f.Rule}|{f.Severity}|{f.Message}|{f.Fix}|{string.Join(';', f.Sources)}";
        Assert.Equal(sync.Select(Text), found.Select(Text));
        Assert.NotEmpty(found);
    }
}
