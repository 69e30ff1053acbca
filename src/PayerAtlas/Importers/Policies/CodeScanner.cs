using System.Text.RegularExpressions;
using PayerAtlas.Policies;

namespace PayerAtlas.Importers.Policies;

/// <summary>A code or range found in text, at a character offset.</summary>
public readonly record struct FoundCode(CodeRange Codes, CodeSystem System, int Index);

/// <summary>
/// Finds CPT, HCPCS Level II and ICD-10-CM codes and ranges in running text: "77053-77054", "77065 through 77067",
/// "G0202–G0206", "C50.011 - C50.929". Five-digit numbers that are not codes are left alone when they look like a
/// ZIP code after a state ("Baltimore, MD 21244"), an amount ("$12345"), a decimal, a percentage or a numbered
/// reference ("CR 10181", "Transmittal 3844"). It is a reader's index, not a verdict: editors confirm what a code
/// means in a policy.
/// </summary>
public static partial class CodeScanner
{
    static readonly HashSet<string> ReferenceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cr", "transmittal", "box", "suite", "ste", "no", "number", "zip", "fax", "phone", "tel", "ext", "pub",
        "publication", "form", "rev", "id", "docket", "pmid", "isbn", "issn", "room",
    };

    static readonly HashSet<string> States = new(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI",
    };

    public static bool IsIcd10(string code) => Icd10Exact().IsMatch(code);

    public static IEnumerable<FoundCode> Find(string text)
    {
        foreach (Match m in Procedure().Matches(text))
        {
            if (IsReference(text, m.Index))
            {
                continue;
            }

            foreach (var found in Ranges(m, CodeSystem.Procedure))
            {
                yield return found;
            }
        }

        foreach (Match m in Icd10().Matches(text))
        {
            foreach (var found in Ranges(m, CodeSystem.Icd10))
            {
                yield return found;
            }
        }
    }

    static IEnumerable<FoundCode> Ranges(Match m, CodeSystem system)
    {
        var low = m.Groups["low"].Value;
        var high = m.Groups["high"];
        if (!high.Success)
        {
            yield return new FoundCode(CodeRange.Single(low), system, m.Index);
        }
        else if (CodeRange.Problem(low, high.Value) is null)
        {
            yield return new FoundCode(new CodeRange(low, high.Value), system, m.Index);
        }
        else
        {
            // "77067-77065" or "77065-G0202": not a range, but both codes are still named.
            yield return new FoundCode(CodeRange.Single(low), system, m.Index);
            yield return new FoundCode(CodeRange.Single(high.Value), system, high.Index);
        }
    }

    /// <summary>The word before the number marks it as a reference or ZIP code rather than a billing code.</summary>
    static bool IsReference(string text, int index)
    {
        var start = Math.Max(0, index - 40);
        var before = PrecedingWord().Match(text[start..index]);
        if (!before.Success)
        {
            return false;
        }

        var word = before.Groups["word"].Value;
        return ReferenceWords.Contains(word.TrimEnd('.')) || States.Contains(word) && before.Groups["comma"].Success;
    }

    const string ProcedureCode = @"(?:\d{4}[0-9FTU]|[ABCEGHJKLMPQRSTV]\d{4})";
    const string Icd10Code = @"(?:[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4})";
    const string Through = @"\s*(?:-|–|—|\bthrough\b|\bthru\b|\bto\b)\s*";

    [GeneratedRegex($@"(?<![\w$#./\-–])(?<low>{ProcedureCode})(?:{Through}(?<high>{ProcedureCode}))?(?![\w%]|[.,]\d)")]
    private static partial Regex Procedure();

    [GeneratedRegex($@"(?<![\w.])(?<low>{Icd10Code})(?:{Through}(?<high>{Icd10Code}))?(?![\w])")]
    private static partial Regex Icd10();

    [GeneratedRegex($@"^{Icd10Code}$|^[A-TV-Z]\d[0-9A-Z]$")]
    private static partial Regex Icd10Exact();

    /// <summary>The last word before a number, and whether a comma precedes it ("Baltimore, MD").</summary>
    [GeneratedRegex(@"(?<comma>,\s*)?(?<word>[A-Za-z#.]+)[\s#:]*$")]
    private static partial Regex PrecedingWord();
}
