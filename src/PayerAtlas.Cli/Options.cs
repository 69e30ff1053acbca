using System.CommandLine;

namespace PayerAtlas.Cli;

/// <summary>Options shared by several commands.</summary>
public static class Options
{
    public static Option<string> Db(string? defaultValue = null) => new("--db")
    {
        Description = "SQLite database file (created if missing)",
        Required = defaultValue is null,
        DefaultValueFactory = defaultValue is null ? null! : _ => defaultValue,
    };

    public static Option<string?> Release() => new("--release")
    {
        Description = "Release label (default: the current release)",
    };
}
