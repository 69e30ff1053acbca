using Microsoft.AspNetCore.Mvc;
using PayerAtlas.Claims;
using PayerAtlas.Claims.Output;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Apis;

/// <summary>
/// POST /api/v1/claims/check: claim lines in (a JSON array or JSON Lines, the check command's fields), findings and a
/// summary out, streamed both ways so a large batch never sits in memory. Read-only and idempotent, so it is public.
/// </summary>
public static class ClaimsApi
{
    const long MaxBody = 256L << 20;

    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/claims/check", Check).WithTags("Claims")
            .WithSummary("Check claim lines against NCCI PTP edits, MUEs, PC/TC, status and global-surgery rules; setting=practitioner|outpatient-hospital|dme for lines without one")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBody));
        return api;
    }

    static async Task<IResult> Check(HttpContext context, string? setting, string? release, Atlas atlas)
    {
        var type = context.Request.ContentType ?? "";
        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return Errors.Problem(StatusCodes.Status415UnsupportedMediaType, $"send claim lines as application/json (an array) or application/x-ndjson (one line per row), not '{Input.Clip(type)}'");
        }

        var parsed = NcciSettings.Parse(setting ?? "practitioner");
        if (parsed is null)
        {
            return CodesApi.Invalid("setting", $"setting '{Input.Clip(setting)}' must be practitioner, outpatient-hospital or dme");
        }

        var rel = release is null ? atlas.Current : atlas.Find(release);
        if (rel is null)
        {
            return Errors.Problem(StatusCodes.Status404NotFound, release is null ? "the database has no release yet" : $"there is no release '{Input.Clip(release)}'");
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = CachedBody.Json;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-PayerAtlas-Release"] = rel.Label;
        using var lease = atlas.Read(rel);
        await ClaimCheckJson.CheckAsync(lease.Reader, context.Request.Body, context.Response.Body,
            new ClaimCheckOptions { DefaultSetting = parsed.Value }, cancellation: context.RequestAborted).ConfigureAwait(false);
        return Results.Empty;
    }
}
