using System.Text.Json;
using PayerAtlas.Claims.Input;
using PayerAtlas.Store;

namespace PayerAtlas.Claims.Output;

/// <summary>
/// JSON in, JSON out, streaming both ways: what <c>POST /api/v1/claims/check</c> calls with the request and response
/// bodies. The request is the check command's JSON (an array of lines, or JSON Lines); the response is
/// <c>{ "findings": [ … ], "summary": { … } }</c>, flushed as claims complete. Input that cannot be read at all (malformed
/// JSON) ends the findings early and adds <c>"error": "file:line:column: reason"</c>: by then the response has started, so
/// the error travels in the body, and <see cref="ClaimCheckJsonResult.Error"/> tells the caller.
/// </summary>
public static class ClaimCheckJson
{
    public static async Task<ClaimCheckJsonResult> CheckAsync(IReleaseReader reader, Stream request, Stream response,
        ClaimCheckOptions? options = null, IPayerRuleSource? payers = null, CancellationToken cancellation = default)
    {
        var checker = new ClaimChecker(new ReleaseCodingRules(reader, payers), options);
        await using var json = new Utf8JsonWriter(response);
        json.WriteStartObject();
        json.WriteStartArray("findings");
        string? error = null;
        try
        {
            await foreach (var finding in checker.CheckAsync(ClaimLineJson.ReadAsync(request, "request body", cancellation), cancellation).ConfigureAwait(false))
            {
                ClaimFindingJson.Write(json, finding);
                if (json.BytesPending > 16 * 1024)
                {
                    await json.FlushAsync(cancellation).ConfigureAwait(false);
                }
            }
        }
        catch (Importing.ImportException e)
        {
            error = e.Message;
        }

        json.WriteEndArray();
        if (error is not null)
        {
            json.WriteString("error", error);
        }

        json.WritePropertyName("summary");
        ClaimFindingJson.Write(json, checker.Summary, reader.Release.Label);
        json.WriteEndObject();
        await json.FlushAsync(cancellation).ConfigureAwait(false);
        return new ClaimCheckJsonResult(checker.Summary, error);
    }
}

/// <summary>The outcome of a JSON check: the totals, and the input error that stopped it early, if any.</summary>
public sealed record ClaimCheckJsonResult(ClaimCheckSummary Summary, string? Error);
