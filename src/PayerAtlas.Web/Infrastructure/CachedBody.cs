using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>
/// A response rendered once, as UTF-8 bytes, and written as is on every request that wants it. Brotli and gzip
/// forms are made on first demand and kept beside it, so compression costs nothing after the first request.
/// </summary>
public sealed class CachedBody(byte[] bytes, string contentType)
{
    public const string Html = "text/html; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Markdown = "text/markdown; charset=utf-8";
    public const string Svg = "image/svg+xml";

    /// <summary>Below this size compression is not worth a header.</summary>
    const int CompressFrom = 1024;

    readonly Lazy<byte[]> brotli = new(() => Compress(bytes, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)));
    readonly Lazy<byte[]> gzip = new(() => Compress(bytes, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)));

    public byte[] Bytes => bytes;

    public string ContentType => contentType;

    public StringValues ContentTypeHeader { get; } = new(contentType);

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

    Bytes? ok;

    /// <summary>The result that writes this body; the 200 one is made once.</summary>
    public Bytes Result(int status = StatusCodes.Status200OK) => status == StatusCodes.Status200OK ? ok ??= new(this, status) : new(this, status);

    /// <summary>The bytes for a request's Accept-Encoding, with the content coding to declare (null: identity).</summary>
    public (byte[] Bytes, string? Encoding) For(StringValues acceptEncoding)
    {
        if (bytes.Length < CompressFrom || StringValues.IsNullOrEmpty(acceptEncoding))
        {
            return (bytes, null);
        }

        var accept = acceptEncoding.ToString();
        return accept.Contains("br", StringComparison.OrdinalIgnoreCase) ? (brotli.Value, "br")
            : accept.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (gzip.Value, "gzip")
            : (bytes, null);
    }

    static byte[] Compress(byte[] data, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream(data.Length / 3);
        using (var stream = encoder(output))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }
}

/// <summary>Writes a <see cref="CachedBody"/>; usable in typed <c>Results&lt;…&gt;</c> unions (endpoints declare the schema with Produces).</summary>
public sealed class Bytes(CachedBody body, int status) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    static readonly StringValues AcceptEncoding = new("Accept-Encoding");

    public int? StatusCode => status;

    public string? ContentType => body.ContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.Headers.ContentType = body.ContentTypeHeader;
        var (bytes, encoding) = body.For(httpContext.Request.Headers.AcceptEncoding);
        if (body.Bytes.Length >= 1024)
        {
            response.Headers.Vary = AcceptEncoding;
        }

        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
            // A compressed representation has its own strong validator: "…" → "…-br".
            if (response.Headers.ETag is [{ Length: > 2 } etag])
            {
                response.Headers.ETag = string.Concat(etag.AsSpan(0, etag.Length - 1), "-", encoding, "\"");
            }
        }

        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.BodyWriter.WriteAsync(bytes).ConfigureAwait(false);
        }
    }
}
