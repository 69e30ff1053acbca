using Microsoft.AspNetCore.Http.HttpResults;
using PayerAtlas.Search;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Apis;

/// <summary>/api/v1/codes: search (full-text, paginated), suggestions as you type, one code, and its changes across releases.</summary>
public static class CodesApi
{
    public static RouteGroupBuilder MapCodesApi(this RouteGroupBuilder api)
    {
        var codes = api.MapGroup("/codes").WithTags("Codes");
        codes.MapGet("", Search).WithSummary("Search codes by code, descriptor words, editorial title or plain description; without q, every code in order");
        codes.MapGet("/suggest", Suggest).WithSummary("Up to 8 codes and payers for a partial query, for as-you-type search boxes");
        codes.MapGet("/{code}", Get).WithSummary("One code: title, fee-schedule rows and HCPCS descriptor with their sources");
        codes.MapGet("/{code}/changes", Changes).WithSummary("What changed in the code's publication from each release to the next");
        return api;
    }

    static Results<Ok<Paged<CodeHit>>, ValidationProblem> Search(string? q, string? page, string? pageSize, ResolvedRelease r, Atlas atlas)
    {
        if (!Input.TryPaging(page, pageSize, 20, 100, out var p, out var size, out var error))
        {
            return Invalid("page", error);
        }

        SearchTerms? terms = null;
        if (q is not null && !SearchTerms.TryParse(q, prefix: true, out terms, out error))
        {
            return Invalid("q", error);
        }

        using var lease = atlas.Read(r.Release);
        var found = lease.Reader.Search(terms, (p - 1) * size, size);
        var items = found.Hits.Select(h => new CodeHit(h.Code, BillingCodes.System(h.Code), h.Title, h.PlainSnippet, Links.For(h.Code))).ToList();
        var basePath = "/api/v1/codes" + (q is null ? "" : "?q=" + Uri.EscapeDataString(q));
        return TypedResults.Ok(Links.Page<CodeHit>(items, p, size, found.Total, basePath));
    }

    static Results<Ok<Suggestions>, ValidationProblem> Suggest(string? q, ResolvedRelease r, Atlas atlas)
    {
        if (!SearchTerms.TryParse(q, prefix: true, out var terms, out var error))
        {
            return Invalid("q", error);
        }

        var items = new List<Suggestion>();
        using (var lease = atlas.Read(r.Release))
        {
            items.AddRange(lease.Reader.Search(terms, 0, 8).Hits.Select(h => new Suggestion("code", h.Title, $"/codes/{h.Code}", h.Code)));
        }

        items.AddRange(Payers.Matching(atlas, r.Release, terms.Words, prefix: true).Take(3).Select(p => new Suggestion("payer", p.Name, $"/payers/{p.Id}", null)));
        return TypedResults.Ok(new Suggestions(terms.Text, items));
    }

    static Results<Ok<CodeDetail>, ProblemHttpResult, ValidationProblem> Get(string code, ResolvedRelease r, Atlas atlas)
    {
        if (!Input.TryCode(code, out code, out var error))
        {
            return Invalid("code", error);
        }

        var publication = atlas.Publication(r.Release, code);
        if (publication is null)
        {
            return NotFound($"code {code} is not in release {r.Release.Label}");
        }

        using var lease = atlas.Read(r.Release);
        var rows = lease.Reader.GetFeeSchedule(code).Select(f => new FeeScheduleRow(f.Record.Modifier, f.Record.Description, f.Record.StatusCode, f.Record.PcTcIndicator, f.Record.GlobalDays, f.Source)).ToList();
        var hcpcs = lease.Reader.GetHcpcs(code) is { } h ? new HcpcsDescriptor(h.Record.LongDescription, h.Record.ShortDescription, h.Source) : null;
        return TypedResults.Ok(new CodeDetail(code, BillingCodes.System(code), publication.Title, r.Release.Label, rows, hcpcs,
            lease.Reader.GetEditorial(code) is not null, Links.For(code)));
    }

    static Results<Ok<IReadOnlyList<Publishing.PublicationChanges>>, ProblemHttpResult, ValidationProblem> Changes(string code, Atlas atlas)
    {
        if (!Input.TryCode(code, out code, out var error))
        {
            return Invalid("code", error);
        }

        var changes = Pages.CodeHistoryPage.Changes(atlas, code, atlas.Releases);
        return changes is null ? NotFound($"code {code} is in no release of this database") : TypedResults.Ok(changes);
    }

    internal static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] }, detail: error);

    /// <summary>A 404 as problem details (application/problem+json) that says what was not found.</summary>
    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
