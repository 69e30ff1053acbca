using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;
using PayerAtlas.Rendering.Html;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>
/// Headers on every response. Scripts and the stylesheet only from this origin (nothing inline at all), no framing,
/// no plugins, no referrer, forms only back to this site.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The stylesheet's URL on the live site; the version changes with its text, so it can be cached for a year.</summary>
    public static readonly string StylesheetUrl = "/static/site.css?v=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HtmlLayout.Css)))[..12];

    public static readonly StringValues ContentSecurityPolicy = new(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");

    static readonly StringValues NoSniff = new("nosniff");
    static readonly StringValues NoReferrer = new("no-referrer");
    static readonly StringValues Deny = new("DENY");
    static readonly StringValues SameOrigin = new("same-origin");
    static readonly StringValues Permissions = new("camera=(), microphone=(), geolocation=(), payment=(), usb=()");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = NoSniff;
        h["Referrer-Policy"] = NoReferrer;
        h.XFrameOptions = Deny;
        h["Cross-Origin-Opener-Policy"] = SameOrigin;
        h["Cross-Origin-Resource-Policy"] = SameOrigin;
        h["Permissions-Policy"] = Permissions;
        return next(context);
    });
}
