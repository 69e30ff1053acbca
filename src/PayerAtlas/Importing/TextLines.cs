using System.Buffers;
using System.Text;

namespace PayerAtlas.Importing;

/// <summary>One decoded line with its 1-based number in the file.</summary>
public readonly record struct TextLine(long Number, string Text);

/// <summary>
/// Splits a byte stream into lines (LF or CRLF) and decodes each one strictly, so a bad byte is reported
/// with its exact line and column instead of surfacing later as mojibake.
/// </summary>
public static class TextLines
{
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1252 { get; } = CreateWindows1252();

    static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <param name="fallback">
    /// Decodes a line that is not valid in <paramref name="encoding"/> (hospitals save UTF-8 files with the odd
    /// Windows-1252 dash); <paramref name="fellBack"/> hears each such line number so the reader can report it.
    /// Without a fallback a bad byte is an error naming its line and column.
    /// </param>
    public static IEnumerable<TextLine> Read(Stream stream, Encoding encoding, string file, Encoding? fallback = null, Action<long>? fellBack = null)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int start = 0, end = 0;
            long number = 0;
            var bomChecked = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    number++;
                    var lineBytes = buffer.AsSpan(start, newline);
                    start += newline + 1;
                    yield return new TextLine(number, Decode(lineBytes, encoding, file, number, ref bomChecked, fallback, fellBack));
                    continue;
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
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
                    if (end > 0)
                    {
                        number++;
                        yield return new TextLine(number, Decode(buffer.AsSpan(0, end), encoding, file, number, ref bomChecked, fallback, fellBack));
                    }

                    yield break;
                }

                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding, string file, long line, ref bool bomChecked, Encoding? fallback, Action<long>? fellBack)
    {
        if (!bomChecked)
        {
            bomChecked = true;
            if (bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }
        }

        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new ImportException(file, line, nul + 1, "NUL byte in a text file: wrong encoding (UTF-16?) or binary data");
        }

        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException) when (fallback is not null && TryDecode(bytes, fallback) is { } text)
        {
            fellBack?.Invoke(line);
            return text;
        }
        catch (DecoderFallbackException e)
        {
            var column = e.Index >= 0 ? e.Index + 1 : 1;
            var bad = e.BytesUnknown is { Length: > 0 } b ? $"0x{b[0]:X2}" : "a byte";
            throw new ImportException(file, line, column, $"{bad} is not valid {encoding.WebName}: wrong encoding");
        }
    }

    static string? TryDecode(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
