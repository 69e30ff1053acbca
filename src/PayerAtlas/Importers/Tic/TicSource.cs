using System.IO.Compression;
using System.Net;
using PayerAtlas.Claims.Input;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// Where a TiC file comes from: a local path, an HTTP(S) URL (streamed from the response, never copied), or a
/// caller's stream. Gzip is recognised by its magic bytes (1f 8b), not by the name.
/// </summary>
public sealed class TicSource
{
    static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    readonly string? path;
    readonly Uri? url;
    readonly HttpClient? client;
    Stream? given;

    TicSource(string name, string? path, Uri? url, HttpClient? client, Stream? given)
    {
        Name = name;
        this.path = path;
        this.url = url;
        this.client = client;
        this.given = given;
    }

    /// <summary>The file or URL as the user gave it (it goes into every observation's <c>SourceFile</c>).</summary>
    public string Name { get; }

    /// <summary>A local file can be opened again (a second pass); a URL or a caller's stream cannot.</summary>
    public bool CanReopen => path is not null;

    public bool IsUrl => url is not null;

    public static TicSource File(string path) => new(path, Path.GetFullPath(path), null, null, null);

    public static TicSource Url(Uri url, HttpClient? client = null)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"only http and https URLs can be read: {url}", nameof(url));
        }

        return new(url.ToString(), null, url, client, null);
    }

    /// <summary>A path, or an http(s) URL.</summary>
    public static TicSource Parse(string pathOrUrl, HttpClient? client = null) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? Url(uri, client)
            : File(pathOrUrl);

    /// <summary>A stream the caller owns the bytes of (read once; not reopenable).</summary>
    public static TicSource FromStream(Stream stream, string name) => new(name, null, null, null, stream);

    /// <summary>
    /// A location named inside this file (a provider-reference file, a table-of-contents entry): absolute URLs as
    /// they are, anything else relative to this file's folder or URL.
    /// </summary>
    public TicSource Resolve(string location)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var absolute))
        {
            if (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            {
                return Url(absolute, client);
            }

            if (absolute.IsFile)
            {
                return File(absolute.LocalPath);
            }
        }

        if (url is not null)
        {
            return Url(new Uri(url, location), client);
        }

        if (Path.IsPathRooted(location))
        {
            return File(location);
        }

        var folder = path is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(path)!;
        return new(location, Path.GetFullPath(Path.Combine(folder, location)), null, null, null);
    }

    /// <summary>The JSON bytes: decompressed when the content starts with the gzip magic.</summary>
    public Stream OpenJson()
    {
        var raw = OpenRaw();
        try
        {
            return Decompress(raw);
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    Stream OpenRaw()
    {
        if (path is not null)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }

        if (url is not null)
        {
            var http = client ?? SharedClient.Value;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            var response = http.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                response.Dispose();
                throw new IOException($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return new ResponseStream(response);
        }

        var stream = given ?? throw new InvalidOperationException($"{Name}: a caller's stream can be read only once");
        given = null;
        return stream;
    }

    static Stream Decompress(Stream raw)
    {
        Span<byte> head = stackalloc byte[2];
        var n = 0;
        while (n < 2)
        {
            var read = raw.Read(head[n..]);
            if (read == 0)
            {
                break;
            }

            n += read;
        }

        var isGzip = n == 2 && head[0] == 0x1f && head[1] == 0x8b;
        Stream replay;
        if (raw.CanSeek)
        {
            raw.Seek(-n, SeekOrigin.Current);
            replay = raw;
        }
        else
        {
            replay = new ReplayStream(head[..n].ToArray(), raw);
        }

        return isGzip ? new GZipStream(replay, CompressionMode.Decompress, leaveOpen: false) : replay;
    }

    /// <summary>The response body, disposing the response with it.</summary>
    sealed class ResponseStream(HttpResponseMessage response) : Stream
    {
        readonly Stream body = response.Content.ReadAsStream();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => body.Read(buffer);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                body.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
