using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PayerAtlas.Tests.Tic;

/// <summary>
/// A tiny HTTP/1.1 server on a real loopback socket (no Kestrel): serves byte arrays by path, optionally cutting a
/// body short to simulate a dropped connection.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly Dictionary<string, (byte[] Body, int? CutAt)> files = [];
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    public LoopbackHttpServer()
    {
        listener.Start();
        loop = Task.Run(AcceptLoop);
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public int Requests { get; private set; }

    public Uri Serve(string path, byte[] body, int? cutAt = null)
    {
        lock (files)
        {
            files["/" + path] = (body, cutAt);
        }

        return new Uri(BaseUri, path);
    }

    async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => Handle(client));
        }
    }

    async Task Handle(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return;
            }

            head.Append((char)one[0]);
        }

        Requests++;
        var target = head.ToString().Split(' ')[1];
        (byte[] Body, int? CutAt) file;
        bool found;
        lock (files)
        {
            found = files.TryGetValue(target, out file);
        }

        if (!found)
        {
            await stream.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            return;
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {file.Body.Length}\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(file.Body.AsMemory(0, file.CutAt ?? file.Body.Length));
        await stream.FlushAsync();
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        stop.Dispose();
    }
}
