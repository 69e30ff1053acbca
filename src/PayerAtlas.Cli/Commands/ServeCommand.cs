using System.CommandLine;
using PayerAtlas.Web;

namespace PayerAtlas.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var db = Options.Db();
        var release = Options.Release();
        var urls = new Option<string>("--urls") { Description = "Where Kestrel listens (loopback by default)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var adminToken = new Option<string?>("--admin-token")
        {
            Description = "Enable POST /admin/api/imports for this bearer token (default: $PAYERATLAS_ADMIN_TOKEN; unset: no admin surface)",
        };
        var command = new Command("serve", "Serve the web site and JSON API over a database") { db, release, urls, adminToken };
        command.SetAction(async (pr, ct) => await Cli.RunAsync(async () =>
        {
            var path = pr.GetValue(db)!;
            if (!StoreFactory.IsPostgres(path) && !File.Exists(path))
            {
                return Cli.Fail(ExitCode.NotFound, $"database {Path.GetFullPath(path)} does not exist: run import first");
            }

            using (var store = StoreFactory.Open(path))
            {
                if (store.FindRelease(pr.GetValue(release)) is null)
                {
                    return Cli.Fail(ExitCode.NotFound, pr.GetValue(release) is { } l ? $"no release '{l}'" : "the database has no release yet: run import first");
                }
            }

            await Serve(new WebOptions
            {
                Db = path,
                Release = pr.GetValue(release),
                Urls = pr.GetValue(urls),
                AdminToken = pr.GetValue(adminToken) ?? Environment.GetEnvironmentVariable("PAYERATLAS_ADMIN_TOKEN"),
            }, ct).ConfigureAwait(false);
            return ExitCode.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    /// <summary>Runs the web app until <paramref name="ct"/> is cancelled (Ctrl+C).</summary>
    public static async Task Serve(WebOptions options, CancellationToken ct)
    {
        await using var app = PayerAtlasWeb.Build(options);
        await app.StartAsync(ct).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"serving {StoreFactory.Describe(options.Db)} on {string.Join(", ", app.Urls)} (Ctrl+C to stop)").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
