using System.Globalization;

namespace PayerAtlas.Policies;

/// <summary>Orders the versions of each policy and derives its updates. Pure: the same versions give the same history.</summary>
public static class PolicyHistory
{
    /// <summary>
    /// Oldest first: by version date (effective, else revised, else last reviewed), then by the version label read
    /// numerically where it is a number ("2" before "10"). Undated versions sort first, by label.
    /// </summary>
    public static IComparer<Policy> VersionOrder { get; } = Comparer<Policy>.Create((a, b) =>
    {
        var byDate = Nullable.Compare(a.VersionDate, b.VersionDate);
        return byDate != 0 ? byDate : CompareLabels(a.Version.Value, b.Version.Value);
    });

    static int CompareLabels(string a, string b)
    {
        var na = decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x);
        var nb = decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y);
        return na && nb ? x.CompareTo(y) : string.CompareOrdinal(a, b);
    }

    /// <summary>The newest version of each policy among <paramref name="versions"/>.</summary>
    public static IReadOnlyList<T> Latest<T>(IEnumerable<T> versions, Func<T, Policy> policy) =>
        versions.GroupBy(v => policy(v).Key)
            .Select(g => g.OrderBy(policy, VersionOrder).Last())
            .ToList();

    /// <summary>One update per consecutive pair of versions of each policy; pairs with no difference are left out.</summary>
    public static IReadOnlyList<PolicyUpdate> Updates(IEnumerable<Policy> versions)
    {
        var updates = new List<PolicyUpdate>();
        foreach (var group in versions.GroupBy(v => v.Key).OrderBy(g => g.Key.Payer, StringComparer.Ordinal).ThenBy(g => g.Key.Id, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(v => v, VersionOrder).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (before, after) = (ordered[i - 1], ordered[i]);
                var changes = PolicyDiff.Compare(before, after);
                if (changes.Count == 0)
                {
                    continue;
                }

                updates.Add(new PolicyUpdate
                {
                    Payer = after.Payer,
                    PolicyId = after.Id.Value,
                    Title = after.Title.Value,
                    FromVersion = before.Version.Value,
                    ToVersion = after.Version.Value,
                    Date = after.VersionDate,
                    File = after.File,
                    Row = after.Version.Row,
                    Changes = changes,
                });
            }
        }

        return updates;
    }
}
