using PayerAtlas.Catalog;
using PayerAtlas.Publishing.Sections;
using PayerAtlas.Store;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>A payer the site has a page for: every key payer of the publications, and every payer with a policy.</summary>
public sealed record PayerEntry(string Id, string Name, IReadOnlyList<PolicyListing> Policies);

public static class Payers
{
    public static IReadOnlyList<PayerEntry> All(Atlas atlas, ReleaseInfo release)
    {
        var policies = atlas.Policies(release).Policies;
        var names = atlas.KeyPayers.Concat(policies.Select(p => p.Payer)).Distinct(StringComparer.OrdinalIgnoreCase);
        return names.Select(n => new PayerEntry(PayerCoverageWriter.PayerKey(n), n,
                policies.Where(p => string.Equals(p.Payer, n, StringComparison.OrdinalIgnoreCase)).ToList()))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static PayerEntry? Find(Atlas atlas, ReleaseInfo release, string id) =>
        All(atlas, release).FirstOrDefault(p => p.Id == id);

    /// <summary>Payers whose name holds every word of the query (the search page and suggestions).</summary>
    public static IReadOnlyList<PayerEntry> Matching(Atlas atlas, ReleaseInfo release, IReadOnlyList<string> words, bool prefix) =>
        All(atlas, release).Where(p =>
        {
            var tokens = p.Name.ToLowerInvariant().Split([' ', '-', '/', '&', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
            return words.Select((w, i) => prefix && i == words.Count - 1
                    ? tokens.Any(t => t.StartsWith(w, StringComparison.Ordinal))
                    : tokens.Contains(w, StringComparer.Ordinal) || PayerCoverageWriter.PayerKey(p.Name) == w)
                .All(x => x);
        }).ToList();

    public static bool ValidId(string id) => id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
