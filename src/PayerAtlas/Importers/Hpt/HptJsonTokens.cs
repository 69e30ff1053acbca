using System.Buffers;
using System.Text.Json;
using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Hpt;

/// <summary>
/// Pulls JSON tokens from a stream through <see cref="Utf8JsonReader"/> over one pooled buffer (refilled and
/// grown only for a token longer than the buffer), so memory stays bounded whatever the file size. Each token's
/// absolute byte offset is kept for error messages.
/// </summary>
internal sealed class HptJsonTokens : IDisposable
{
    readonly Stream stream;
    readonly string file;
    byte[] buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
    int start;
    int end;
    long consumed; // bytes of the stream before buffer[0]
    bool final;
    JsonReaderState state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });

    public HptJsonTokens(Stream stream, string file)
    {
        this.stream = stream;
        this.file = file;
    }

    public JsonTokenType Type { get; private set; }

    /// <summary>Byte offset of the current token in the file.</summary>
    public long Offset { get; private set; }

    /// <summary>The current string or property name, unescaped; the raw text of a number or literal.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The current number, when it fits a decimal.</summary>
    public decimal? Number { get; private set; }

    public int Depth { get; private set; }

    /// <summary>The JSON path the parser is at, for error messages (set by the parser).</summary>
    public Func<string> Path { get; set; } = () => "$";

    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            bool ok;
            try
            {
                ok = reader.Read();
            }
            catch (JsonException e)
            {
                var at = consumed + start + reader.BytesConsumed;
                throw new ImportException(file, $"byte {at} ({Path()}): malformed JSON: {Reason(e)}");
            }

            if (ok)
            {
                Type = reader.TokenType;
                Offset = consumed + start + reader.TokenStartIndex;
                Depth = reader.CurrentDepth;
                Number = null;
                switch (Type)
                {
                    case JsonTokenType.String or JsonTokenType.PropertyName:
                        // GetString checks UTF-8 only now, throwing InvalidOperationException: report the byte instead.
                        if (!System.Text.Unicode.Utf8.IsValid(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan))
                        {
                            throw Error("the string is not valid UTF-8 (wrong encoding?)");
                        }

                        Text = reader.GetString()!;
                        break;
                    case JsonTokenType.Number:
                        Text = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                        Number = reader.TryGetDecimal(out var d) ? d : null;
                        break;
                    case JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                        Text = Type == JsonTokenType.Null ? "null" : Type == JsonTokenType.True ? "true" : "false";
                        break;
                    default:
                        Text = "";
                        break;
                }

                start += (int)reader.BytesConsumed;
                state = reader.CurrentState;
                return true;
            }

            if (final)
            {
                return false;
            }

            Refill();
        }
    }

    void Refill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            consumed += start;
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, bigger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            final = true;
        }

        end += read;
    }

    /// <summary>Reads the next token, which the file must have.</summary>
    public void Expect(JsonTokenType type, string what)
    {
        if (!Read())
        {
            throw Error($"the JSON ends where {what} was expected (truncated file?)");
        }

        if (Type != type)
        {
            throw Error($"{what} must be {Describe(type)}, found {Describe(Type)}");
        }
    }

    /// <summary>Skips the value whose first token is current (a scalar, or a whole object or array).</summary>
    public void SkipValue()
    {
        if (Type is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = Depth;
        while (Read())
        {
            if (Type is JsonTokenType.EndObject or JsonTokenType.EndArray && Depth == depth)
            {
                return;
            }
        }
    }

    public ImportException Error(string reason) => new(file, $"byte {Offset} ({Path()}): {reason}");

    public static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    static string Reason(JsonException e) =>
        // The reader's own message repeats its (block-relative) position; keep the part before it.
        e.Message.Split(" LineNumber:", 2)[0].TrimEnd();

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }
}
