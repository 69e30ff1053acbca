using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using PayerAtlas.Web.Pages;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>Errors as problem details (RFC 9457) for the API and as a plain page for people.</summary>
public static class Errors
{
    public static bool WantsJson(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        || context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static Task Write(HttpContext context, int status, string detail) =>
        WantsJson(context) ? Problem(status, detail).ExecuteAsync(context) : Page(status, detail).ExecuteAsync(context);

    public static IResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status));

    /// <summary>An HTML error page; the detail names what was wrong (it may echo input, so it is encoded).</summary>
    public static IResult Page(int status, string detail)
    {
        var body = SiteHtml.Page(Title(status), "", null, w =>
        {
            SiteHtml.H1(w, Title(status));
            SiteHtml.P(w, detail, "notice");
            w.Write("<p>Search above, or go to ");
            SiteHtml.A(w, "/codes", "the list of codes");
            w.Write(".</p>\n");
        });
        return new NoStoreBytes(body, status);
    }

    public static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        404 => "Not found",
        503 => "Not ready",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } p ? p : ((HttpStatusCode)status).ToString(),
    };

    sealed class NoStoreBytes(CachedBody body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers.Remove("ETag");
            return body.Result(status).ExecuteAsync(httpContext);
        }
    }
}
