using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PayerAtlas.Tests.Cli;

/// <summary>
/// The same commands against PostgreSQL (given as a postgres:// URL) and a SQLite file give the same publication:
/// import the real CMS folder and the demo content pack, publish 77054 as JSON, and serve it.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class PostgresCliTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    static string Url(string keywords)
    {
        var b = new NpgsqlConnectionStringBuilder(keywords);
        return $"postgres://{Uri.EscapeDataString(b.Username!)}:{Uri.EscapeDataString(b.Password ?? "")}@{b.Host}:{b.Port}/{b.Database}";
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Import_publish_and_serve_give_the_same_77054_publication_on_postgresql_and_sqlite()
    {
        var postgres = Url(TestPostgres.CreateDatabase("cli"));
        var sqlite = dir.File("atlas.db");
        foreach (var db in new[] { sqlite, postgres })
        {
            var (exit, _, err) = CliRunner.Run("import", SharedData.Path("pfs", "rvu25d"), "--db", db);
            Assert.True(exit == 0, err);
            (exit, _, err) = CliRunner.Run("import", Path.Combine(RepoPaths.DemoContent, "codes"), "--db", db, "--release", "2025Q4-content");
            Assert.True(exit == 0, err);
        }

        var (e1, _, err1) = CliRunner.Run("publish", "77054", "--db", sqlite, "--format", "json", "--out", dir.File("sqlite.json"));
        var (e2, _, err2) = CliRunner.Run("publish", "77054", "--db", postgres, "--format", "json", "--out", dir.File("postgres.json"));
        Assert.True((e1, e2) == (0, 0), err1 + err2);
        var published = File.ReadAllText(dir.File("sqlite.json"));
        Assert.Contains("\"release\":\"2025Q4-content\"", published.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(published, File.ReadAllText(dir.File("postgres.json")));

        // The same through `serve`: the API's publication and the code page, byte for byte.
        var served = new List<(string Api, string Page)>();
        foreach (var db in new[] { sqlite, postgres })
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var run = PayerAtlas.Cli.Cli.Create().Parse(["serve", "--db", db, "--urls", url]).InvokeAsync(null, stop.Token);
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            var up = false;
            for (var i = 0; i < 150 && !up && !run.IsCompleted; i++)
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

            Assert.True(up, run.IsCompleted ? $"serve exited with {await run}" : $"serve on {db} did not answer /health");
            served.Add((await client.GetStringAsync("/api/v1/publications/77054"), await client.GetStringAsync("/codes/77054")));
            await stop.CancelAsync();
            Assert.Equal(0, await run);
        }

        Assert.Equal(served[0].Api, served[1].Api);
        Assert.Equal(served[0].Page, served[1].Page);
    }

    [Theory]
    [InlineData("postgres://u:p%40ss@db.example:6543/atlas?sslmode=require", "Host=db.example;Port=6543;Database=atlas;Username=u;Password=p@ss;SSL Mode=Require")]
    [InlineData("postgresql://u@localhost/atlas", "Host=localhost;Database=atlas;Username=u")]
    [InlineData("Host=h;Database=d", "Host=h;Database=d")]
    public void Postgres_urls_become_npgsql_keywords(string given, string expected)
    {
        Assert.Equal(new NpgsqlConnectionStringBuilder(expected), new NpgsqlConnectionStringBuilder(Postgres.PostgresConnectionString.ToKeywords(given)),
            new ConnectionStringComparer());
    }

    [Theory]
    [InlineData("postgres://u:p@h/d", true)]
    [InlineData("Host=h;Database=d", true)]
    [InlineData("server=h; database=d", true)]
    [InlineData("atlas.db", false)]
    [InlineData("/data/host=1/atlas.db", false)]
    public void Postgres_is_chosen_by_the_connection_string_anything_else_is_a_sqlite_file(string db, bool postgres)
    {
        Assert.Equal(postgres, Stores.StoreFactory.IsPostgres(db));
    }

    [Fact]
    public void An_unreachable_server_is_a_clear_error_without_the_password()
    {
        var port = FreePort();
        var (exit, _, err) = CliRunner.Run("releases", "--db", $"postgres://u:secret-pw@127.0.0.1:{port}/atlas");
        Assert.Equal(10, exit); // ExitCode.Failed
        Assert.Contains($"cannot open database postgres://u:***@127.0.0.1:{port}/atlas", err, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", err, StringComparison.Ordinal);
    }

    sealed class ConnectionStringComparer : IEqualityComparer<NpgsqlConnectionStringBuilder>
    {
        public bool Equals(NpgsqlConnectionStringBuilder? x, NpgsqlConnectionStringBuilder? y) => x!.EquivalentTo(y!);

        public int GetHashCode(NpgsqlConnectionStringBuilder obj) => 0;
    }
}
