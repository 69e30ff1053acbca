using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Apis;

/// <param name="Status">"ok", or "unavailable" (the store cannot be reached, or holds no release yet).</param>
/// <param name="Release">The release the site serves by default, and when it was imported.</param>
/// <param name="StoreRelease">The store's current release right now (the site switches to it within a poll interval).</param>
public sealed record HealthReport(string Status, string Store, string? Release, DateTimeOffset? ImportedAt, string? StoreRelease, int Releases, string? Error);

/// <summary>GET /health (and /healthz): the store is asked on every call; 200 when it answers with a release, else 503.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app, WebOptions options)
    {
        var store = Stores.StoreFactory.IsPostgres(options.Db) ? "postgresql" : "sqlite";
        foreach (var path in new[] { "/health", "/healthz" })
        {
            app.MapGet(path, (HttpContext context, Atlas atlas) => Check(context, atlas, store))
                .WithTags("Operations").WithSummary("Store reachable and the current release (503 when not)");
        }

        return app;
    }

    static Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> Check(HttpContext context, Atlas atlas, string store)
    {
        context.Response.Headers.CacheControl = "no-store";
        try
        {
            var live = atlas.CheckStore();
            var served = atlas.Current;
            if (live is null || served is null)
            {
                return Unavailable(store, "the database has no release yet: import one first");
            }

            return TypedResults.Ok(new HealthReport("ok", store, served.Label, served.ImportedAt, live.Label, atlas.Releases.Count, atlas.PollError));
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or TimeoutException)
        {
            return Unavailable(store, e.Message);
        }
    }

    static JsonHttpResult<HealthReport> Unavailable(string store, string error) =>
        TypedResults.Json(new HealthReport("unavailable", store, null, null, null, 0, error), PayerAtlasWeb.Json, statusCode: StatusCodes.Status503ServiceUnavailable);
}
