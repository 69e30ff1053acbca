using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Publishing;

/// <summary>A fact that differs between two releases' publications of one code.</summary>
/// <param name="Before">The earlier value, or null when the fact is new.</param>
/// <param name="After">The later value, or null when the fact is gone.</param>
public sealed record FactChange(string Id, string Label, string? Before, string? After, Fact? BeforeFact, Fact? AfterFact)
{
    public string Kind => Before is null ? "added" : After is null ? "removed" : "changed";
}

/// <summary>What changed for one code from one release to the next: facts added, removed or changed, and gaps filled or opened.</summary>
public sealed record PublicationChanges(
    string Code,
    string From,
    string To,
    bool InFrom,
    bool InTo,
    IReadOnlyList<FactChange> Facts,
    IReadOnlyList<Gap> GapsFilled,
    IReadOnlyList<Gap> GapsOpened)
{
    public bool IsEmpty => InFrom == InTo && Facts.Count == 0 && GapsFilled.Count == 0 && GapsOpened.Count == 0;
}

/// <summary>Compares two publications of a code fact by fact (ids are stable across releases; provenance is not compared, values are).</summary>
public static class PublicationDiff
{
    public static PublicationChanges Compare(string code, string from, string to, Publication? before, Publication? after)
    {
        var old = (before?.Facts ?? []).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var now = (after?.Facts ?? []).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var changes = new List<FactChange>();
        foreach (var f in after?.Facts ?? [])
        {
            if (!old.TryGetValue(f.Id, out var was))
            {
                changes.Add(new FactChange(f.Id, f.Label, null, f.Value, null, f));
            }
            else if (!string.Equals(was.Value, f.Value, StringComparison.Ordinal))
            {
                changes.Add(new FactChange(f.Id, f.Label, was.Value, f.Value, was, f));
            }
        }

        changes.AddRange((before?.Facts ?? []).Where(f => !now.ContainsKey(f.Id)).Select(f => new FactChange(f.Id, f.Label, f.Value, null, f, null)));

        var oldGaps = (before?.Gaps ?? []).Select(g => g.Fact).ToHashSet(StringComparer.Ordinal);
        var newGaps = (after?.Gaps ?? []).Select(g => g.Fact).ToHashSet(StringComparer.Ordinal);
        var filled = (before?.Gaps ?? []).Where(g => !newGaps.Contains(g.Fact) && after is not null).DistinctBy(g => g.Fact).ToList();
        var opened = (after?.Gaps ?? []).Where(g => !oldGaps.Contains(g.Fact) && before is not null).DistinctBy(g => g.Fact).ToList();
        return new PublicationChanges(code, from, to, before is not null, after is not null, changes, filled, opened);
    }
}
