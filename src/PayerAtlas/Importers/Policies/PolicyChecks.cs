using System.Globalization;
using PayerAtlas.Importing;
using PayerAtlas.Policies;

namespace PayerAtlas.Importers.Policies;

/// <summary>Checks across fields of one policy version, after each field has been read on its own.</summary>
public static class PolicyChecks
{
    /// <summary>
    /// Pairs of dates whose order follows from their meaning: a version cannot take effect before the policy first
    /// did, end before it starts, or be due for review before it was reviewed, revised or took effect.
    /// </summary>
    public static void DatesInOrder(Policy p, string file)
    {
        var pairs = new (string EarlyName, Cited<DateOnly>? Early, string LateName, Cited<DateOnly>? Late)[]
        {
            ("original_effective", p.OriginalEffective, "effective", p.Effective),
            ("original_effective", p.OriginalEffective, "revised", p.Revised),
            ("original_effective", p.OriginalEffective, "last_reviewed", p.LastReviewed),
            ("effective", p.Effective, "ended", p.Ended),
            ("effective", p.Effective, "next_review", p.NextReview),
            ("revised", p.Revised, "next_review", p.NextReview),
            ("last_reviewed", p.LastReviewed, "next_review", p.NextReview),
        };

        foreach (var (earlyName, early, lateName, late) in pairs)
        {
            if (early is null || late is null)
            {
                continue;
            }

            // An end or a next review on the very day of the start is as wrong as one before it.
            var strict = lateName is "ended" or "next_review";
            if (late.Value < early.Value || strict && late.Value == early.Value)
            {
                throw new ImportException(file, Line(late.Row), 0,
                    $"dates out of order: {lateName} {Iso(late.Value)} (line {late.Row}) must be after {earlyName} {Iso(early.Value)} (line {early.Row})");
            }
        }
    }

    /// <summary>Two rules may both name a code (a range and an exception), but not with different stances or prior-authorization answers.</summary>
    public static void OneStancePerCode(Policy p, string file)
    {
        var stances = new Dictionary<string, (Cited<Stance> Stance, PolicyRule Rule)>(StringComparer.Ordinal);
        var authorizations = new Dictionary<string, (Cited<PriorAuthorization> Value, PolicyRule Rule)>(StringComparer.Ordinal);
        foreach (var rule in p.Rules)
        {
            foreach (var code in rule.Codes.SelectMany(c => c.Value.Expand()))
            {
                if (rule.Stance is { Value: not Stance.Unknown } stance)
                {
                    if (stances.TryGetValue(code, out var first) && first.Stance.Value != stance.Value)
                    {
                        throw new ImportException(file, Line(stance.Row), 0,
                            $"code {code} is {PolicyTerms.Name(stance.Value)} here but {PolicyTerms.Name(first.Stance.Value)} in the rule on line {first.Rule.Row}: one stance per code");
                    }

                    stances.TryAdd(code, (stance, rule));
                }

                if (rule.PriorAuthorization is { Value: not PriorAuthorization.Unknown } pa)
                {
                    if (authorizations.TryGetValue(code, out var first) && first.Value.Value != pa.Value)
                    {
                        throw new ImportException(file, Line(pa.Row), 0,
                            $"code {code} has prior_authorization {PolicyTerms.Name(pa.Value)} here but {PolicyTerms.Name(first.Value.Value)} in the rule on line {first.Rule.Row}");
                    }

                    authorizations.TryAdd(code, (pa, rule));
                }
            }
        }
    }

    static long Line(string row) => long.TryParse(row, NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 0;

    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
