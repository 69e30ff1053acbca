using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// The hand-written fast path for the hot shape of a negotiated rate: <c>{"provider_references":[ids],
/// "negotiated_prices":[{...}]}</c> with the usual price fields, read straight from the buffer's bytes instead of token
/// by token through <see cref="Utf8JsonReader"/> (which costs most of the read on a large file).
/// <para>
/// It accepts a strict subset of valid JSON and of what the general path accepts, with nothing observable done before
/// the whole rate has been read: on anything unusual (escapes, an unknown or repeated key, another type, a number
/// with a sign or exponent, an id list not resolved yet, a rate that crosses the end of the buffer) it returns false
/// having changed only memo caches, and the general path reads the same rate from its first byte, with its errors.
/// When it succeeds the reader resumes after the rate with the state it would have had after reading it itself.
/// </para>
/// </summary>
internal sealed partial class TicParser
{
    readonly bool fastRates;
    long fastRateCount;

    /// <summary>
    /// Reads as many of the next elements of <c>negotiated_rates</c> by hand as it can (each emitted as soon as it is
    /// read whole) and moves the reader past them; returns how many. <paramref name="afterRate"/> is the reader state
    /// after a rate object of this array (made once, from the state after its <c>[</c>, when the first rate is fast).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own inlining budget: the small helpers below must inline into it
    int TryFastRates(ref Utf8JsonReader r, int k, int firstIndex, ref JsonReaderState? afterRate)
    {
        var s = j.Unread(in r);
        var at = j.Offset(r.BytesConsumed);
        var end = 0;
        var n = 0;
        while (FastRate(s, end, at, k, firstIndex + n, out var next, out var summary))
        {
            afterRate ??= StateAfterObject(r.CurrentState);
            EmitRate(firstIndex + n, summary);
            end = next;
            n++;
        }

        if (n > 0)
        {
            j.Resume(ref r, end, afterRate!.Value);
            path.SetIndex(firstIndex + n - 1);
            fastRateCount += n;
        }

        return n;
    }

    /// <summary>
    /// One rate object from <c>s[start..]</c> (after a <c>,</c> unless it is the array's first) into
    /// <see cref="ratePrices"/>, with its providers' summary; <paramref name="next"/> is the index after its <c>}</c>.
    /// </summary>
    bool FastRate(ReadOnlySpan<byte> s, int start, long at, int k, int rateIndex, out int next, out ProviderSetSummary summary)
    {
        next = 0;
        summary = default;
        var i = Ws(s, start);
        if (rateIndex > 0)
        {
            if (!Is(s, i, ','))
            {
                return false;
            }

            i = Ws(s, i + 1);
        }

        if (!Is(s, i, '{'))
        {
            return false;
        }

        ratePrices.Clear();
        ids.Clear();
        var sawPrices = false;
        var sawReferences = false;
        i++;
        bool more;
        do
        {
            i = Ws(s, i);
            if (Literal(s, ref i, "\"negotiated_prices\""u8))
            {
                if (sawPrices || !Colon(s, ref i) || !FastPrices(s, ref i, at, k, rateIndex))
                {
                    return false;
                }

                sawPrices = true;
            }
            else if (Literal(s, ref i, "\"provider_references\""u8))
            {
                if (sawReferences || !Colon(s, ref i) || !FastIds(s, ref i))
                {
                    return false;
                }

                sawReferences = true;
            }
            else
            {
                return false;
            }

            if (!Next(s, ref i, '}', out more))
            {
                return false;
            }
        }
        while (more);

        next = i;
        return sawPrices && sawReferences && providers.TryGetResolved(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), out summary);
    }

    /// <summary>The state of a reader in <paramref name="before"/>'s position after it has read one object there.</summary>
    static JsonReaderState StateAfterObject(JsonReaderState before)
    {
        var probe = new Utf8JsonReader("{}"u8, isFinalBlock: false, before);
        probe.Read();
        probe.Read();
        return probe.CurrentState;
    }

    /// <summary><c>[id, ...]</c> of plain non-negative integers into <see cref="ids"/>.</summary>
    bool FastIds(ReadOnlySpan<byte> s, ref int i)
    {
        if (!ArrayStart(s, ref i, out var more))
        {
            return false;
        }

        while (more)
        {
            if (!UnsignedInteger(s, ref i, out var id))
            {
                return false;
            }

            ids.Add(id);
            if (!Next(s, ref i, ']', out more))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>[</c> and the whitespace after it; <paramref name="more"/> is false (and <c>]</c> passed) when the array is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool ArrayStart(ReadOnlySpan<byte> s, scoped ref int i, out bool more)
    {
        more = false;
        if (!Is(s, i, '['))
        {
            return false;
        }

        i = Ws(s, i + 1);
        more = !Is(s, i, ']');
        i += more ? 0 : 1;
        return true;
    }

    /// <summary>
    /// After an array element or object member: <c>,</c> and the whitespace after it (<paramref name="more"/>), or
    /// <paramref name="close"/> (passed); false on anything else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Next(ReadOnlySpan<byte> s, scoped ref int i, char close, out bool more)
    {
        i = Ws(s, i);
        more = Is(s, i, ',');
        if (more)
        {
            i = Ws(s, i + 1);
            return true;
        }

        if (!Is(s, i, close))
        {
            return false;
        }

        i++;
        return true;
    }

    /// <summary><c>0</c> or <c>[1-9][0-9]*</c>, at most 18 digits (so it fits a long as it is).</summary>
    static bool UnsignedInteger(ReadOnlySpan<byte> s, scoped ref int i, out long value)
    {
        value = 0;
        var from = i;
        if (Is(s, i, '0'))
        {
            i++;
            return true;
        }

        while ((uint)i < (uint)s.Length && (uint)(s[i] - '0') <= 9)
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i > from && i - from <= 18;
    }

    /// <summary>
    /// An unescaped string without control bytes (invalid in JSON) at <paramref name="i"/>; its content, and
    /// <paramref name="i"/> past its closing quote. A plain loop: the strings here are short.
    /// </summary>
    static bool StringAt(ReadOnlySpan<byte> s, scoped ref int i, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!Is(s, i, '"'))
        {
            return false;
        }

        for (var end = i + 1; (uint)end < (uint)s.Length; end++)
        {
            var c = s[end];
            if (c == '"')
            {
                value = s[(i + 1)..end];
                i = end + 1;
                return true;
            }

            if (c == '\\' || c < 0x20)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="token"/> (a quoted literal) is at <paramref name="i"/>; moves past it when it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Literal(ReadOnlySpan<byte> s, ref int i, ReadOnlySpan<byte> token)
    {
        if ((uint)i <= (uint)s.Length && s[i..].StartsWith(token))
        {
            i += token.Length;
            return true;
        }

        return false;
    }

    /// <summary>Whitespace, <c>:</c> and whitespace after a property name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Colon(ReadOnlySpan<byte> s, ref int i)
    {
        i = Ws(s, i);
        if (!Is(s, i, ':'))
        {
            return false;
        }

        i = Ws(s, i + 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Is(ReadOnlySpan<byte> s, int i, char c) => (uint)i < (uint)s.Length && s[i] == c;

    /// <summary>The index of the first byte at or after <paramref name="i"/> that is not JSON whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Ws(ReadOnlySpan<byte> s, int i)
    {
        while ((uint)i < (uint)s.Length && s[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }

        return i;
    }
}
