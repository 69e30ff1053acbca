using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// <c>negotiated_prices</c> for the fast path (see <c>TicParser.FastRates.cs</c>): each price object read from the
/// bytes into the same <see cref="Price"/> the general path makes, with the same caches and value parsers; anything
/// the general path would read differently or reject makes it give up (return false).
/// </summary>
internal sealed partial class TicParser
{
    const int SawType = 1, SawRate = 2, SawExpiration = 4, SawClass = 8, SawService = 16, SawModifier = 32, SawSetting = 64, SawInformation = 128;
    const int SawRequired = SawType | SawRate | SawExpiration | SawClass;

    /// <summary><c>[{price}, ...]</c> into <see cref="ratePrices"/>; <paramref name="at"/> is the absolute offset of <c>s[0]</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own inlining budget (see TryFastRates)
    bool FastPrices(ReadOnlySpan<byte> s, ref int i, long at, int rateIndex)
    {
        if (!Is(s, i, '['))
        {
            return false;
        }

        i = Ws(s, i + 1);
        if (Is(s, i, ']'))
        {
            i++;
            return true;
        }

        for (var p = 0; ; p++)
        {
            if (!Is(s, i, '{'))
            {
                return false;
            }

            var price = new Price { RateIndex = rateIndex, PriceIndex = p, Offset = at + i };
            i++;
            if (!FastPrice(s, ref i, ref price))
            {
                return false;
            }

            ratePrices.Add(price);
            i = Ws(s, i);
            if (Is(s, i, ','))
            {
                i = Ws(s, i + 1);
                continue;
            }

            if (!Is(s, i, ']'))
            {
                return false;
            }

            i++;
            return true;
        }
    }

    /// <summary>One price object's members after its <c>{</c>, up to and past its <c>}</c>.</summary>
    bool FastPrice(ReadOnlySpan<byte> s, ref int i, ref Price p)
    {
        var seen = 0;
        while (true)
        {
            i = Ws(s, i);
            if (!FastPriceMember(s, ref i, ref p, ref seen))
            {
                return false;
            }

            i = Ws(s, i);
            if (Is(s, i, ','))
            {
                i++;
                continue;
            }

            if (!Is(s, i, '}'))
            {
                return false;
            }

            i++;
            return (seen & SawRequired) == SawRequired && (p.Setting is not null || !frozen!.RequiresSetting);
        }
    }

