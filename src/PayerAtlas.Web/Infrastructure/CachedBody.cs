using System.Text;
using Microsoft.Extensions.Primitives;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>A response rendered once, as UTF-8 bytes, and written as is on every request that wants it.</summary>
public sealed record CachedBody(byte[] Bytes, string ContentType)
{
    public const string Html = "text/html; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Markdown = "text/markdown; charset=utf-8";
    public const string Svg = "image/svg+xml";

    public readonly StringValues ContentTypeHeader = new(ContentType);

    public static CachedBody Text(string text, string contentType) => new(Encoding.UTF8.GetBytes(text), contentType);

    public static CachedBody Render(string contentType, Action<TextWriter> write)
    {
        using var buffer = new MemoryStream(32 * 1024);
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 16 * 1024, leaveOpen: true))
        {
            write(writer);
        }

        return new CachedBody(buffer.ToArray(), contentType);
    }

    public Bytes Result(int status = StatusCodes.Status200OK) => new(this, status);
}

/// <summary>Writes a <see cref="CachedBody"/>; usable in typed <c>Results&lt;…&gt;</c> unions (endpoints declare the schema with Produces).</summary>
public sealed class Bytes(CachedBody body, int status) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => status;

    public string? ContentType => body.ContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.Headers.ContentType = body.ContentTypeHeader;
        response.ContentLength = body.Bytes.Length;
        return HttpMethods.IsHead(httpContext.Request.Method) ? Task.CompletedTask : response.BodyWriter.WriteAsync(body.Bytes).AsTask();
    }
}
