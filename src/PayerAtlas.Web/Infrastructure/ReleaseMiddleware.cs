using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PayerAtlas.Store;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>The release a request reads: ?release=LABEL (pinned, immutable) or the current one.</summary>
public sealed record ResolvedRelease(ReleaseInfo Release, bool Pinned)
{
    /// <summary>Binds a handler parameter to the release the middleware resolved.</summary>
    public static ValueTask<ResolvedRelease?> BindAsync(HttpContext context) => ValueTask.FromResult(context.Features.Get<ResolvedRelease>());
}

/// <summary>
/// Resolves the release of every page and API request and keys HTTP caching on it: a response is a pure
/// function of (release, build, path and query), so its ETag is computed before any work and a matching
/// If-None-Match is answered 304 at once. Responses pinned to a release label are immutable; the rest are
/// fresh for <see cref="WebOptions.MaxAge"/> and then revalidated.
/// </summary>
public sealed class ReleaseMiddleware(RequestDelegate next, Atlas atlas, IOptions<WebOptions> options)
{
    static readonly string Build = BuildId();
    static readonly StringValues Immutable = new("public, max-age=31536000, immutable");
    readonly StringValues fresh = new($"public, max-age={(int)options.Value.MaxAge.TotalSeconds}");

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || Bypass(request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        string? label = request.QueryString.HasValue && request.Query.TryGetValue("release", out var l) ? l.ToString() : null;
        var release = label is null ? atlas.Current : atlas.Find(label);
        if (release is null)
        {
            var (status, detail) = label is null
                ? (StatusCodes.Status503ServiceUnavailable, "the database has no release yet: import one first")
                : (StatusCodes.Status404NotFound, $"there is no release '{label}'; /api/v1/releases lists them");
            await Errors.Write(context, status, detail).ConfigureAwait(false);
            return;
        }

        context.Features.Set(Resolved(release, label is not null));
        var etag = ETagFor(release, request);
        var response = context.Response;
        // Set before the endpoint runs (no per-request callback): every answer, errors included, is a pure function of
        // (release, build, URL). Error pages for people opt out again with no-store (Errors.Page).
        response.Headers.ETag = etag;
        response.Headers.CacheControl = label is not null ? Immutable : fresh;
        response.Headers["X-PayerAtlas-Release"] = release.Label;
        if (Matches(request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<(long, bool), ResolvedRelease> resolved = new();

    /// <summary>One immutable instance per release and pinning, not one per request.</summary>
    ResolvedRelease Resolved(ReleaseInfo release, bool pinned)
    {
        var r = resolved.GetOrAdd((release.Id, pinned), _ => new ResolvedRelease(release, pinned));
        return ReferenceEquals(r.Release, release) ? r : resolved[(release.Id, pinned)] = new ResolvedRelease(release, pinned);
    }

    static bool Bypass(PathString path) =>
        path.StartsWithSegments("/static") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/health") || path.StartsWithSegments("/admin");

    static string ETagFor(ReleaseInfo release, HttpRequest request)
    {
        var hash = Fnv.Offset;
        hash = Fnv.Add(hash, request.Path.Value ?? "");
        hash = Fnv.Add(hash, request.QueryString.Value ?? "");
        return string.Create(CultureInfo.InvariantCulture, $"\"{release.Id}-{Build}-{hash:x16}\"");
    }

    static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
                // The compressed forms carry "-br" / "-gzip" before the closing quote; they are the same resource.
                var stem = candidate.EndsWith("-br\"", StringComparison.Ordinal) ? candidate[..^4] + "\""
                    : candidate.EndsWith("-gzip\"", StringComparison.Ordinal) ? candidate[..^6] + "\""
                    : candidate;
                if (candidate == "*" || string.Equals(stem, etag, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Changes whenever the web or core assembly is rebuilt, so new code never revalidates old pages.</summary>
    static string BuildId()
    {
        var hash = Fnv.Offset;
        foreach (var assembly in new[] { typeof(ReleaseMiddleware).Assembly, typeof(Publishing.PublicationBuilder).Assembly })
        {
            hash = Fnv.Add(hash, assembly.ManifestModule.ModuleVersionId.ToString());
            hash = Fnv.Add(hash, assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "");
        }

        return (hash & 0xffffffff).ToString("x8", CultureInfo.InvariantCulture);
    }
}

/// <summary>64-bit FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
internal static class Fnv
{
    public const ulong Offset = 14695981039346656037;
    const ulong Prime = 1099511628211;

    public static ulong Add(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return (hash ^ 0xff) * Prime;
    }
}
