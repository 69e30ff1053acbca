using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using PayerAtlas.Web.Apis;
using PayerAtlas.Web.Infrastructure;
using PayerAtlas.Web.Pages;

namespace PayerAtlas.Web;

/// <summary>
/// The web site and JSON API as a thin host over the core: <see cref="PayerAtlasWebExtensions.AddPayerAtlas"/> registers
/// the services, <see cref="PayerAtlasWebExtensions.UsePayerAtlas"/> the middleware and endpoints. The CLI hosts the same
/// app with <see cref="Build"/>. (Not static, so tests can name the app's assembly in WebApplicationFactory&lt;PayerAtlasWeb&gt;.)
/// </summary>
public sealed class PayerAtlasWeb
{
    PayerAtlasWeb()
    {
    }

    /// <summary>JSON as the API writes it: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The app for `payeratlas serve` / `payeratlas demo`: options given, Kestrel on <see cref="WebOptions.Urls"/>.</summary>
    public static WebApplication Build(WebOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.AddPayerAtlas(options);
        if (options.Urls is { } urls)
        {
            builder.WebHost.UseUrls(urls);
        }

        var app = builder.Build();
        app.UsePayerAtlas();
        return app;
    }
}

public static class PayerAtlasWebExtensions
{
    /// <param name="options">Given options; when null they are bound from the "PayerAtlas" configuration section.</param>
    /// <param name="args">The host's command line: --config file.json adds that file below the environment and the command line.</param>
    public static WebApplicationBuilder AddPayerAtlas(this WebApplicationBuilder builder, WebOptions? options = null, string[]? args = null)
    {
        if (options is null)
        {
            builder.Configuration.AddPayerAtlasSources(builder.Configuration["config"], args);
            builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
            if (builder.Configuration[$"{WebOptions.Section}:{nameof(WebOptions.Urls)}"] is { Length: > 0 } urls && builder.Configuration["urls"] is null)
            {
                builder.WebHost.UseUrls(urls);
            }
        }
        else
        {
            builder.Services.AddSingleton(Options.Create(options));
        }

        var settings = options ?? builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        AddLogging(builder, settings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);

        KestrelTuning.Configure(builder, settings);

        AddRates(builder, settings);
        builder.Services.AddSingleton<PageCache>();
        builder.Services.AddSingleton<Atlas>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddOperationTransformer((operation, context, _) =>
        {
            // Every API route reads the current release unless ?release= pins one (immutable responses).
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "release",
                    In = ParameterLocation.Query,
                    Description = "Release label, e.g. 2025Q4 (default: the current release). Pinned responses are cacheable for a year.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>
    /// With a rate lake configured, its cached benchmarks are the IRateBenchmarks the pages use. A lake named but
    /// missing or empty stops the host at start-up with the reason, rather than serving pages without the rates.
    /// </summary>
    static void AddRates(WebApplicationBuilder builder, WebOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Lake))
        {
            return;
        }

        if (Lake.CachedLakeBenchmarks.Problem(settings.Lake) is { } problem)
        {
            throw new InvalidOperationException($"{WebOptions.Section}:{nameof(WebOptions.Lake)}: {problem}");
        }

        var lake = settings.Lake;
        builder.Services.AddSingleton(_ => new Lake.CachedLakeBenchmarks(lake) { CheckEvery = settings.ReleasePoll });
        builder.Services.AddSingleton<Rates.IRateBenchmarks>(sp => sp.GetRequiredService<Lake.CachedLakeBenchmarks>());
    }

    /// <summary>Console logs: JSON lines when asked or when output is not a terminal (a service, a container), else plain.</summary>
    static void AddLogging(WebApplicationBuilder builder, WebOptions settings)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Hosting starts an Activity and a logging scope for every request whenever this category logs at all, and it
        // has nothing above Information to say (start-up failures surface as exceptions; request errors are logged by
        // the exception handler and Kestrel): off, the cached page path allocates neither.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        var format = settings.LogFormat ?? (builder.Configuration["Logging:Console:FormatterName"] is null && Console.IsOutputRedirected ? "json" : null);
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        else if (string.Equals(format, "simple", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else if (format is not null)
        {
            throw new InvalidOperationException($"{WebOptions.Section}:{nameof(WebOptions.LogFormat)} is '{format}'; use json or simple");
        }
    }

    public static WebApplication UsePayerAtlas(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        // Open the store now: a missing or unreadable database stops the host at start, with its path in the message.
        var atlas = app.Services.GetRequiredService<Atlas>();
        _ = atlas.Releases;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PayerAtlas.Web");
        app.Lifetime.ApplicationStarted.Register(() => HostLog.Started(log, Stores.StoreFactory.Describe(options.Db), atlas.Current?.Label ?? "(none)"));
        app.Lifetime.ApplicationStopping.Register(() => HostLog.Stopping(log, options.ShutdownTimeout));
        app.Lifetime.ApplicationStopped.Register(() => HostLog.Stopped(log));
        if (options.RequestLog)
        {
            app.UseMiddleware<RequestLogging>();
        }

        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseMiddleware<ReleaseMiddleware>();
        app.UseMiddleware<CachedCodePages>();
        // Routing only now (WebApplication would put it first): the cached code pages above are written without it.
        app.UseRouting();
        app.MapOpenApi();
        // Any API route can answer 404 (an unknown ?release= label, code, payer…) as problem details.
        app.MapGroup("/api/v1")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .MapCodesApi()
            .MapPublicationsApi()
            .MapPricesApi()
            .MapPayersApi()
            .MapPoliciesApi()
            .MapReleasesApi()
            .MapClaimsApi();
        app.MapHealthApi(options);
        app.MapAdminApi(options);
        app.MapSitePages();
        return app;
    }
}
