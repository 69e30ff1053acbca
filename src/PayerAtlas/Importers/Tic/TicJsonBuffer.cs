using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// One pooled buffer under a <see cref="Utf8JsonReader"/>: the refill loop (shift the unread tail to the front, read
/// more, resume from the reader's state), absolute byte offsets, and an optional tee that copies the bytes the reader
/// passes over to a spool stream. Memory is the buffer only; it grows only when a single token is larger than it.
/// Over an <see cref="IInPlaceStream"/> (a mapped file) there is no buffer: the reader's span is a window onto the
/// stream's own bytes, and a refill moves the window instead of copying.
/// </summary>
internal sealed class TicJsonBuffer : IDisposable
{
    readonly Stream stream;
    readonly IInPlaceStream? inPlace;
    readonly Action<long>? progress;
    readonly long progressStep;
    byte[] buffer;

    /// <summary>The window's size over an <see cref="IInPlaceStream"/> (unused with a buffer).</summary>
    int window;
    int length;
    int start;
    bool final;
    long baseOffset;
    long nextProgress;
    Stream? tee;
    int teeFrom;

    public TicJsonBuffer(Stream stream, string file, TicPath path, int size, long baseOffset = 0, Action<long>? progress = null)
    {
        this.stream = stream;
        File = file;
        Path = path;
        this.baseOffset = baseOffset;
        this.progress = progress;
        progressStep = 16L << 20;
        nextProgress = baseOffset + progressStep;
        inPlace = stream as IInPlaceStream;
        window = Math.Max(size, 4096);
        buffer = inPlace is null ? ArrayPool<byte>.Shared.Rent(window) : [];
    }

    public string File { get; }

    public TicPath Path { get; }

    /// <summary>Incremented on every refill: a span captured before a refill is gone after it.</summary>
    public int Generation { get; private set; }

    /// <summary>Bytes of uncompressed JSON passed to readers so far.</summary>
    public long Position => baseOffset + length;

    /// <summary>The stream has ended: the reader holds the last bytes there are.</summary>
    public bool IsFinal => final;

    /// <summary>The bytes come through a gzip decompressor (which ends silently when its input is cut short).</summary>
    public bool IsGzip => stream is System.IO.Compression.GZipStream;

    public Utf8JsonReader Start()
    {
        Fill();
        start = 0;
        return new Utf8JsonReader(Bytes(0, length), final, default);
    }

    /// <summary>The absolute offset of a position in the reader's current span.</summary>
    public long Offset(long indexInSpan) => baseOffset + start + indexInSpan;

    public ReadOnlySpan<byte> Slice(int from, int end) => Bytes(start + from, end - from);

    /// <summary>The bytes after the reader's last token that are in the buffer (a hand-written fast path reads them).</summary>
    public ReadOnlySpan<byte> Unread(in Utf8JsonReader reader)
    {
        var at = start + (int)reader.BytesConsumed;
        return Bytes(at, length - at);
    }

    /// <summary>
    /// Moves the reader <paramref name="skipped"/> bytes past its last token, bytes a fast path has already read, with
    /// <paramref name="state"/> (a reader state equivalent to having read them) in place of the reader's own.
    /// </summary>
    public void Resume(ref Utf8JsonReader reader, int skipped, JsonReaderState state)
    {
        start += (int)reader.BytesConsumed + skipped;
        reader = new Utf8JsonReader(Bytes(start, length - start), final, state);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            ReadSlow(ref reader);
        }
    }

    /// <summary>After the root value: the rest of the stream must be whitespace (the reader throws on anything else).</summary>
    public void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (true)
        {
            if (reader.Read())
            {
                throw new TicFormatException(File, Offset(reader.TokenStartIndex), "$", "content after the top-level object");
            }

            if (final)
            {
                return;
            }

            Refill(ref reader);
        }
    }

    /// <summary>Moves past the value whose property name or first token the reader is on.</summary>
    public void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            Read(ref reader);
        }

        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip())
        {
            return;
        }

        var depth = reader.CurrentDepth;
        do
        {
            Read(ref reader);
        }
        while (reader.CurrentDepth > depth || reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
    }

    /// <summary>From the token at <paramref name="indexInSpan"/> on, the bytes read are also written to <paramref name="spool"/>.</summary>
    public void BeginTee(Stream spool, long indexInSpan)
    {
        tee = spool;
        teeFrom = start + (int)indexInSpan;
    }

    /// <summary>Writes the teed bytes up to <paramref name="indexInSpan"/> (exclusive) and stops teeing.</summary>
    public void EndTee(long indexInSpan)
    {
        if (tee is null)
        {
            return;
        }

        tee.Write(Bytes(teeFrom, start + (int)indexInSpan - teeFrom));
        tee = null;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void ReadSlow(ref Utf8JsonReader reader)
    {
        while (true)
        {
            if (final)
            {
                throw new TicFormatException(File, Offset(reader.BytesConsumed), Path.ToString(), IsGzip ? "the gzip stream ends before the JSON does (cut short)" : "the JSON ends early (truncated file)");
            }

            Refill(ref reader);
            if (reader.Read())
            {
                return;
            }
        }
    }

    void Refill(ref Utf8JsonReader reader)
    {
        var consumed = start + (int)reader.BytesConsumed;
        start = 0;
        if (tee is not null)
        {
            tee.Write(Bytes(teeFrom, consumed - teeFrom));
            teeFrom = 0;
        }

        var remaining = length - consumed;
        if (inPlace is not null)
        {
            // Nothing to shift: the window moves on (and widens when one token fills most of it).
            if (remaining > window / 2)
            {
                window *= 2;
            }

            inPlace.Advance(consumed);
        }
        else if (remaining > buffer.Length / 2)
        {
            // One token (a long string, a deep number run) fills most of the buffer: grow instead of shifting a little.
            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, consumed, bigger, 0, remaining);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }
        else if (remaining > 0)
        {
            Buffer.BlockCopy(buffer, consumed, buffer, 0, remaining);
        }

        length = remaining;
        baseOffset += consumed;
        Fill();
        Generation++;
        reader = new Utf8JsonReader(Bytes(0, length), final, reader.CurrentState);
    }

    /// <summary><paramref name="count"/> bytes from <paramref name="from"/> of the buffer (or of the window onto the stream).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    ReadOnlySpan<byte> Bytes(int from, int count) =>
        inPlace is null ? buffer.AsSpan(from, count) : inPlace.Peek(from + count)[from..];

    void Fill()
    {
        if (inPlace is not null)
        {
            length = inPlace.Peek(window).Length;
            final = length < window;
        }
        else
        {
            FillBuffer();
        }

        if (progress is not null && Position >= nextProgress)
        {
            nextProgress = Position + progressStep;
            progress(Position);
        }
    }

    void FillBuffer()
    {
        try
        {
            while (length < buffer.Length)
            {
                var n = stream.Read(buffer, length, buffer.Length - length);
                if (n == 0)
                {
                    final = true;
                    break;
                }

                length += n;
            }
        }
        catch (InvalidDataException e)
        {
            throw new TicFormatException(File, Position, Path.ToString(), $"the gzip stream is corrupt or cut short ({e.Message})", e);
        }
    }

    public void Dispose()
    {
        if (inPlace is null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = [];
        stream.Dispose();
    }
}
