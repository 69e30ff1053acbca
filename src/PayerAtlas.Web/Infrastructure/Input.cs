using System.Globalization;
using PayerAtlas.Pricing;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>Validation of every route's input, with messages that say what was wrong and what is expected.</summary>
public static class Input
{
    public static bool TryCode(string? raw, out string code, out string error)
    {
        code = BillingCodes.Normalize(raw ?? "");
        if (BillingCodes.IsValid(code))
        {
            error = "";
            return true;
        }

        error = $"'{Clip(raw)}' is not a CPT/HCPCS code: a code is five letters or digits, e.g. 77054 or A4206";
        return false;
    }

    public static bool TryModifier(string? raw, out string? modifier, out string error)
    {
        modifier = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim().ToUpperInvariant();
        if (modifier is null || modifier.Length == 2 && modifier.All(char.IsAsciiLetterOrDigit))
        {
            error = "";
            return true;
        }

        error = $"'{Clip(raw)}' is not a modifier: a modifier is two letters or digits, e.g. 26 or TC";
        return false;
    }

    /// <summary>At most one of locality ("01112-54"), state ("CA") and national; none means every locality.</summary>
    public static bool TryScope(string? locality, string? state, string? national, out PriceScope scope, out string error)
    {
        scope = new PriceScope.All();
        error = "";
        var isNational = national is not null && !national.Equals("false", StringComparison.OrdinalIgnoreCase);
        if (new[] { locality is not null, state is not null, isNational }.Count(x => x) > 1)
        {
            error = "give at most one of locality, state and national";
            return false;
        }

        if (locality is not null)
        {
            return TryLocality(locality, out scope, out error);
        }

        if (state is not null)
        {
            return TryState(state, out scope, out error);
        }

        if (isNational)
        {
            scope = new PriceScope.National();
        }

        return true;
    }

    /// <summary>The locality picker's single value: "national", a state ("CA") or a locality ("01112-54").</summary>
    public static bool TryAt(string? at, out PriceScope scope, out string error)
    {
        if (string.IsNullOrWhiteSpace(at) || at.Trim().Equals("national", StringComparison.OrdinalIgnoreCase))
        {
            scope = new PriceScope.National();
            error = "";
            return true;
        }

        return at.Contains('-', StringComparison.Ordinal) ? TryLocality(at, out scope, out error) : TryState(at, out scope, out error);
    }

    static bool TryLocality(string text, out PriceScope scope, out string error)
    {
        try
        {
            scope = PriceScope.ParseLocality(text);
            error = "";
            return true;
        }
        catch (ArgumentException e)
        {
            scope = new PriceScope.All();
            error = e.Message.Replace(text, Clip(text), StringComparison.Ordinal);
            return false;
        }
    }

    static bool TryState(string text, out PriceScope scope, out string error)
    {
        var s = text.Trim().ToUpperInvariant();
        if (s.Length == 2 && s.All(char.IsAsciiLetterUpper))
        {
            scope = new PriceScope.State(s);
            error = "";
            return true;
        }

        scope = new PriceScope.All();
        error = $"'{Clip(text)}' is not a state: use the two-letter postal code, e.g. CA";
        return false;
    }

    public static bool TryPaging(string? page, string? pageSize, int defaultSize, int maxSize, out int p, out int size, out string error)
    {
        p = 1;
        size = defaultSize;
        error = "";
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p < 1 || p > 100_000))
        {
            error = $"page '{Clip(page)}' must be a whole number from 1";
            return false;
        }

        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > maxSize))
        {
            error = $"pageSize '{Clip(pageSize)}' must be a whole number from 1 to {maxSize}";
            return false;
        }

        return true;
    }

    /// <summary>Input echoed in a message is cut short (it is encoded wherever shown).</summary>
    public static string Clip(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
