using System.Net;

namespace PayerAtlas.Cli;

/// <summary>
/// Serves a built static site over HTTP on loopback with the in-box HttpListener, so the demo needs no web stack.
/// Only files inside the site folder are served; "/codes/77054" resolves to codes/77054.html.
/// </summary>
public sealed class StaticServer(string root, string prefix)
{
    static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public async Task RunAsync(CancellationToken ct)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add(prefix.EndsWith('/') ? prefix : prefix + "/");
        listener.Start();
        Console.Out.WriteLine($"serving {root} on {prefix} (Ctrl+C to stop)");
        using var registration = ct.Register(listener.Stop);
        while (!ct.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (HttpListenerException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }

            _ = Task.Run(() => Serve(context), ct);
        }
    }

    void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'";
            var path = Resolve(context.Request.Url?.AbsolutePath ?? "/");
            if (path is null)
            {
                response.StatusCode = 404;
                return;
            }

            response.ContentType = Types.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            var bytes = File.ReadAllBytes(path);
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        catch (IOException)
        {
            response.StatusCode = 500;
        }
        finally
        {
            response.Close();
        }
    }

    string? Resolve(string urlPath)
    {
        var relative = Uri.UnescapeDataString(urlPath).TrimStart('/');
        if (relative.Length == 0)
        {
            relative = "index.html";
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        var rootFull = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootFull, StringComparison.Ordinal))
        {
            return null;
        }

        if (File.Exists(full))
        {
            return full;
        }

        return File.Exists(full + ".html") ? full + ".html" : null;
    }
}
