using System.CommandLine;

namespace PayerAtlas.Cli;

/// <summary>Options shared by several commands.</summary>
public static class Options
{
    /// <summary>--db: a SQLite file or a PostgreSQL connection string; $PAYERATLAS_DB when not given.</summary>
    public static Option<string> Db(string? defaultValue = null)
    {
        defaultValue = Environment.GetEnvironmentVariable(StoreFactory.EnvironmentVariable) is { Length: > 0 } fromEnv ? fromEnv : defaultValue;
        return new("--db")
        {
            Description = "SQLite database file (created if missing), or a PostgreSQL connection string (postgres://user:pass@host:port/db or Host=…;Database=…); default $PAYERATLAS_DB",
            Required = defaultValue is null,
            DefaultValueFactory = defaultValue is null ? null! : _ => defaultValue,
        };
    }

    public static Option<string?> Release() => new("--release")
    {
        Description = "Release label (default: the current release)",
    };

    /// <summary>--lake on the publishing commands: commercial benchmarks from a rate lake (none: the gap, as before).</summary>
    public static Option<string?> RatesLake() => new("--lake")
    {
        Description = "Rate lake folder (from `rates ingest`): the Reimbursement section shows its commercial benchmarks",
    };

    /// <summary>The lake's benchmarks, or null with the error written (exit 2) when the named folder is missing or empty.</summary>
    public static Lake.CachedLakeBenchmarks? OpenLake(string path, out ExitCode failure)
    {
        failure = ExitCode.Ok;
        if (Lake.CachedLakeBenchmarks.Problem(path) is { } problem)
        {
            failure = Cli.Fail(ExitCode.BadInput, problem);
            return null;
        }

        return new Lake.CachedLakeBenchmarks(path);
    }
}
