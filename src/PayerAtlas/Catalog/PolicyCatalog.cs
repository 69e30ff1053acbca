using PayerAtlas.Policies;
using PayerAtlas.Publishing.Sections;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Catalog;

/// <summary>What the newest version of a policy says about some codes, in words (for listing pages).</summary>
public sealed record PolicyRuleListing(IReadOnlyList<CodeRange> Codes, string Stance, string? PriorAuthorization, string? Criteria, string? Documentation, string Row)
{
    public string CodesText => string.Join(", ", Codes.Select(c => c.Display));
}

/// <summary>
/// A payer policy as the site lists it: its newest version in the release, with how many versions the release holds.
/// Titles, summaries and rules come from outside (payer documents, editors) and are encoded wherever shown.
/// </summary>
public sealed record PolicyListing
{
    /// <summary>URL-safe and stable across releases: payer key and policy number, e.g. "aetna-cpb-0584".</summary>
    public required string Id { get; init; }
    public required string Payer { get; init; }
    /// <summary>The payer's own number ("CPB 0584", "L33585").</summary>
    public required string Number { get; init; }
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public required string Version { get; init; }
    public required int Versions { get; init; }
    public DateOnly? Effective { get; init; }
    public string? Url { get; init; }
    public string? Summary { get; init; }
    public required string Origin { get; init; }
    public required SourceRef Source { get; init; }
    public required IReadOnlyList<PolicyRuleListing> Rules { get; init; }

    public bool Names(string code) => Rules.Any(r => r.Codes.Any(c => c.Contains(code)));
}

/// <summary>A change from one version of a policy to the next, as the updates page and feeds list it.</summary>
public sealed record PolicyUpdateListing(PolicyListing Policy, string FromVersion, string ToVersion, DateOnly? Date, IReadOnlyList<string> Changes, SourceRef Source);

/// <summary>The payer policies of one release, read once from the store: newest version of each, and the updates between versions.</summary>
public sealed class PolicyCatalog
{
    PolicyCatalog(IReadOnlyList<PolicyListing> policies, IReadOnlyList<PolicyUpdateListing> updates, IReadOnlyList<Stored<Policy>> versions)
    {
        Policies = policies;
        Updates = updates;
        Versions = versions;
    }

    public IReadOnlyList<PolicyListing> Policies { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<PolicyUpdateListing> Updates { get; }

    /// <summary>Every version the release holds, as imported (with citations).</summary>
    public IReadOnlyList<Stored<Policy>> Versions { get; }

    public PolicyListing? Find(string id) => Policies.FirstOrDefault(p => p.Id == id);

    public IReadOnlyList<Stored<Policy>> VersionsOf(PolicyListing listing) =>
        Versions.Where(v => Slug(v.Record.Payer, v.Record.Id.Value) == listing.Id).OrderBy(v => v.Record, PolicyHistory.VersionOrder).ToList();

    public static string Slug(string payer, string number) =>
        PayerCoverageWriter.PayerKey(payer) + "-" + string.Join('-', new string(number.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static PolicyCatalog Read(IReleaseReader reader)
    {
        var versions = reader.ListPolicies();
        var counts = versions.GroupBy(v => v.Record.Key).ToDictionary(g => g.Key, g => g.Count());
        var latest = PolicyHistory.Latest(versions, v => v.Record)
            .Select(v => Listing(v, counts[v.Record.Key], reader.Release.Label))
            .OrderBy(p => p.Payer, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Number, StringComparer.Ordinal)
            .ToList();
        var byId = latest.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var updates = reader.GetPolicyUpdates()
            .Select(u => (Update: u, Policy: byId.GetValueOrDefault(Slug(u.Record.Payer, u.Record.PolicyId))))
            .Where(x => x.Policy is not null)
            .Select(x => new PolicyUpdateListing(x.Policy!, x.Update.Record.FromVersion, x.Update.Record.ToVersion, x.Update.Record.Date,
                [.. x.Update.Record.Changes.Select(c => c.Describe())], x.Update.Source))
            .OrderByDescending(u => u.Date ?? DateOnly.MinValue).ThenBy(u => u.Policy.Id, StringComparer.Ordinal)
            .ToList();
        return new PolicyCatalog(latest, updates, versions);
    }

    static PolicyListing Listing(Stored<Policy> stored, int versions, string release)
    {
        var p = stored.Record;
        return new PolicyListing
        {
            Id = Slug(p.Payer, p.Id.Value),
            Payer = p.Payer,
            Number = p.Id.Value,
            Title = p.Title.Value,
            Kind = PolicyTerms.Words(p.Kind.Value),
            Version = p.Version.Value,
            Versions = versions,
            Effective = p.Effective?.Value,
            Url = p.SourceUrl?.Value,
            Summary = p.Summary?.Value,
            Origin = p.Origin.ToString(),
            Source = stored.Source with { Release = release, Row = p.Title.Row },
            Rules = [.. p.Rules.Select(r => new PolicyRuleListing(
                [.. r.Codes.Select(c => c.Value)],
                PolicyTerms.Words(r.StanceOrUnknown),
                r.PriorAuthorizationOrUnknown == PriorAuthorization.Unknown ? null : PolicyTerms.Words(r.PriorAuthorizationOrUnknown),
                r.Criteria.Count == 0 ? null : string.Join("; ", r.Criteria.Select(c => c.Value)),
                r.Documentation.Count == 0 ? null : string.Join("; ", r.Documentation.Select(d => d.Value)),
                r.Row))],
        };
    }
}
