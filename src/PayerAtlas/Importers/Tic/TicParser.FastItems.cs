using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// The fast path for the head of an <c>in_network</c> element: the code fields up to <c>negotiated_rates</c>
/// (<c>negotiation_arrangement</c>, <c>name</c>, <c>billing_code_type</c>, <c>billing_code_type_version</c>,
/// <c>billing_code</c>, <c>description</c>, in any order) read from the bytes like the rates in
/// <c>TicParser.FastRates.cs</c>. Nothing is kept unless the whole head reads; then the reader resumes inside
/// <c>negotiated_rates</c> and the rest of the element (more members, its end) goes through the general path.
/// </summary>
internal sealed partial class TicParser
{
    const int SawArrangement = 1, SawName = 2, SawCodeType = 4, SawCodeTypeVersion = 8, SawCode = 16, SawDescription = 32;

    /// <summary>The reader state inside <c>negotiated_rates</c> after its <c>[</c>, the same for every element of one array.</summary>
    JsonReaderState? ratesStart;
    long fastItemHeadCount;

    /// <summary>The reader is on the element's <c>{</c>; on success it has read the element's <c>negotiated_rates</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own inlining budget (see TryFastRates)
    void TryFastItemHead(ref Utf8JsonReader r, int k, int firstRate, bool allowDefer)
    {
        var s = j.Unread(in r);
        var i = 0;
        var seen = 0;
        string? arrangement = null, codeType = null, codeTypeVersion = null, code = null;
        while (true)
        {
            i = Ws(s, i);
            int bit;
            if (Literal(s, ref i, "\"negotiated_rates\""u8))
            {
                if (!Colon(s, ref i) || !Is(s, i, '['))
                {
                    return;
                }

                break;
            }

            if (Literal(s, ref i, "\"negotiation_arrangement\""u8))
            {
                bit = SawArrangement;
                arrangement = !Colon(s, ref i) ? null
                    : Literal(s, ref i, "\"ffs\""u8) ? Arrangements[0]
                    : Literal(s, ref i, "\"bundle\""u8) ? Arrangements[1]
                    : Literal(s, ref i, "\"capitation\""u8) ? Arrangements[2]
                    : null;
                if (arrangement is null)
                {
                    return;
                }
            }
            else if (Literal(s, ref i, "\"name\""u8))
            {
                bit = SawName;
                if (!Colon(s, ref i) || !StringAt(s, ref i, out _))
                {
                    return;
                }
            }
            else if (Literal(s, ref i, "\"description\""u8))
            {
                bit = SawDescription;
                if (!Colon(s, ref i) || !StringAt(s, ref i, out _))
                {
                    return;
                }
            }
            else if (Literal(s, ref i, "\"billing_code_type\""u8))
            {
                bit = SawCodeType;
                if (!Colon(s, ref i) || (codeType = CachedStringAt(s, ref i)) is null)
                {
                    return;
                }
            }
            else if (Literal(s, ref i, "\"billing_code_type_version\""u8))
            {
                bit = SawCodeTypeVersion;
                if (!Colon(s, ref i) || (codeTypeVersion = CachedStringAt(s, ref i)) is null)
                {
                    return;
                }
            }
            else if (Literal(s, ref i, "\"billing_code\""u8))
            {
                bit = SawCode;
                if (!Colon(s, ref i) || (code = CachedStringAt(s, ref i)) is null)
                {
                    return;
                }
            }
            else
            {
                return;
            }

            // A repeated member is left to the general path (the last value wins there).
            if ((seen & bit) != 0)
            {
                return;
            }

            seen |= bit;
            i = Ws(s, i);
            if (!Is(s, i, ','))
            {
                return;
            }

            i++;
        }

        item.Arrangement = arrangement;
        item.CodeType = codeType;
        item.CodeTypeVersion = codeTypeVersion;
        item.Code = code;
        item.SawName = (seen & SawName) != 0;
        item.SawDescription = (seen & SawDescription) != 0;
        ratesStart ??= StateAfterRatesStart(r.CurrentState);
        j.Resume(ref r, i + 1, ratesStart.Value);
        fastItemHeadCount++;
        ParseRateElements(ref r, k, firstRate, allowDefer);
    }

    /// <summary>A string value as <see cref="StringValue"/> gives it; null when it is not a plain string here.</summary>
    string? CachedStringAt(ReadOnlySpan<byte> s, ref int i) => StringAt(s, ref i, out var value) ? CachedString(value) : null;

    /// <summary>The state of a reader in <paramref name="objectStart"/>'s position (after an object's <c>{</c>) once it has read a name and a <c>[</c>.</summary>
    static JsonReaderState StateAfterRatesStart(JsonReaderState objectStart)
    {
        var probe = new Utf8JsonReader("\"negotiated_rates\":["u8, isFinalBlock: false, objectStart);
        probe.Read();
        probe.Read();
        return probe.CurrentState;
    }
}
