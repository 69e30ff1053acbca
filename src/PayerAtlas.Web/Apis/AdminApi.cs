using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PayerAtlas.Importing;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Apis;

public sealed record ImportedFileResult(string File, string? Kind, string Outcome, long Rows, string Note);

public sealed record ImportResult(string Release, long Rows, double Seconds, IReadOnlyList<ImportedFileResult> Files);

/// <summary>
/// POST /admin/api/imports: upload files as published (CSV, TXT, ZIP, content-pack Markdown) and import them as one
/// new release. Mapped only when an admin token is configured, and then only for "Authorization: Bearer &lt;token&gt;";
/// without a token there is no admin surface at all (404).
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app, WebOptions options)
    {
        if (string.IsNullOrEmpty(options.AdminToken))
        {
            return app;
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.AdminToken));
        app.MapPost("/admin/api/imports", (HttpContext context, IFormFileCollection files, string? release, Atlas atlas) => Import(context, files, release, atlas, expected))
            .WithTags("Admin").WithSummary("Import uploaded files as a new release (admin token required)")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxImportBytes))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxImportBytes);
        return app;
    }

    static async Task<Results<Created<ImportResult>, UnauthorizedHttpResult, ValidationProblem>> Import(
        HttpContext context, IFormFileCollection files, string? release, Atlas atlas, byte[] expected)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : "";
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), expected))
        {
            return TypedResults.Unauthorized();
        }

        if (files.Count == 0)
        {
            return CodesApi.Invalid("files", "upload at least one file (multipart/form-data)");
        }

        if (release is not null && (release.Length is 0 or > 64 || !release.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            return CodesApi.Invalid("release", "a release label is 1 to 64 letters, digits, '-', '_' or '.'");
        }

        var folder = Path.Combine(Path.GetTempPath(), "payeratlas-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in files)
            {
                var name = Path.GetFileName(file.FileName);
                if (name.Length == 0 || name.StartsWith('.'))
                {
                    return CodesApi.Invalid("files", $"'{Input.Clip(file.FileName)}' is not a usable file name");
                }

                await using var target = File.Create(Path.Combine(folder, name));
                await file.CopyToAsync(target, context.RequestAborted).ConfigureAwait(false);
            }

            ImportReport report;
            try
            {
                report = await atlas.ImportAsync([folder], release, context.RequestAborted).ConfigureAwait(false);
            }
            catch (ImportException e)
            {
                return CodesApi.Invalid("files", e.Message + "; nothing was imported");
            }

            var result = new ImportResult(report.Release.Label, report.Rows, report.Elapsed.TotalSeconds,
                report.Files.Select(f => new ImportedFileResult(f.File, f.Kind?.ToString(), f.Outcome.ToString(), f.Rows, f.Note)).ToList());
            return TypedResults.Created($"/api/v1/releases/{Uri.EscapeDataString(report.Release.Label)}", result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
