using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PayerAtlas.Importing;

namespace PayerAtlas.Claims.Input;

/// <summary>
/// Claim lines from JSON: an array of objects, or one object per line (JSON Lines), with the CSV's field names.
/// <c>modifiers</c> is an array (<c>["26","59"]</c>) or the CSV's <c>"26:59"</c>; numbers may be strings. Streams from
/// any stream (stdin, a request body): one element in memory at a time.
/// </summary>
public static class ClaimLineJson
{
    public static async IAsyncEnumerable<ClaimLine> ReadAsync(Stream stream, string file, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var (input, array) = await Peek(stream, cancellation).ConfigureAwait(false);
        var elements = array
            ? JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(input, cancellationToken: cancellation)
            : JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(input, topLevelValues: true, cancellationToken: cancellation);
        await using var items = elements.GetAsyncEnumerator(cancellation);
        long index = 0;
        while (true)
        {
            JsonElement element;
            try
            {
                if (!await items.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                element = items.Current;
            }
            catch (JsonException e)
            {
                throw new ImportException(file, (e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"malformed JSON: {e.Message}");
            }

            ClaimLine line;
            try
            {
                line = Line(element, ++index);
            }
            catch (InvalidOperationException e)
            {
                // JsonElement.GetString validates UTF-8 only when the string is read: a bad byte inside a value is the
                // item's problem, reported like any other invalid line.
                line = new ClaimFields(index).Build("", 0, default, "", [], 0, "", "", null, null) with { Invalid = $"item {index}: {e.Message}" };
            }

            yield return line;
        }
    }

    /// <summary>Reads up to the first significant byte to tell an array from JSON Lines, then replays what it read.</summary>
    static async Task<(Stream Input, bool Array)> Peek(Stream stream, CancellationToken cancellation)
    {
        static bool Blank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF; // whitespace, UTF-8 BOM
        var head = new byte[4096];
        var length = 0;
        var first = -1;
        while (first < 0 && length < head.Length)
        {
            var read = await stream.ReadAsync(head.AsMemory(length), cancellation).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            for (var i = length; i < length + read && first < 0; i++)
            {
                first = Blank(head[i]) ? -1 : i;
            }

            length += read;
        }

        return (new ReplayStream(head.AsMemory(0, length), stream), first >= 0 && head[first] == (byte)'[');
    }

    static ClaimLine Line(JsonElement element, long index)
    {
        var fields = new ClaimFields(index);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return fields.Build("", 0, default, "", [], 0, "", "", null, null) with { Invalid = $"item {index} is not an object" };
        }

        string? Text(string name) => element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        } : null;

        IEnumerable<string?> Modifiers() => element.TryGetProperty("modifiers", out var value) ? value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() : m.GetRawText()),
            JsonValueKind.String => [value.GetString()],
            JsonValueKind.Number => [value.GetRawText()],
            _ => [],
        } : [];

        return fields.Build(
            fields.Required(Text("claim_id"), "claim_id"),
            fields.LineNumber(Text("line") ?? index.ToString(CultureInfo.InvariantCulture)),
            fields.Date(Text("date_of_service")),
            ClaimFields.Code(fields.Required(Text("code"), "code")),
            ClaimFields.Modifiers(Modifiers()),
            fields.Units(Text("units") ?? "1"),
            fields.PlaceOfService(Text("place_of_service")),
            Text("payer")?.Trim() ?? "",
            fields.Setting(Text("setting")),
            Text("patient") ?? Text("patient_id"));
    }
}
