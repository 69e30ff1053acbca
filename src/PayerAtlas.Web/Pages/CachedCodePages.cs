using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Pages;

/// <summary>
/// GET/HEAD /codes/{code} without a query, already rendered for the request's release: written before routing, endpoint
/// selection and parameter binding, which cost more per request than the cached page itself. It runs after the
/// security headers and <see cref="ReleaseMiddleware"/> (ETag, cache headers, 304), and writes through the same
/// <see cref="Bytes"/> result as the routed <see cref="CodePage.Get"/>, so the response is the same byte for byte;
/// anything else (a first request, a query, an extension, another method) goes on to routing unchanged.
/// </summary>
public sealed class CachedCodePages(RequestDelegate next, PageCache cache)
{
    const string Prefix = "/codes/";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.QueryString.HasValue
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.Value is { } path
            && path.Length > Prefix.Length
            && path.StartsWith(Prefix, StringComparison.Ordinal)
            && path.IndexOf('/', Prefix.Length) < 0
            && context.Features.Get<ResolvedRelease>() is { } release
            && CodePage.Cached(path[Prefix.Length..], release, cache) is { } body)
        {
            return body.Result().ExecuteAsync(context);
        }

        return next(context);
    }
}