    /// <summary>
    /// One member, the name matched with its quotes (so an escaped or longer name does not match) and the common
    /// enum values likewise; a repeated name is left to the general path (the last value wins there).
    /// </summary>
    bool FastPriceMember(ReadOnlySpan<byte> s, ref int i, ref Price p, ref int seen)
    {
        int bit;
        ReadOnlySpan<byte> value;
        if (Literal(s, ref i, "\"negotiated_type\""u8))
        {
            bit = SawType;
            if (!Colon(s, ref i) || (p.NegotiatedType = NegotiatedTypeAt(s, ref i)) is null)
            {
                return false;
            }
        }
        else if (Literal(s, ref i, "\"negotiated_rate\""u8))
        {
            bit = SawRate;
            if (!Colon(s, ref i) || !PlainNumber(s, ref i, out value) || !TryPlainDecimal(value, out p.Rate))
            {
                return false;
            }
        }
        else if (Literal(s, ref i, "\"expiration_date\""u8))
        {
            bit = SawExpiration;
            if (!Colon(s, ref i) || !DateAt(s, ref i, out p.Expiration))
            {
                return false;
            }
        }
        else if (Literal(s, ref i, "\"billing_class\""u8))
        {
            bit = SawClass;
            if (!Colon(s, ref i) || BillingClassAt(s, ref i) is not { } billingClass)
            {
                return false;
            }

            p.BillingClass = billingClass;
        }
        else if (Literal(s, ref i, "\"service_code\""u8))
        {
            bit = SawService;
            if (!Colon(s, ref i) || !FastJoined(s, ref i, upper: false, out p.PlacesOfService))
            {
                return false;
            }
        }
        else if (Literal(s, ref i, "\"billing_code_modifier\""u8))
        {
            bit = SawModifier;
            if (!Colon(s, ref i) || !FastJoined(s, ref i, upper: true, out p.Modifiers))
            {
                return false;
            }
        }
        else if (Literal(s, ref i, "\"setting\""u8))
        {
            bit = SawSetting;
            if (!Colon(s, ref i) || (p.Setting = SettingAt(s, ref i)) is null)
            {
                return false;
            }
        }
        else if (Literal(s, ref i, "\"additional_information\""u8))
        {
            bit = SawInformation;
            if (!Colon(s, ref i) || !StringAt(s, ref i, out value) || (p.AdditionalInformation = CachedString(value)) is null)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }

    /// <summary><c>(0|[1-9][0-9]*)(.[0-9]+)?</c>: the number's bytes (a sign or exponent is left to the general path).</summary>
    static bool PlainNumber(ReadOnlySpan<byte> s, scoped ref int i, out ReadOnlySpan<byte> number)
    {
        number = default;
        var from = i;
        if (Is(s, i, '0'))
        {
            i++;
        }
        else
        {
            while ((uint)i < (uint)s.Length && (uint)(s[i] - '0') <= 9)
            {
                i++;
            }

            if (i == from)
            {
                return false;
            }
        }

        if (Is(s, i, '.'))
        {
            var fraction = ++i;
            while ((uint)i < (uint)s.Length && (uint)(s[i] - '0') <= 9)
            {
                i++;
            }

            if (i == fraction)
            {
                return false;
            }
        }

        number = s[from..i];
        return true;
    }

    /// <summary>
    /// <c>["a", ...]</c> of unescaped strings as the same joined value <see cref="ReadJoinedStrings"/> gives (same
    /// key, same cache); an array the general path could not cache (too long) is left to it.
    /// </summary>
    bool FastJoined(ReadOnlySpan<byte> s, ref int i, bool upper, out string result)
    {
        result = "";
        if (!Is(s, i, '['))
        {
            return false;
        }

        // The array's text as written is a second key: a hit means these exact bytes were read before (so they are a
        // valid array, and the first ']' is its end). A ']' inside a string only makes the lookup miss.
        var raw = upper ? rawModifiers : rawServiceCodes;
        var body = s[(i + 1)..];
        var close = body.IndexOf((byte)']');
        if (close >= 0 && raw.TryGet(body[..close], out result))
        {
            i += close + 2;
            return true;
        }

        var from = i + 1;
        i = Ws(s, i + 1);
        var key = 0;
        if (!Is(s, i, ']'))
        {
            while (true)
            {
                if (!StringAt(s, ref i, out var value) || key + value.Length + 1 > joinScratch.Length)
                {
                    return false;
                }

                value.CopyTo(joinScratch.AsSpan(key));
                key += value.Length;
                joinScratch[key++] = 0;
                i = Ws(s, i);
                if (Is(s, i, ','))
                {
                    i = Ws(s, i + 1);
                    continue;
                }

                if (!Is(s, i, ']'))
                {
                    return false;
                }

                break;
            }
        }

        parts.Clear();
        result = Joined(key, cacheable: true, upper);
        raw.Add(s[from..i], result);
        i++;
        return true;
    }

    /// <summary>An unescaped string value as <see cref="StringValue"/> gives it (interned); null when it is not valid UTF-8.</summary>
    string? CachedString(ReadOnlySpan<byte> value)
    {
        if (strings.TryGet(value, out var s))
        {
            return s;
        }

        if (!System.Text.Unicode.Utf8.IsValid(value))
        {
            return null;
        }

        s = Encoding.UTF8.GetString(value);
        strings.Add(value, s);
        return s;
    }

    static string? NegotiatedTypeAt(ReadOnlySpan<byte> s, ref int i) =>
        Literal(s, ref i, "\"negotiated\""u8) ? NegotiatedTypes[0]
        : Literal(s, ref i, "\"fee schedule\""u8) ? NegotiatedTypes[2]
        : Literal(s, ref i, "\"derived\""u8) ? NegotiatedTypes[1]
        : Literal(s, ref i, "\"percentage\""u8) ? NegotiatedTypes[3]
        : Literal(s, ref i, "\"per diem\""u8) ? NegotiatedTypes[4]
        : null;

    static string? SettingAt(ReadOnlySpan<byte> s, ref int i) =>
        Literal(s, ref i, "\"outpatient\""u8) ? Settings[1]
        : Literal(s, ref i, "\"inpatient\""u8) ? Settings[0]
        : Literal(s, ref i, "\"both\""u8) ? Settings[2]
        : null;

    static BillingClass? BillingClassAt(ReadOnlySpan<byte> s, ref int i) =>
        Literal(s, ref i, "\"professional\""u8) ? BillingClass.Professional
        : Literal(s, ref i, "\"institutional\""u8) ? BillingClass.Institutional
        : Literal(s, ref i, "\"both\""u8) ? BillingClass.Both
        : null;

    /// <summary>
    /// A <c>"YYYY-MM-DD"</c> date (digits and dashes only, so no escape can hide in it), through a small memo of the
    /// dates seen: a file repeats a handful of expiration dates millions of times.
    /// </summary>
    bool DateAt(ReadOnlySpan<byte> s, ref int i, out DateOnly date)
    {
        date = default;
        if ((uint)(i + 11) >= (uint)s.Length || s[i] != '"' || s[i + 11] != '"')
        {
            return false;
        }

        var text = s.Slice(i + 1, 10);
        var key = (BinaryPrimitives.ReadUInt64LittleEndian(text), BinaryPrimitives.ReadUInt16LittleEndian(text[8..]));
        ref var slot = ref dates[(int)((key.Item1 ^ (key.Item1 >> 29) ^ key.Item2) * 0x9E3779B97F4A7C15UL >> 58)];
        if (slot.Valid && slot.Key == key)
        {
            date = slot.Date;
        }
        else if (TryParseDate(text, out date))
        {
            slot = new DateSlot(key, date, true);
        }
        else
        {
            return false;
        }

        i += 12;
        return true;
    }

    readonly DateSlot[] dates = new DateSlot[64];

    /// <summary>
    /// Joined <c>service_code</c> / <c>billing_code_modifier</c> values by the array's text. Two caches, because the
    /// value of a key in <see cref="joined"/> is whatever the first array with those elements made of it (upper case
    /// or not); each remembers what <see cref="Joined"/> answered for its flag, which never changes afterwards.
    /// </summary>
    readonly Utf8Cache<string> rawServiceCodes = new();
    readonly Utf8Cache<string> rawModifiers = new();

    readonly record struct DateSlot((ulong, ushort) Key, DateOnly Date, bool Valid);
}
