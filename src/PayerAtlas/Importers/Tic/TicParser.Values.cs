using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

/// <summary>Typed reads of single values with schema errors that name the byte offset and JSON path.</summary>
internal sealed partial class TicParser
{
    readonly byte[] nameScratch = new byte[256];
    readonly byte[] joinScratch = new byte[256];

    /// <summary>The property name the reader is on, unescaped when it has to be (names are ASCII in practice).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    ReadOnlySpan<byte> Name(ref Utf8JsonReader r)
    {
        if (!r.ValueIsEscaped)
        {
            return r.ValueSpan;
        }

        return r.ValueSpan.Length <= nameScratch.Length ? nameScratch.AsSpan(0, r.CopyString(nameScratch)) : default;
    }

    /// <summary>Reads the value of the property the reader is on as a string (interned when short).</summary>
    string ReadString(ref Utf8JsonReader r, string property)
    {
        j.Read(ref r);
        return StringValue(ref r, property);
    }

    string StringValue(ref Utf8JsonReader r, string property)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            throw WrongType(ref r, property, "a string");
        }

        if (r.ValueIsEscaped)
        {
            return Text(ref r, property);
        }

        var span = r.ValueSpan;
        if (strings.TryGet(span, out var s))
        {
            return s;
        }

        s = Text(ref r, property);
        strings.Add(span, s);
        return s;
    }

    /// <summary>Checks the value is a string without keeping it (names and descriptions are not stored).</summary>
    void SkipString(ref Utf8JsonReader r, string property)
    {
        j.Read(ref r);
        if (r.TokenType != JsonTokenType.String)
        {
            throw WrongType(ref r, property, "a string");
        }
    }

    decimal ReadDecimal(ref Utf8JsonReader r, string property)
    {
        j.Read(ref r);
        if (r.TokenType != JsonTokenType.Number)
        {
            throw WrongType(ref r, property, "a number");
        }

        if (TryPlainDecimal(r.HasValueSequence ? default : r.ValueSpan, out var plain))
        {
            return plain;
        }

        if (!r.TryGetDecimal(out var value))
        {
            throw Fail(ref r, property, "the number does not fit a decimal");
        }

        return value;
    }

    /// <summary>
    /// The common shape of a rate, <c>digits[.digits]</c> with at most 18 digits, as a decimal with the same scale
    /// <see cref="Utf8JsonReader.TryGetDecimal"/> gives; anything else (sign, exponent, long numbers) is left to it.
    /// </summary>
    static bool TryPlainDecimal(ReadOnlySpan<byte> s, out decimal value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 18)
        {
            return false;
        }

        long mantissa = 0;
        var scale = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var digit = (uint)(c - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (c == '.' && scale < 0 && i > 0 && i < s.Length - 1)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        value = new decimal((int)(mantissa & 0xFFFF_FFFF), (int)(mantissa >> 32), 0, false, (byte)Math.Max(scale, 0));
        return true;
    }

    long Int64Value(ref Utf8JsonReader r, string property)
    {
        if (r.TokenType != JsonTokenType.Number)
        {
            throw WrongType(ref r, property, "a number");
        }

        if (!r.TryGetInt64(out var value))
        {
            // 1.0 is a valid JSON number for an integer id; anything with a fraction is not.
            if (r.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
            {
                return (long)d;
            }

            throw Fail(ref r, property, "expected an integer");
        }

        return value;
    }

    DateOnly ReadDate(ref Utf8JsonReader r, string property)
    {
        j.Read(ref r);
        if (r.TokenType != JsonTokenType.String)
        {
            throw WrongType(ref r, property, "a YYYY-MM-DD date string");
        }

        if (!r.ValueIsEscaped && TryParseDate(r.ValueSpan, out var date))
        {
            return date;
        }

        throw Fail(ref r, property, $"'{Text(ref r, property)}' is not a YYYY-MM-DD date");
    }

    static bool TryParseDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var y) || !TryDigits(s.Slice(5, 2), out var m) || !TryDigits(s.Slice(8, 2), out var d))
        {
            return false;
        }

        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>
    /// A string array as one value, sorted and joined with ':' (service codes, modifiers). The elements' bytes as
    /// written are the cache key, so a recurring <c>["11","22"]</c> costs one lookup and no string after the first time.
    /// </summary>
    string ReadJoinedStrings(ref Utf8JsonReader r, string property, bool upper)
    {
        j.Read(ref r);
        if (r.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref r, property, "an array of strings");
        }

        // The key is the elements' raw bytes, each followed by a 0 byte (which cannot occur unescaped in JSON text);
        // escaped or overlong elements are kept as strings beside it and make the array uncacheable.
        parts.Clear();
        var key = 0;
        var cacheable = true;
        path.PushIndex(property);
        var i = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(i++);
            if (r.TokenType != JsonTokenType.String)
            {
                throw WrongType(ref r, "", "a string");
            }

            var value = r.ValueSpan;
            if (r.ValueIsEscaped || key + value.Length + 1 > joinScratch.Length)
            {
                cacheable = false;
                parts.Add(Text(ref r, ""));
            }
            else
            {
                value.CopyTo(joinScratch.AsSpan(key));
                key += value.Length;
                joinScratch[key++] = 0;
            }
        }

        path.Pop();
        return Joined(key, cacheable, upper);
    }

    /// <summary>
    /// The joined value of the array whose key (elements' bytes, each followed by a 0 byte) is the first
    /// <paramref name="key"/> bytes of <c>joinScratch</c>, plus any elements already in <see cref="parts"/>.
    /// </summary>
    string Joined(int key, bool cacheable, bool upper)
    {
        var keySpan = joinScratch.AsSpan(0, key);
        var cache = upper ? joinedUpper : joined;
        if (cacheable && cache.TryGet(keySpan, out var hit))
        {
            return hit;
        }

        for (int b = 0, from = 0; b < key; b++)
        {
            if (joinScratch[b] == 0)
            {
                parts.Add(System.Text.Encoding.UTF8.GetString(joinScratch, from, b - from));
                from = b + 1;
            }
        }

        string result;
        if (parts.Count == 0)
        {
            result = "";
        }
        else
        {
            if (upper)
            {
                for (var p = 0; p < parts.Count; p++)
                {
                    parts[p] = parts[p].ToUpperInvariant();
                }
            }

            parts.Sort(StringComparer.Ordinal);
            result = parts.Count == 1 ? parts[0] : string.Join(':', parts.Distinct(StringComparer.Ordinal));
        }

        if (cacheable)
        {
            cache.Add(keySpan, result);
        }

        return result;
    }

    /// <summary>An observation's locator, <c>$.in_network[k].negotiated_rates[r].negotiated_prices[p] @ offset</c>, formatted without an interpolation buffer.</summary>
    BillingClass ReadBillingClass(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped)
        {
            var s = r.ValueSpan;
            if (s.SequenceEqual("professional"u8))
            {
                return BillingClass.Professional;
            }

            if (s.SequenceEqual("institutional"u8))
            {
                return BillingClass.Institutional;
            }

            if (s.SequenceEqual("both"u8))
            {
                return BillingClass.Both;
            }
        }

        throw r.TokenType == JsonTokenType.String
            ? Fail(ref r, "billing_class", $"'{Text(ref r, "billing_class")}' is not professional, institutional or both")
            : WrongType(ref r, "billing_class", "a string");
    }

    /// <summary>Reads a string and checks it is one of <paramref name="allowed"/>; returns the allowed constant.</summary>
    string ReadEnum(ref Utf8JsonReader r, string property, string[] allowed)
    {
        j.Read(ref r);
        return Enum(ref r, property, allowed);
    }

    /// <summary>The value the reader is on, which must be one of <paramref name="allowed"/> (escapes allowed).</summary>
    string Enum(ref Utf8JsonReader r, string property, string[] allowed)
    {
        var s = StringValue(ref r, property);
        foreach (var a in allowed)
        {
            if (string.Equals(a, s, StringComparison.Ordinal))
            {
                return a;
            }
        }

        throw Fail(ref r, property, $"'{s}' is not one of {string.Join(", ", allowed)}");
    }

    void Expect(ref Utf8JsonReader r, JsonTokenType type, string property)
    {
        if (r.TokenType != type)
        {
            throw WrongType(ref r, property, type switch
            {
                JsonTokenType.StartObject => "an object",
                JsonTokenType.StartArray => "an array",
                _ => type.ToString(),
            });
        }
    }

    /// <summary>
    /// The token's string. Utf8JsonReader checks UTF-8 only when a string is decoded (GetString throws
    /// InvalidOperationException then): a bad byte inside a value is the file's error, with its offset and path.
    /// </summary>
    string Text(ref Utf8JsonReader r, string property)
    {
        if (!Utf8Valid(ref r))
        {
            throw Fail(ref r, property, "the string is not valid UTF-8");
        }

        return r.GetString()!;
    }

    static bool Utf8Valid(ref Utf8JsonReader r) =>
        System.Text.Unicode.Utf8.IsValid(r.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(r.ValueSequence) : r.ValueSpan);

    [MethodImpl(MethodImplOptions.NoInlining)]
    TicFormatException WrongType(ref Utf8JsonReader r, string property, string expected)
    {
        var found = r.TokenType switch
        {
            JsonTokenType.String => Utf8Valid(ref r) ? $"the string \"{Truncate(r.GetString())}\"" : "a string that is not valid UTF-8",
            JsonTokenType.Number => $"the number {Truncate(System.Text.Encoding.UTF8.GetString(r.ValueSpan))}",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => r.TokenType.ToString(),
        };
        return Fail(ref r, property, $"expected {expected}, found {found}");
    }

    static string? Truncate(string? s) => s is { Length: > 40 } ? s[..40] + "…" : s;

    [MethodImpl(MethodImplOptions.NoInlining)]
    TicFormatException Fail(ref Utf8JsonReader r, string? property, string reason) =>
        Fail(j.Offset(r.TokenStartIndex), property, reason);

    TicFormatException Fail(long offset, string? property, string reason)
    {
        var at = path.ToString();
        if (!string.IsNullOrEmpty(property))
        {
            at += "." + property;
        }

        return new TicFormatException(source.Name, offset, at, reason);
    }

    [DoesNotReturn]
    void Missing(long offset, string property, string? alternative = null) =>
        throw Fail(offset, null, alternative is null ? $"the required field '{property}' is missing" : $"the required field '{property}' (or '{alternative}') is missing");
}
