using System.Globalization;
using System.Text;

namespace PayerAtlas.Importers.Policies;

/// <summary>Decodes HTML character references: numeric (&amp;#8211; &amp;#x2013;) and the named ones policy pages use.</summary>
public static class Entities
{
    static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["quot"] = "\"", ["apos"] = "'", ["nbsp"] = "\u00A0",
        ["ndash"] = "–", ["mdash"] = "—", ["lsquo"] = "‘", ["rsquo"] = "’", ["ldquo"] = "“", ["rdquo"] = "”",
        ["hellip"] = "…", ["bull"] = "•", ["middot"] = "·", ["copy"] = "©", ["reg"] = "®", ["trade"] = "™",
        ["sect"] = "§", ["para"] = "¶", ["deg"] = "°", ["plusmn"] = "±", ["times"] = "×", ["divide"] = "÷",
        ["le"] = "≤", ["ge"] = "≥", ["ne"] = "≠", ["frac12"] = "½", ["frac14"] = "¼", ["frac34"] = "¾",
        ["shy"] = "", ["zwnj"] = "", ["zwj"] = "", ["thinsp"] = "\u2009", ["ensp"] = "\u2002", ["emsp"] = "\u2003",
        ["laquo"] = "«", ["raquo"] = "»", ["micro"] = "µ", ["eacute"] = "é", ["Eacute"] = "É", ["ntilde"] = "ñ",
        ["uuml"] = "ü", ["ouml"] = "ö", ["auml"] = "ä", ["dagger"] = "†", ["Dagger"] = "‡",
    };

    public static string Decode(string s)
    {
        var amp = s.IndexOf('&', StringComparison.Ordinal);
        if (amp < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (amp >= 0)
        {
            sb.Append(s, i, amp - i);
            var semi = s.IndexOf(';', amp + 1);
            var decoded = semi > amp + 1 && semi - amp <= 12 ? Reference(s[(amp + 1)..semi]) : null;
            if (decoded is null)
            {
                sb.Append('&');
                i = amp + 1;
            }
            else
            {
                sb.Append(decoded);
                i = semi + 1;
            }

            amp = s.IndexOf('&', i);
        }

        sb.Append(s, i, s.Length - i);
        return sb.ToString();
    }

    static string? Reference(string name)
    {
        if (name[0] != '#')
        {
            return Named.GetValueOrDefault(name);
        }

        var hex = name.Length > 1 && name[1] is 'x' or 'X';
        var digits = name[(hex ? 2 : 1)..];
        var ok = int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var cp);
        return ok && cp is > 0 and <= 0x10FFFF && cp is not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(cp) : null;
    }
}
