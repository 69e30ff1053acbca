using System.Net;
using System.Net.Sockets;

namespace PayerAtlas.Web.Tests;

/// <summary>`payeratlas serve` hosts the same app on Kestrel until cancelled (Ctrl+C).</summary>
public sealed class ServeCommandTests(DemoSite site) : IClassFixture<DemoSite>
{
    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Serve_answers_pages_and_the_api_on_its_url_then_stops_cleanly()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = Cli.Cli.Create().Parse(["serve", "--db", site.Db, "--urls", url]).InvokeAsync(null, stop.Token);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        var up = false;
        for (var i = 0; i < 100 && !up && !run.IsCompleted; i++)
        {
            try
            {
                up = (await client.GetAsync("/healthz")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(up, run.IsCompleted ? $"serve exited with {await run}" : "serve did not answer /healthz");
        Assert.Contains("CPT 77054", await client.GetStringAsync("/codes/77054"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/prices/77054?national=true")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/admin/api/imports", new StringContent(""))).StatusCode);
        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task Serve_refuses_a_missing_database_or_release()
    {
        Assert.Equal(3, await Cli.Cli.Create().Parse(["serve", "--db", Path.Combine(site.Dir.Path, "missing.db")]).InvokeAsync(null, CancellationToken.None));
        Assert.Equal(3, await Cli.Cli.Create().Parse(["serve", "--db", site.Db, "--release", "1999Q1"]).InvokeAsync(null, CancellationToken.None));
    }
}
