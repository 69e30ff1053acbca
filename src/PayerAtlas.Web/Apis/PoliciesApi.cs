using Microsoft.AspNetCore.Http.HttpResults;
using PayerAtlas.Catalog;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Apis;

/// <summary>/api/v1/policies and /api/v1/policy-updates: payer policies of the release, filterable by payer and code.</summary>
/// <summary>A policy: its newest version as listed, every version the release holds (with citations), and the changes between them.</summary>
public sealed record PolicyDetail(PolicyListing Policy, IReadOnlyList<PayerAtlas.Store.Stored<PayerAtlas.Policies.Policy>> Versions, IReadOnlyList<PolicyUpdateListing> Updates);

public static class PoliciesApi
{
    public static RouteGroupBuilder MapPoliciesApi(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("").WithTags("Policies");
        policies.MapGet("/policies", List).WithSummary("Payer policies, optionally of one payer (id) or about one code, paginated");
        policies.MapGet("/policies/{id}", Get).WithSummary("One policy with what it says per code");
        policies.MapGet("/policy-updates", Updates).WithSummary("Policies new, revised or retired in the release, newest first, paginated (also /updates.rss and /updates.atom)");
        return api;
    }

    static Results<Ok<Paged<PolicyListing>>, ValidationProblem> List(string? payer, string? code, string? page, string? pageSize, ResolvedRelease r, Atlas atlas)
    {
        if (!Input.TryPaging(page, pageSize, 20, 100, out var p, out var size, out var error))
        {
            return CodesApi.Invalid("page", error);
        }

        if (payer is not null && !Payers.ValidId(payer))
        {
            return CodesApi.Invalid("payer", $"'{Input.Clip(payer)}' is not a payer id: lower-case letters, digits and hyphens, e.g. aetna");
        }

        string? wanted = null;
        if (code is not null && !Input.TryCode(code, out wanted, out error))
        {
            return CodesApi.Invalid("code", error);
        }

        var all = atlas.Policies(r.Release).Policies
            .Where(x => payer is null || Publishing.Sections.PayerCoverageWriter.PayerKey(x.Payer) == payer)
            .Where(x => wanted is null || x.Names(wanted))
            .ToList();
        var query = string.Join('&', new[] { payer is null ? null : "payer=" + payer, wanted is null ? null : "code=" + wanted }.Where(x => x is not null));
        return TypedResults.Ok(Links.Page<PolicyListing>(all.Skip((p - 1) * size).Take(size).ToList(), p, size, all.Count, "/api/v1/policies" + (query.Length > 0 ? "?" + query : "")));
    }

    static Results<Ok<PolicyDetail>, ProblemHttpResult, ValidationProblem> Get(string id, ResolvedRelease r, Atlas atlas)
    {
        if (!Payers.ValidId(id))
        {
            return CodesApi.Invalid("id", $"'{Input.Clip(id)}' is not a policy id: lower-case letters, digits and hyphens");
        }

        var catalog = atlas.Policies(r.Release);
        var policy = catalog.Find(id);
        return policy is null
            ? CodesApi.NotFound($"there is no policy '{id}' in release {r.Release.Label}")
            : TypedResults.Ok(new PolicyDetail(policy, catalog.VersionsOf(policy), catalog.Updates.Where(u => u.Policy.Id == id).ToList()));
    }

    static Results<Ok<Paged<PolicyUpdateListing>>, ValidationProblem> Updates(string? page, string? pageSize, ResolvedRelease r, Atlas atlas)
    {
        if (!Input.TryPaging(page, pageSize, 20, 100, out var p, out var size, out var error))
        {
            return CodesApi.Invalid("page", error);
        }

        var all = atlas.Policies(r.Release).Updates;
        return TypedResults.Ok(Links.Page<PolicyUpdateListing>(all.Skip((p - 1) * size).Take(size).ToList(), p, size, all.Count, "/api/v1/policy-updates"));
    }
}
