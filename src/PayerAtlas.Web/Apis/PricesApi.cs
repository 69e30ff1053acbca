using Microsoft.AspNetCore.Http.HttpResults;
using PayerAtlas.Pricing;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Apis;

/// <summary>/api/v1/prices/{code}: Medicare payment by the fee-schedule formula, for every locality or one locality, state or the nation.</summary>
public static class PricesApi
{
    public static RouteGroupBuilder MapPricesApi(this RouteGroupBuilder api)
    {
        var atlas = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<Atlas>();
        var cache = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<PageCache>();
        api.MapGet("/prices/{code}", (string code, string? modifier, string? locality, string? state, string? national, ResolvedRelease r) =>
                Get(code, modifier, locality, state, national, r, atlas, cache))
            .WithTags("Prices").Produces<PriceQuote>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Medicare amounts (non-facility and facility) for a code and optional modifier: every locality with state summaries, or locality=MAC-LOC, state=XX or national=true");
        return api;
    }

    static Results<Bytes, ProblemHttpResult, ValidationProblem> Get(string code, string? modifier, string? locality, string? state, string? national, ResolvedRelease r, Atlas atlas, PageCache cache)
    {
        if (!Input.TryCode(code, out code, out var error))
        {
            return CodesApi.Invalid("code", error);
        }

        if (!Input.TryModifier(modifier, out var mod, out error))
        {
            return CodesApi.Invalid("modifier", error);
        }

        if (!Input.TryScope(locality, state, national, out var scope, out error))
        {
            return CodesApi.Invalid("scope", error);
        }

        string? missing = null;
        var body = cache.Body(new CacheKey(r.Release.Id, "price", $"{code}|{mod}|{scope}"), () =>
        {
            using var lease = atlas.Read(r.Release);
            var quote = PriceCalculator.Quote(lease.Reader, code, mod, scope);
            if (quote is null)
            {
                missing = $"no fee-schedule row for {code}{(mod is null ? "" : "-" + mod)} in release {r.Release.Label}";
                return null;
            }

            if (quote.Amounts.Count == 0)
            {
                missing = $"no Medicare locality matches {Describe(scope)} in release {r.Release.Label}";
                return null;
            }

            return new CachedBody(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(quote, PayerAtlasWeb.Json), CachedBody.Json);
        });
        return body is null ? CodesApi.NotFound(missing ?? $"no price for {code}") : body.Result();
    }

    static string Describe(PriceScope scope) => scope switch
    {
        PriceScope.State s => $"state {s.Code}",
        PriceScope.Locality l => $"locality {l.Mac}-{l.Number}",
        _ => "the request",
    };
}
