using System.Globalization;
using PayerAtlas.Claims;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Tests.Ncci;

namespace PayerAtlas.Tests.Claims;

/// <summary>Builds claim lines tersely and checks them against the NCCI fixture release.</summary>
public static class ClaimKit
{
    public const string Dos = "2026-03-02";

    public static ClaimLine Line(int line, string code, string modifiers = "", decimal units = 1, string pos = "11", string dos = Dos,
        string claim = "C1", string payer = "Medicare", NcciSetting? setting = null, string? patient = null) => new()
    {
        ClaimId = claim,
        Line = line,
        DateOfService = DateOnly.ParseExact(dos, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Code = code,
        Modifiers = modifiers.Split(':', StringSplitOptions.RemoveEmptyEntries),
        Units = units,
        PlaceOfService = pos,
        Payer = payer,
        Setting = setting,
        Patient = patient,
        InputLine = line,
    };

    public static List<ClaimFinding> Check(NcciReleaseFixture fixture, params ClaimLine[] lines) => Check(fixture, null, lines);

    public static List<ClaimFinding> Check(NcciReleaseFixture fixture, IPayerRuleSource? payers, params ClaimLine[] lines)
    {
        using var reader = fixture.OpenReader();
        return new ClaimChecker(new ReleaseCodingRules(reader, payers)).Check(lines).ToList();
    }

    /// <summary>Findings of one rule id prefix ("ncci.ptp", "mue.", "pctc.") on one line.</summary>
    public static List<ClaimFinding> On(this List<ClaimFinding> findings, int line, string rule) =>
        findings.Where(f => f.Line == line && f.Rule.StartsWith(rule, StringComparison.Ordinal)).ToList();

    public static bool Denied(this List<ClaimFinding> findings, int line) => findings.Any(f => f.Line == line && f.Severity == Severity.Deny);
}
