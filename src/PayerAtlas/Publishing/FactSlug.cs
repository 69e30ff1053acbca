using System.Text;

namespace PayerAtlas.Publishing;

/// <summary>A name as a fact-id segment: lower-case letters and digits, every other run one dash ("West Mercy Hospital" → "west-mercy-hospital").</summary>
internal static class FactSlug
{
    public static string Of(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var ch in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(ch);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var s = slug.ToString().TrimEnd('-');
        return s.Length == 0 ? "unnamed" : s;
    }
}
