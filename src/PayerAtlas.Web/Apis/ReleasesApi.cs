using Microsoft.AspNetCore.Http.HttpResults;
using PayerAtlas.Store;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Apis;

/// <summary>/api/v1/releases: every release of the database and the files it was built from.</summary>
public static class ReleasesApi
{
    public static RouteGroupBuilder MapReleasesApi(this RouteGroupBuilder api)
    {
        var releases = api.MapGroup("/releases").WithTags("Releases");
        releases.MapGet("", (Atlas atlas) => TypedResults.Ok(atlas.Releases.Reverse().Select(x =>
                new ReleaseSummary(x.Label, x.ImportedAt, x.IsCurrent, x.Sources.Count, x.Sources.Sum(s => s.Rows), $"/api/v1/releases/{Uri.EscapeDataString(x.Label)}")).ToList()))
            .WithSummary("Every release, newest first");
        releases.MapGet("/{label}", Get).WithSummary("One release with its source files (as shipped, SHA-256, rows, carried from)");
        return api;
    }

    static Results<Ok<ReleaseInfo>, ProblemHttpResult> Get(string label, Atlas atlas) =>
        atlas.Find(label) is { } release ? TypedResults.Ok(release) : CodesApi.NotFound($"there is no release '{Input.Clip(label)}'");
}
