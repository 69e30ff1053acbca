using System.CommandLine;
using PayerAtlas.Web;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db")
        {
            Description = "SQLite database file or PostgreSQL connection string (postgres://user:pass@host:port/db or Host=…;Database=…); default $PAYERATLAS_DB or the config file's PayerAtlas:Db",
        };
        var config = new Option<string?>("--config") { Description = "JSON settings file: its \"PayerAtlas\" section (Db, Urls, AdminToken, Release, ReleasePoll, LogFormat, …)" };
        var release = Options.Release();
        var urls = new Option<string?>("--urls") { Description = "Where Kestrel listens (default $PAYERATLAS_URLS, the config file's, or http://127.0.0.1:5080)" };
        var adminToken = new Option<string?>("--admin-token")
        {
            Description = "Enable POST /admin/api/imports for this bearer token (default: $PAYERATLAS_ADMIN_TOKEN; unset: no admin surface)",
        };
        var command = new Command("serve", "Serve the web site and JSON API over a database") { db, config, release, urls, adminToken };
        command.SetAction(async (pr, ct) => await Cli.RunAsync(async () =>
        {
            // Lowest first: the config file, the environment, then what this command line says.
            var settings = WebConfiguration.Read(pr.GetValue(config));
            var configured = WebConfiguration.Has(pr.GetValue(config), nameof(WebOptions.Db));
            var path = pr.GetValue(db) ?? (configured ? settings.Db : null);
            if (path is null)
            {
                return Cli.Fail(ExitCode.Usage, "name the database: --db <file or postgres://…>, $PAYERATLAS_DB, or PayerAtlas:Db in --config");
            }

            if (!StoreFactory.IsPostgres(path) && !File.Exists(path))
            {
                return Cli.Fail(ExitCode.NotFound, $"database {Path.GetFullPath(path)} does not exist: run import first");
            }

            var label = pr.GetValue(release) ?? settings.Release;
            using (var store = StoreFactory.Open(path, create: false))
            {
                if (store.FindRelease(label) is null)
                {
                    return Cli.Fail(ExitCode.NotFound, label is { } l ? $"no release '{l}'" : "the database has no release yet: run import first");
                }
            }

            await Serve(settings with
            {
                Db = path,
                Release = label,
                Urls = pr.GetValue(urls) ?? settings.Urls ?? "http://127.0.0.1:5080",
                AdminToken = pr.GetValue(adminToken) ?? settings.AdminToken,
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
        // Until Ctrl+C / SIGTERM (through the CLI's token or the host's own signal handling); then stop, which lets
        // in-flight requests finish within WebOptions.ShutdownTimeout.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
