using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Npgsql;
using PayerAtlas.Stores;
using PayerAtlas.Tests;

namespace PayerAtlas.Web.Tests;

/// <summary>Health, configuration by file and environment, and a graceful stop of the real process.</summary>
public sealed class OperationsTests(DemoSite site) : IClassFixture<DemoSite>
{
    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Health_reports_the_current_release_and_when_it_was_imported()
    {
        using var response = await site.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("ok", "sqlite", site.Release.Label), (body.GetProperty("status").GetString(), body.GetProperty("store").GetString(), body.GetProperty("release").GetString()));
        Assert.Equal(site.Release.ImportedAt, body.GetProperty("importedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Health_is_503_when_the_database_holds_no_release()
    {
        var db = site.Dir.File("empty.db");
        StoreFactory.Open(db).Dispose();
        using var factory = new SiteFactory(db);
        using var response = await factory.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("no release yet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_503_when_the_postgresql_server_goes_away_and_the_site_keeps_its_last_release()
    {
        var db = TestPostgres.CreateDatabase("health");
        using (var store = StoreFactory.Open(db))
        {
            new Importing.ReleaseImporter(store).Import([RepoPaths.DemoContent]);
        }

        using var factory = new SiteFactory(db);
        using var client = factory.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/codes/77054")).StatusCode);
        NpgsqlConnection.ClearAllPools();
        using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db) { Database = "postgres" }.ConnectionString))
        {
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE \"{new NpgsqlConnectionStringBuilder(db).Database}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }

        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"status\":\"unavailable\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/codes/77054")).StatusCode); // rendered before: served from the cache
    }

    [Fact]
    public async Task Serve_takes_its_database_and_url_from_a_config_file()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var config = site.Dir.Write("payeratlas.json", JsonSerializer.Serialize(new { PayerAtlas = new { Db = site.Db, Urls = url, RequestLog = false } }));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = Cli.Cli.Create().Parse(["serve", "--config", config]).InvokeAsync(null, stop.Token);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        string? health = null;
        for (var i = 0; i < 100 && health is null && !run.IsCompleted; i++)
        {
            try
            {
                health = await client.GetStringAsync("/health");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(health is not null, run.IsCompleted ? $"serve exited with {await run}" : "serve did not answer /health");
        Assert.Contains($"\"release\":\"{site.Release.Label}\"", health, StringComparison.Ordinal);
        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Equal(1, await Cli.Cli.Create().Parse(["serve", "--config", site.Dir.Write("nodb.json", "{}")]).InvokeAsync(null, CancellationToken.None));
    }

    [Fact]
    public void The_environment_overrides_the_config_file()
    {
        var config = site.Dir.Write("env.json", """{ "PayerAtlas": { "Db": "from-file.db", "Release": "file" } }""");
        Environment.SetEnvironmentVariable("PAYERATLAS_RELEASE", "from-env");
        try
        {
            var options = Infrastructure.WebConfiguration.Read(config);
            Assert.Equal(("from-file.db", "from-env"), (options.Db, options.Release));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PAYERATLAS_RELEASE", null);
        }
    }

    /// <summary>
    /// The real process under SIGTERM: a claim-check request whose body is still arriving when the signal comes is
    /// finished (200, every line checked), the process logs that it drained and stopped, and exits 0.
    /// </summary>
    [Fact]
    public async Task Sigterm_drains_an_in_flight_request_then_exits_cleanly()
    {
        var port = FreePort();
        var cli = Path.Combine(AppContext.BaseDirectory, "PayerAtlas.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "serve", "--db", site.Db, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            var up = false;
            for (var i = 0; i < 150 && !up && !process.HasExited; i++)
            {
                try
                {
                    up = (await client.GetAsync("/health")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.True(up, "serve did not come up: " + output);
            var body = new SlowLines(20);
            var request = client.PostAsync("/api/v1/claims/check", body);
            await body.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])!)
            {
                await kill.WaitForExitAsync();
            }

            await Task.Delay(500);
            body.Release.SetResult();
            using var response = await request;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(20, result.GetProperty("summary").GetProperty("lines").GetInt32());
            Assert.True(process.WaitForExit(30_000), "serve did not exit after SIGTERM");
            process.WaitForExit(); // and its output is read to the end
            Assert.Equal(0, process.ExitCode);
            string log;
            lock (output)
            {
                log = output.ToString();
            }

            Assert.Contains("PayerAtlas stopping: draining in-flight requests", log, StringComparison.Ordinal);
            Assert.Contains("POST /api/v1/claims/check 200", log, StringComparison.Ordinal);
            Assert.Contains("PayerAtlas stopped", log, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    /// <summary>A JSON Lines body: one line at once, the rest only after <see cref="Release"/>.</summary>
    sealed class SlowLines : HttpContent
    {
        readonly int count;

        public SlowLines(int count)
        {
            this.count = count;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        static byte[] Line(int i) => Encoding.UTF8.GetBytes($"{{\"claim_id\":\"C{i}\",\"line\":1,\"date_of_service\":\"2025-11-02\",\"code\":\"77054\",\"units\":1}}\n");

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Line(0));
            await stream.FlushAsync();
            Started.SetResult();
            await Release.Task;
            for (var i = 1; i < count; i++)
            {
                await stream.WriteAsync(Line(i));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
