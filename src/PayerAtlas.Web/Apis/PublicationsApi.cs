using Microsoft.AspNetCore.Http.HttpResults;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Apis;

/// <summary>/api/v1/publications/{code}: the publication's JSON contract, byte for byte what `payeratlas publish --format json` writes (compact).</summary>
public static class PublicationsApi
{
    public static RouteGroupBuilder MapPublicationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/publications/{code}", Get).WithTags("Publications").Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("The code's publication: sections, blocks, every fact with its source, every gap; localities=true adds each locality's amounts as facts");
        return api;
    }

    static Results<Bytes, ProblemHttpResult, ValidationProblem> Get(string code, string? localities, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        if (!Input.TryCode(code, out code, out var error))
        {
            return CodesApi.Invalid("code", error);
        }

        if (localities is not (null or "true" or "false" or "1" or "0"))
        {
            return CodesApi.Invalid("localities", $"localities '{Input.Clip(localities)}' must be true or false");
        }

        var all = localities is "true" or "1";
        var body = cache.Body(new CacheKey(r.Release.Id, "code.json", $"{code}|{all}"), () =>
        {
            var publication = atlas.Publication(r.Release, code, all);
            if (publication is null)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            new Rendering.Json.JsonRenderer(indented: false).Write(publication, buffer);
            return new CachedBody(buffer.ToArray(), CachedBody.Json);
        });
        return body is null ? CodesApi.NotFound($"code {code} is not in release {r.Release.Label}") : body.Result();
    }
}
