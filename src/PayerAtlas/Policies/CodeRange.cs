using System.Globalization;

namespace PayerAtlas.Policies;

/// <summary>
/// A code or an inclusive range of codes as policies list them ("77053", "77065-77067", "G0202-G0206",
/// "C50.011-C50.929"). Both ends share one template: the same length, the same letters and punctuation in the
/// same places, digits elsewhere; the digits read as one number give the order. So "0042T-0045T" is a range and
/// "77065-G0202" is not.
/// </summary>
public sealed record CodeRange(string Low, string High)
{
    /// <summary>The most codes one range may name: larger spans are almost always typos (77065-87067).</summary>
    public const int MaxCodes = 10_000;

    public static CodeRange Single(string code) => new(code, code);

    public bool IsSingle => Low == High;

    public override string ToString() => IsSingle ? Low : $"{Low}-{High}";

    /// <summary>"77065–77067" with an en dash, for prose.</summary>
    public string Display => IsSingle ? Low : $"{Low}–{High}";

    public bool Contains(string code) =>
        code.Length == Low.Length && SameTemplate(Low, code)
        && string.CompareOrdinal(Low, code) <= 0 && string.CompareOrdinal(code, High) <= 0;

    public bool Overlaps(CodeRange other) =>
        SameTemplate(Low, other.Low) && string.CompareOrdinal(Low, other.High) <= 0 && string.CompareOrdinal(other.Low, High) <= 0;

    /// <summary>How many codes the range names.</summary>
    public long Count => Number(High) - Number(Low) + 1;

    /// <summary>Every code in order. Callers bound the size with <see cref="MaxCodes"/> at parse time.</summary>
    public IEnumerable<string> Expand()
    {
        for (var code = Low; ; code = Successor(code)!)
        {
            yield return code;
            if (code == High)
            {
                yield break;
            }
        }
    }

    /// <summary>Why "low" and "high" cannot form a range, or null when they can.</summary>
    public static string? Problem(string low, string high)
    {
        if (low.Length != high.Length || !SameTemplate(low, high))
        {
            return $"'{low}' and '{high}' have different shapes, so they cannot bound one range";
        }

        if (!low.Any(char.IsAsciiDigit))
        {
            return $"'{low}' has no digits to count through";
        }

        if (string.CompareOrdinal(low, high) > 0)
        {
            return $"the range runs backwards: {low} is after {high}";
        }

        var count = Number(high) - Number(low) + 1;
        return count > MaxCodes ? $"the range {low}-{high} names {count:N0} codes; the limit is {MaxCodes:N0} (a typo?)" : null;
    }

    /// <summary>The next code with the same template ("77065" → "77066", "0042T" → "0043T"), or null after the last.</summary>
    public static string? Successor(string code)
    {
        var chars = code.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(chars[i]))
            {
                continue;
            }

            if (chars[i] < '9')
            {
                chars[i]++;
                return new string(chars);
            }

            chars[i] = '0';
        }

        return null;
    }

    /// <summary>Letters and punctuation equal position by position; digits anywhere a digit is.</summary>
    public static bool SameTemplate(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            var da = char.IsAsciiDigit(a[i]);
            if (da != char.IsAsciiDigit(b[i]) || !da && a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    static long Number(string code)
    {
        var digits = new string(code.Where(char.IsAsciiDigit).ToArray());
        return long.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Sorted codes folded back into ranges of consecutive codes: 77065, 77066, 77067, 77054 → 77054, 77065-77067.</summary>
    public static IReadOnlyList<CodeRange> Collapse(IEnumerable<string> codes)
    {
        var ranges = new List<CodeRange>();
        string? low = null, high = null;
        foreach (var code in codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (high is not null && Successor(high) == code && SameTemplate(high, code))
            {
                high = code;
                continue;
            }

            if (low is not null)
            {
                ranges.Add(new CodeRange(low, high!));
            }

            low = high = code;
        }

        if (low is not null)
        {
            ranges.Add(new CodeRange(low, high!));
        }

        return ranges;
    }
}
