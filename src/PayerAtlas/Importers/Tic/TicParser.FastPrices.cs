using System.Runtime.CompilerServices;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// <c>negotiated_prices</c> for the fast path (see <c>TicParser.FastRates.cs</c>): each price object read from the
/// bytes into the same <see cref="RatePrice"/> slot the general path fills, with the same caches and value parsers; anything
/// the general path would read differently or reject makes it give up (return false).
/// </summary>
internal sealed partial class TicParser
{
    const int SawType = 1, SawRate = 2, SawExpiration = 4, SawClass = 8, SawService = 16, SawModifier = 32, SawSetting = 64, SawInformation = 128;
    const int SawRequired = SawType | SawRate | SawExpiration | SawClass;

    /// <summary><c>[{price}, ...]</c> into <see cref="ratePrices"/>; <paramref name="at"/> is the absolute offset of <c>s[0]</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own inlining budget (see TryFastRates)
    bool FastPrices(ReadOnlySpan<byte> s, ref int i, long at, int k, int rateIndex)
    {
        if (!ArrayStart(s, ref i, out var more))
        {
            return false;
        }

        for (var p = 0; more; p++)
        {
            if (!Is(s, i, '{'))
            {
                return false;
            }

            ref var price = ref ratePrices.Add();
            price.Locator = RateLocator.InNetworkPrice(k, rateIndex, p, at + i);
            i++;
            if (!FastPrice(s, ref i, ref price))
            {
                return false;
            }

            if (!Next(s, ref i, ']', out more))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One price object's members after its <c>{</c>, up to and past its <c>}</c>.</summary>
    bool FastPrice(ReadOnlySpan<byte> s, ref int i, ref RatePrice p)
    {
        var seen = 0;
        bool more;
        do
        {
            i = Ws(s, i);
            if (!FastPriceMember(s, ref i, ref p, ref seen) || !Next(s, ref i, '}', out more))
            {
                return false;
            }
        }
        while (more);

        return (seen & SawRequired) == SawRequired && (p.Setting is not null || !frozen!.RequiresSetting);
    }

    /// <summary>
    /// One member, the name matched with its quotes (so an escaped or longer name does not match) and the common
    /// enum values likewise; a repeated name is left to the general path (the last value wins there).
    /// </summary>
    bool FastPriceMember(ReadOnlySpan<byte> s, ref int i, ref RatePrice p, ref int seen)
    {
        int bit;
        ReadOnlySpan<byte> value;
        if (Literal(s, ref i, "\"negotiated_type\""u8))
        {
            bit = SawType;
            if (!Colon(s, ref i) || NegotiatedTypeAt(s, ref i) is not { } type)
            {
                return false;
            }

            p.NegotiatedType = type;
            p.RateIsPercentage = type == NegotiatedTypes[3];
        }
        else if (Literal(s, ref i, "\"negotiated_rate\""u8))
        {
            bit = SawRate;
            if (!Colon(s, ref i) || !PlainNumber(s, ref i, out value) || !TryPlainDecimal(value, out var rate))
            {
                return false;
            }

            p.Rate = rate;
        }
        else if (Literal(s, ref i, "\"expiration_date\""u8))
        {
            bit = SawExpiration;
            if (!Colon(s, ref i) || !DateAt(s, ref i, out var expires))
            {
                return false;
            }

            p.ExpirationDate = expires;
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

    /// <summary>
    /// Joined <c>service_code</c> / <c>billing_code_modifier</c> values by the array's text, one cache per field (as
    /// <see cref="joined"/> and <see cref="joinedUpper"/>): each remembers what <see cref="Joined"/> answered for its
    /// flag, which never changes afterwards.
    /// </summary>
    readonly Utf8Cache<string> rawServiceCodes = new();
    readonly Utf8Cache<string> rawModifiers = new();

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
        var key = 0;
        if (!ArrayStart(s, ref i, out var more))
        {
            return false;
        }

        while (more)
        {
            if (!StringAt(s, ref i, out var value) || key + value.Length + 1 > joinScratch.Length)
            {
                return false;
            }

            value.CopyTo(joinScratch.AsSpan(key));
            key += value.Length;
            joinScratch[key++] = 0;
            if (!Next(s, ref i, ']', out more))
            {
                return false;
            }
        }

        parts.Clear();
        result = Joined(key, cacheable: true, upper);
        raw.Add(s[from..(i - 1)], result);
        return true;
    }
}
