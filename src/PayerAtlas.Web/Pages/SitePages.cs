using System.Reflection;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Pages;

/// <summary>The human-facing site: pages rendered with the same shell and publication renderer as the static site.</summary>
public static class SitePages
{
    static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];
    static readonly CachedBody AppJs = LoadStatic("app.js", "text/javascript; charset=utf-8");
    static readonly CachedBody Icon = LoadStatic("icon.svg", CachedBody.Svg);
    static readonly CachedBody Stylesheet = CachedBody.Text(Rendering.Html.HtmlLayout.Css, "text/css; charset=utf-8");

    public static IEndpointRouteBuilder MapSitePages(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").ExcludeFromDescription();
        // Pages answer HEAD too (link checkers, monitors): same headers, no body.
        var get = (string pattern, Delegate handler) => site.MapMethods(pattern, GetOrHead, handler);
        get("/", HomePage.Get);
        get("/search", SearchResultsPage.Get);
        get("/codes", CodeListPage.Get);
        // The hot route takes its singletons from the closure, not as parameters: no per-request service scope.
        var atlas = app.ServiceProvider.GetRequiredService<Atlas>();
        var cache = app.ServiceProvider.GetRequiredService<PageCache>();
        get("/codes/{file}", (string file, string? at, string? localities, ResolvedRelease r) => CodePage.Get(file, at, localities, r, atlas, cache));
        get("/codes/{code}/history", CodeHistoryPage.Get);
        get("/payers", PayerPages.List);
        get("/payers/{id}", PayerPages.Get);
        get("/policies", PolicyPages.List);
        get("/policies/{id}", PolicyPages.Get);
        get("/updates", UpdatesPages.Html);
        get("/updates.rss", (HttpContext c, ResolvedRelease r, Atlas a, PageCache p) => UpdatesPages.Feed("rss", c, r, a, p));
        get("/updates.atom", (HttpContext c, ResolvedRelease r, Atlas a, PageCache p) => UpdatesPages.Feed("atom", c, r, a, p));
        get("/releases", ReleasePages.List);
        get("/releases/{label}", ReleasePages.Get);
        get("/static/app.js", (HttpContext c) => Static(c, AppJs));
        get("/static/icon.svg", (HttpContext c) => Static(c, Icon));
        get("/static/site.css", (HttpContext c) =>
        {
            c.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Stylesheet.Result();
        });
        get("/favicon.ico", (HttpContext c) => Static(c, Icon));
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
