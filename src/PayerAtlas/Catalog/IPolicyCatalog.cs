using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Catalog;

/// <summary>What a payer policy says about one code, as the site lists it.</summary>
public sealed record PolicyRuleListing(string Code, string Stance, string? PriorAuthorization, string? Documentation);

/// <summary>A payer policy (a versioned document from outside: every string here is untrusted and is encoded wherever shown).</summary>
public sealed record PolicyListing
{
    /// <summary>URL-safe and stable within a release, e.g. "aetna-0584".</summary>
    public required string Id { get; init; }
    public required string Payer { get; init; }
    public required string Title { get; init; }
    public DateOnly? EffectiveDate { get; init; }
    /// <summary>The publisher's own document, when known.</summary>
    public string? Url { get; init; }
    public required SourceRef Source { get; init; }
    public IReadOnlyList<PolicyRuleListing> Rules { get; init; } = [];
}

/// <summary>A policy that is new, revised or retired in a release.</summary>
/// <param name="Change">"new", "revised" or "retired".</param>
public sealed record PolicyUpdate(PolicyListing Policy, string Change, DateOnly? Date);

/// <summary>
/// The payer policies of a release, as the web site and API read them. The policy importer's store adapter
/// implements this; until payer policies are imported there are none, and every page says so.
/// </summary>
public interface IPolicyCatalog
{
    IReadOnlyList<PolicyListing> Policies(ReleaseInfo release);

    /// <summary>Newest first.</summary>
    IReadOnlyList<PolicyUpdate> Updates(ReleaseInfo release);
}

/// <summary>The catalog of a store that holds no payer policies yet.</summary>
public sealed class NoPolicies : IPolicyCatalog
{
    public IReadOnlyList<PolicyListing> Policies(ReleaseInfo release) => [];

    public IReadOnlyList<PolicyUpdate> Updates(ReleaseInfo release) => [];
}
