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
    public static WebApplicationBuilder AddPayerAtlas(this WebApplicationBuilder builder, WebOptions? options = null)
    {
        if (options is null)
        {
            builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        }
        else
        {
            builder.Services.AddSingleton(Options.Create(options));
        }

        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        if (options?.InlineScheduling ?? builder.Configuration.GetValue<bool>($"{WebOptions.Section}:{nameof(WebOptions.InlineScheduling)}"))
        {
            builder.WebHost.UseSockets(s => s.UnsafePreferInlineScheduling = true);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
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

    public static WebApplication UsePayerAtlas(this WebApplication app)
    {
        // Open the store now: a missing or unreadable database stops the host at start, with its path in the message.
        _ = app.Services.GetRequiredService<Atlas>().Releases;
        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseMiddleware<ReleaseMiddleware>();
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
        app.MapAdminApi(app.Services.GetRequiredService<IOptions<WebOptions>>().Value);
        app.MapSitePages();
        return app;
    }
}
