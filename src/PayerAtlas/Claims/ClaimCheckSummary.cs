namespace PayerAtlas.Claims;

/// <summary>Running totals of a claim check, updated as findings stream out.</summary>
public sealed class ClaimCheckSummary
{
    readonly Dictionary<string, long> byRule = new(StringComparer.Ordinal);
    readonly List<string> notices = [];

    public long Lines { get; private set; }
    public long Claims { get; private set; }
    public long DeniedLines { get; private set; }
    public long WarnedLines { get; private set; }
    public long InvalidLines { get; private set; }
    public long Findings { get; private set; }
    public TimeSpan Elapsed { get; internal set; }

    public IReadOnlyDictionary<string, long> ByRule => byRule;

    /// <summary>Checks that could not run, e.g. because the release has no MUE table.</summary>
    public IReadOnlyList<string> Notices => notices;

    public bool AnyDenied => DeniedLines > 0;

    public double LinesPerSecond => Lines / Math.Max(Elapsed.TotalSeconds, 1e-6);

    internal void AddNotice(string text)
    {
        if (!notices.Contains(text))
        {
            notices.Add(text);
        }
    }

    internal void Count(IReadOnlyList<ClaimLine> lines, IReadOnlyList<ClaimFinding> findings)
    {
        Lines += lines.Count;
        Claims += lines.Select(l => l.ClaimId).Distinct(StringComparer.Ordinal).Count();
        InvalidLines += lines.Count(l => l.Invalid is not null);
        Findings += findings.Count;
        foreach (var f in findings)
        {
            byRule[f.Rule] = byRule.GetValueOrDefault(f.Rule) + 1;
        }

        foreach (var line in findings.GroupBy(f => (f.ClaimId, f.Line, f.InputLine)))
        {
            var worst = line.Max(f => f.Severity);
            if (worst == Severity.Deny)
            {
                DeniedLines++;
            }
            else if (worst == Severity.Warning)
            {
                WarnedLines++;
            }
        }
    }
}
