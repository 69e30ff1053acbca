namespace PayerAtlas.Web.Infrastructure;

/// <summary>
/// Where the host's settings come from, lowest first: appsettings.json, the file named by --config, the
/// environment (PAYERATLAS_DB, PAYERATLAS_LAKE and friends, or PayerAtlas__Key), the command line.
/// </summary>
public static class WebConfiguration
{
    /// <summary>Short environment variable names an operator sets, and the setting each fills.</summary>
    public static readonly IReadOnlyList<(string Variable, string Key)> Variables =
    [
        ("PAYERATLAS_DB", $"{WebOptions.Section}:{nameof(WebOptions.Db)}"),
        ("PAYERATLAS_URLS", $"{WebOptions.Section}:{nameof(WebOptions.Urls)}"),
        ("PAYERATLAS_ADMIN_TOKEN", $"{WebOptions.Section}:{nameof(WebOptions.AdminToken)}"),
        ("PAYERATLAS_RELEASE", $"{WebOptions.Section}:{nameof(WebOptions.Release)}"),
        ("PAYERATLAS_LOG_FORMAT", $"{WebOptions.Section}:{nameof(WebOptions.LogFormat)}"),
        ("PAYERATLAS_LAKE", $"{WebOptions.Section}:{nameof(WebOptions.Lake)}"),
    ];

    /// <param name="file">A JSON settings file (--config); a missing file is an error naming it.</param>
    /// <param name="args">The command line, added again last so it overrides the file and the environment.</param>
    public static IConfigurationBuilder AddPayerAtlasSources(this IConfigurationBuilder config, string? file, string[]? args)
    {
        if (!string.IsNullOrEmpty(file))
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"configuration file {path} does not exist", path);
            }

            config.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        config.AddEnvironmentVariables(); // again, above the file: PayerAtlas__Db=… overrides it

        var fromEnvironment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in Variables)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                fromEnvironment[key] = value;
            }
        }

        config.AddInMemoryCollection(fromEnvironment);
        if (args is { Length: > 0 })
        {
            config.AddCommandLine(args);
        }

        return config;
    }

    /// <summary>The options a config file and the environment give (for `payeratlas serve --config`).</summary>
    public static WebOptions Read(string? file) => Build(file).GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();

    /// <summary>Whether the config file or the environment sets this option at all (rather than leaving its default).</summary>
    public static bool Has(string? file, string option) => Build(file)[$"{WebOptions.Section}:{option}"] is { Length: > 0 };

    static IConfigurationRoot Build(string? file) => new ConfigurationBuilder().AddPayerAtlasSources(file, null).Build();
}
