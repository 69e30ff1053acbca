using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Store;

namespace PayerAtlas.Claims;

/// <summary>
/// The lines checked together: one claim, or one patient's lines when the input names patients. NCCI edits apply to
/// one beneficiary and one provider on one date of service.
/// </summary>
public sealed class ClaimGroup(IReadOnlyList<ClaimLine> lines, ICodingRules rules, ClaimCheckOptions options, Action<string> notice)
{
    public IReadOnlyList<ClaimLine> Lines => lines;

    public ICodingRules Rules => rules;

    public ClaimCheckOptions Options => options;

    /// <summary>Says once per run that a check could not run (its dataset is missing from the release).</summary>
    public void Notice(string text) => notice(text);

    public NcciSetting SettingOf(ClaimLine line) => line.Setting ?? options.DefaultSetting;

    /// <summary>The fee-schedule row for what the line bills: the 26 or TC row for a component, else the global row.</summary>
    public Stored<RvuRecord>? FeeRow(ClaimLine line)
    {
        var rows = rules.FeeSchedule(line.Code);
        return rows.FirstOrDefault(r => r.Record.Modifier == line.Component) ?? Primary(line.Code);
    }

    /// <summary>The row that carries the code's indicators: the global row, else the first one.</summary>
    public Stored<RvuRecord>? Primary(string code)
    {
        var rows = rules.FeeSchedule(code);
        return rows.FirstOrDefault(r => r.Record.Modifier.Length == 0) ?? rows.FirstOrDefault();
    }

    public IEnumerable<IGrouping<DateOnly, ClaimLine>> ByDate => lines.GroupBy(l => l.DateOfService);

    public ClaimFinding Finding(ClaimLine line, Severity severity, string rule, string message, string fix,
        IEnumerable<FindingSource> sources, ClaimLine? related = null) => new()
    {
        ClaimId = line.ClaimId,
        Line = line.Line,
        Code = line.Code,
        Severity = severity,
        Rule = rule,
        Message = message,
        Fix = fix,
        Sources = [.. sources],
        RelatedLine = related?.Line,
        InputLine = line.InputLine,
    };
}

/// <summary>One family of checks (PC/TC, PTP, MUE …). Rules only add findings; they never change lines.</summary>
public interface IClaimRule
{
    void Check(ClaimGroup group, List<ClaimFinding> findings);
}
