using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PayerAtlas.Claims;

/// <summary>
/// Checks claim lines against one release's rules and streams findings out claim by claim: lines are read once, a
/// claim's findings are yielded as soon as its last line has been read, and memory holds one claim at a time. The
/// lines of a claim (or of a patient, when the input names patients) must be contiguous; a line of an earlier,
/// finished claim is reported, not silently checked apart from its claim.
/// </summary>
public sealed class ClaimChecker(ICodingRules rules, ClaimCheckOptions? options = null)
{
    readonly ClaimCheckOptions options = options ?? new ClaimCheckOptions();

    public ClaimCheckSummary Summary { get; } = new();

    public IEnumerable<ClaimFinding> Check(IEnumerable<ClaimLine> lines)
    {
        var clock = Stopwatch.StartNew();
        var grouper = new Grouper(this);
        foreach (var line in lines)
        {
            foreach (var finding in grouper.Add(line))
            {
                Summary.Elapsed = clock.Elapsed;
                yield return finding;
            }
        }

        foreach (var finding in grouper.Complete())
        {
            yield return finding;
        }

        Summary.Elapsed = clock.Elapsed;
    }

    public async IAsyncEnumerable<ClaimFinding> CheckAsync(IAsyncEnumerable<ClaimLine> lines, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var grouper = new Grouper(this);
        await foreach (var line in lines.WithCancellation(cancellation).ConfigureAwait(false))
        {
            foreach (var finding in grouper.Add(line))
            {
                Summary.Elapsed = clock.Elapsed;
                yield return finding;
            }
        }

        foreach (var finding in grouper.Complete())
        {
            yield return finding;
        }

        Summary.Elapsed = clock.Elapsed;
    }

    /// <summary>Checks one claim (or one patient's lines) held in memory: the call a web endpoint makes.</summary>
    public IReadOnlyList<ClaimFinding> CheckGroup(IReadOnlyList<ClaimLine> lines)
    {
        var clock = Stopwatch.StartNew();
        var findings = Run(lines);
        Summary.Elapsed += clock.Elapsed;
        return findings;
    }

    List<ClaimFinding> Run(IReadOnlyList<ClaimLine> lines)
    {
        var findings = new List<ClaimFinding>();
        foreach (var bad in lines.Where(l => l.Invalid is not null))
        {
            findings.Add(Invalid(bad, "input.invalid", bad.Invalid!));
        }

        var valid = lines.Where(l => l.Invalid is null).ToList();
        if (valid.Count > 0)
        {
            var group = new ClaimGroup(valid, rules, options, Summary.AddNotice);
            foreach (var rule in options.Rules)
            {
                rule.Check(group, findings);
            }
        }

        var order = new Dictionary<(long, string, int), int>();
        for (var i = 0; i < lines.Count; i++)
        {
            order.TryAdd((lines[i].InputLine, lines[i].ClaimId, lines[i].Line), i);
        }

        var sorted = findings.Select((f, i) => (f, i))
            .OrderBy(x => order.GetValueOrDefault((x.f.InputLine, x.f.ClaimId, x.f.Line), int.MaxValue))
            .ThenByDescending(x => x.f.Severity)
            .ThenBy(x => x.i)
            .Select(x => x.f)
            .ToList();
        Summary.Count(lines, sorted);
        return sorted;
    }

    static ClaimFinding Invalid(ClaimLine line, string rule, string reason) => new()
    {
        ClaimId = line.ClaimId,
        Line = line.Line,
        Code = line.Code,
        Severity = Severity.Deny,
        Rule = rule,
        Message = reason,
        Fix = "Correct the input line; it was not checked.",
        Sources = [new FindingSource($"input line {line.InputLine}")],
        InputLine = line.InputLine,
    };

    /// <summary>Collects consecutive lines of one claim (or patient) and checks them when the next one starts.</summary>
    sealed class Grouper(ClaimChecker checker)
    {
        readonly List<ClaimLine> pending = [];
        readonly HashSet<ulong> finished = [];
        string? key;

        public IReadOnlyList<ClaimFinding> Add(ClaimLine line)
        {
            var lineKey = line.Patient ?? line.ClaimId;
            IReadOnlyList<ClaimFinding> flushed = [];
            if (key is not null && !string.Equals(key, lineKey, StringComparison.Ordinal))
            {
                flushed = Flush();
            }

            if (finished.Contains(Hash(lineKey)))
            {
                var what = line.Patient is null ? $"claim {line.ClaimId}" : $"patient {line.Patient}";
                var late = checker.Run([line with { Invalid = $"{what} already ended earlier in the input: the lines of one {(line.Patient is null ? "claim" : "patient")} must be contiguous" }]);
                return [.. flushed, .. late];
            }

            key = lineKey;
            pending.Add(line);
            return flushed;
        }

        public IReadOnlyList<ClaimFinding> Complete() => pending.Count == 0 ? [] : Flush();

        IReadOnlyList<ClaimFinding> Flush()
        {
            var findings = checker.Run(pending);
            finished.Add(Hash(key!));
            pending.Clear();
            key = null;
            return findings;
        }

        /// <summary>FNV-1a, 64 bits: remembering finished claims costs 8 bytes each, not the claim id.</summary>
        static ulong Hash(string text)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash;
        }
    }
}
