using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

/// <summary>Typed reads of single values with schema errors that name the byte offset and JSON path.</summary>
internal sealed partial class TicParser
{
    readonly byte[] nameScratch = new byte[256];

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
            return r.GetString()!;
        }

        var span = r.ValueSpan;
        if (strings.TryGet(span, out var s))
        {
            return s;
        }

        s = r.GetString()!;
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

        if (!r.TryGetDecimal(out var value))
        {
            throw Fail(ref r, property, "the number does not fit a decimal");
        }

        return value;
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

        throw Fail(ref r, property, $"'{r.GetString()}' is not a YYYY-MM-DD date");
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
    /// A string array as one value, sorted and joined with ':' (service codes, modifiers). The raw bytes of a
    /// recurring array are the cache key, so <c>["11","22"]</c> costs one skip and one lookup after the first time.
    /// </summary>
    string ReadJoinedStrings(ref Utf8JsonReader r, string property, bool upper)
    {
        j.Read(ref r);
        if (r.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref r, property, "an array of strings");
        }

        var saved = r;
        if (r.TrySkip())
        {
            var raw = j.Slice((int)saved.TokenStartIndex, (int)r.BytesConsumed);
            if (joined.TryGet(raw, out var hit))
            {
                return hit;
            }

            r = saved;
            var value = JoinArray(ref r, property, upper);
            joined.Add(raw, value);
            return value;
        }

        return JoinArray(ref r, property, upper);
    }

    string JoinArray(ref Utf8JsonReader r, string property, bool upper)
    {
        parts.Clear();
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
            var s = StringValue(ref r, "");
            parts.Add(upper ? s.ToUpperInvariant() : s);
        }

        path.Pop();
        if (parts.Count == 0)
        {
            return "";
        }

        parts.Sort(StringComparer.Ordinal);
        return parts.Count == 1 ? parts[0] : string.Join(':', parts.Distinct(StringComparer.Ordinal));
    }

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
            ? Fail(ref r, "billing_class", $"'{r.GetString()}' is not professional, institutional or both")
            : WrongType(ref r, "billing_class", "a string");
    }

    /// <summary>Reads a string and checks it is one of <paramref name="allowed"/>; returns the allowed constant.</summary>
    string ReadEnum(ref Utf8JsonReader r, string property, string[] allowed)
    {
        var s = ReadString(ref r, property);
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    TicFormatException WrongType(ref Utf8JsonReader r, string property, string expected)
    {
        var found = r.TokenType switch
        {
            JsonTokenType.String => $"the string \"{Truncate(r.GetString())}\"",
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
