using Microsoft.AspNetCore.Http.HttpResults;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Apis;

/// <summary>/api/v1/payers: the key payers of the publications and every payer with a policy in the release.</summary>
public static class PayersApi
{
    public static RouteGroupBuilder MapPayersApi(this RouteGroupBuilder api)
    {
        var payers = api.MapGroup("/payers").WithTags("Payers");
        payers.MapGet("", (ResolvedRelease r, Atlas atlas) => TypedResults.Ok(
            Payers.All(atlas, r.Release).Select(p => new PayerSummary(p.Id, p.Name, p.Policies.Count, $"/api/v1/payers/{p.Id}")).ToList()))
            .WithSummary("Every payer with its number of policies in the release");
        payers.MapGet("/{id}", Get).WithSummary("One payer with its policies; gaps name what the release lacks");
        return api;
    }

    static Results<Ok<PayerDetail>, ProblemHttpResult, ValidationProblem> Get(string id, ResolvedRelease r, Atlas atlas)
    {
        if (!Payers.ValidId(id))
        {
            return CodesApi.Invalid("id", $"'{Input.Clip(id)}' is not a payer id: lower-case letters, digits and hyphens, e.g. aetna");
        }

        var payer = Payers.Find(atlas, r.Release, id);
        if (payer is null)
        {
            return CodesApi.NotFound($"there is no payer '{id}' in release {r.Release.Label}");
        }

        IReadOnlyList<string> gaps = payer.Policies.Count == 0 ? [$"{payer.Name} policies: {Publishing.Model.Gap.NotAvailable}"] : [];
        return TypedResults.Ok(new PayerDetail(payer.Id, payer.Name, r.Release.Label, payer.Policies, gaps));
    }
}
