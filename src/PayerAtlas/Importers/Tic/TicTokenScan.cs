using System.Buffers;
using System.Text.Json;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// The ceiling for the reader: a bare <see cref="Utf8JsonReader"/> pass over the same bytes (same source, same
/// decompression, same buffer size) that only counts tokens and <c>negotiated_rate</c> names. Whatever the reader
/// does beyond this is the cost of turning tokens into observations.
/// </summary>
public static class TicTokenScan
{
    public static TicTokenScanResult Scan(TicSource source, int bufferSize = 1 << 20)
    {
        using var stream = source.OpenJson();
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            long tokens = 0, rates = 0, offset = 0;
            var length = Fill(stream, buffer, 0, out var final);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, default);
            while (true)
            {
                while (reader.Read())
                {
                    tokens++;
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("negotiated_rate"u8))
                    {
                        rates++;
                    }
                }

                if (final)
                {
                    break;
                }

                var consumed = (int)reader.BytesConsumed;
                var remaining = length - consumed;
                if (remaining > buffer.Length / 2)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, consumed, bigger, 0, remaining);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                else
                {
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, remaining);
                }

                offset += consumed;
                length = remaining + Fill(stream, buffer, remaining, out final);
                reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, reader.CurrentState);
            }

            return new TicTokenScanResult(offset + length, tokens, rates);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static int Fill(Stream stream, byte[] buffer, int from, out bool final)
    {
        var at = from;
        final = false;
        while (at < buffer.Length)
        {
            var n = stream.Read(buffer, at, buffer.Length - at);
            if (n == 0)
            {
                final = true;
                break;
            }

            at += n;
        }

        return at - from;
    }
}

public readonly record struct TicTokenScanResult(long Bytes, long Tokens, long NegotiatedRates);
