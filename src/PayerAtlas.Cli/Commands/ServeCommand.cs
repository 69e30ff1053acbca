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
        var lake = new Option<string?>("--lake") { Description = "Rate lake folder (from `rates ingest`): code pages show its commercial benchmarks; default $PAYERATLAS_LAKE or the config file's PayerAtlas:Lake" };
        var command = new Command("serve", "Serve the web site and JSON API over a database") { db, config, release, urls, adminToken, lake };
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

            var lakePath = pr.GetValue(lake) ?? settings.Lake;
            if (lakePath is { Length: > 0 } && Lake.CachedLakeBenchmarks.Problem(lakePath) is { } problem)
            {
                return Cli.Fail(ExitCode.BadInput, problem);
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
                Lake = lakePath,
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
        var rates = options.Lake is { Length: > 0 } l ? $" with the rate lake {Path.GetFullPath(l)}" : "";
        await Console.Out.WriteLineAsync($"serving {StoreFactory.Describe(options.Db)}{rates} on {string.Join(", ", app.Urls)} (Ctrl+C to stop)").ConfigureAwait(false);
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
