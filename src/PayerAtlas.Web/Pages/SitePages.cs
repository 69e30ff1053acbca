using System.Reflection;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Pages;

/// <summary>The human-facing site: pages rendered with the same shell and publication renderer as the static site.</summary>
public static class SitePages
{
    static readonly CachedBody AppJs = LoadStatic("app.js", "text/javascript; charset=utf-8");
    static readonly CachedBody Icon = LoadStatic("icon.svg", CachedBody.Svg);

    public static IEndpointRouteBuilder MapSitePages(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").ExcludeFromDescription();
        site.MapGet("/", HomePage.Get);
        site.MapGet("/search", SearchResultsPage.Get);
        site.MapGet("/codes", CodeListPage.Get);
        site.MapGet("/codes/{file}", CodePage.Get);
        site.MapGet("/codes/{code}/history", CodeHistoryPage.Get);
        site.MapGet("/payers", PayerPages.List);
        site.MapGet("/payers/{id}", PayerPages.Get);
        site.MapGet("/policies", PolicyPages.List);
        site.MapGet("/policies/{id}", PolicyPages.Get);
        site.MapGet("/updates", UpdatesPages.Html);
        site.MapGet("/updates.rss", (HttpContext c, ResolvedRelease r, Atlas a, PageCache p) => UpdatesPages.Feed("rss", c, r, a, p));
        site.MapGet("/updates.atom", (HttpContext c, ResolvedRelease r, Atlas a, PageCache p) => UpdatesPages.Feed("atom", c, r, a, p));
        site.MapGet("/releases", ReleasePages.List);
        site.MapGet("/releases/{label}", ReleasePages.Get);
        site.MapGet("/static/app.js", (HttpContext c) => Static(c, AppJs));
        site.MapGet("/static/icon.svg", (HttpContext c) => Static(c, Icon));
        site.MapGet("/favicon.ico", (HttpContext c) => Static(c, Icon));
        site.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapFallback((HttpContext c) => Errors.Write(c, 404, $"there is nothing at {Input.Clip(c.Request.Path.Value)}"));
        return app;
    }

    static IResult Static(HttpContext context, CachedBody body)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return body.Result();
    }

    static CachedBody LoadStatic(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("static/" + name)
            ?? throw new InvalidOperationException($"embedded static/{name} is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new CachedBody(buffer.ToArray(), contentType);
    }
}
