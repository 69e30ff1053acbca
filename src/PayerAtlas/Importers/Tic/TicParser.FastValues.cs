using System.Buffers.Binary;
using System.Text;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

/// <summary>Single values for the fast path: numbers, enum values, dates and interned strings, as the general path reads them.</summary>
internal sealed partial class TicParser
{
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

    readonly record struct DateSlot((ulong, ushort) Key, DateOnly Date, bool Valid);
}
