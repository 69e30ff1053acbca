using System.Text;

namespace PayerAtlas.Importers.Policies;

/// <summary>
/// Splits extracted text into paragraphs and sentences. A blank line or a line that opens a list item ("•", "15.",
/// "A.") starts a paragraph; lines inside a paragraph are joined, and a word broken by a hyphen at a line end is
/// mended. Sentences end at ". ", "? " or "! " before a capital, digit or opening bracket, except after common
/// abbreviations ("e.g.", "No."), single letters and short numbers ("15." in a numbered list).
/// </summary>
public static class Sentences
{
    static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "no", "nos", "st", "inc", "ltd", "co", "corp", "approx",
        "fig", "incl", "dept", "sec", "ch", "vol", "pp", "p", "u.s", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "al", "cf", "ref",
    };

    public static IEnumerable<string> Paragraphs(string text)
    {
        var paragraph = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || OpensItem(line))
            {
                if (paragraph.Length > 0)
                {
                    yield return paragraph.ToString();
                    paragraph.Clear();
                }

                if (line.Length == 0)
                {
                    continue;
                }
            }

            if (paragraph.Length > 0)
            {
                var mended = paragraph[^1] == '-' && paragraph.Length > 1 && char.IsAsciiLetterLower(paragraph[^2]) && char.IsAsciiLetterLower(line[0]);
                if (!mended)
                {
                    paragraph.Append(' ');
                }
            }

            paragraph.Append(line);
        }

        if (paragraph.Length > 0)
        {
            yield return paragraph.ToString();
        }
    }

    static bool OpensItem(string line)
    {
        if (line[0] is '•' or '▪' or '●' or '◦' or '*' or '–' or '-' && line.Length > 1 && line[1] == ' ')
        {
            return true;
        }

        var i = 0;
        while (i < line.Length && i < 3 && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        if (i == 0 && line.Length > 1 && char.IsAsciiLetterUpper(line[0]))
        {
            i = 1;
        }

        return i > 0 && i + 1 < line.Length && line[i] is '.' or ')' && line[i + 1] == ' ';
    }

    public static IEnumerable<string> Split(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('.' or '?' or '!') || !EndsHere(paragraph, i))
            {
                continue;
            }

            var sentence = paragraph[start..(i + 1)].Trim();
            if (sentence.Length > 0)
            {
                yield return sentence;
            }

            start = i + 1;
        }

        var rest = paragraph[start..].Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    static bool EndsHere(string s, int i)
    {
        if (i + 2 >= s.Length || s[i + 1] != ' ')
        {
            return false;
        }

        var next = s[i + 2];
        if (!(char.IsUpper(next) || char.IsAsciiDigit(next) || next is '(' or '"' or '“' or '•'))
        {
            return false;
        }

        if (s[i] != '.')
        {
            return true;
        }

        var wordStart = i;
        while (wordStart > 0 && (char.IsLetterOrDigit(s[wordStart - 1]) || s[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = s[wordStart..i];
        if (word.Length == 0)
        {
            return true;
        }

        var singleLetter = word.Length == 1 && char.IsLetter(word[0]);
        var listNumber = word.Length <= 3 && word.All(char.IsAsciiDigit) && wordStart == 0;
        return !(singleLetter || listNumber || Abbreviations.Contains(word) || word.EndsWith('.'));
    }
}
