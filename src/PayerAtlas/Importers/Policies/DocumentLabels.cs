using System.Globalization;
using System.Text.RegularExpressions;
using PayerAtlas.Policies;

namespace PayerAtlas.Importers.Policies;

/// <summary>The dates a document labels, and its policy number, each with the block it was found in.</summary>
public sealed partial record DocumentLabels
{
    public Cited<DateOnly>? OriginalEffective { get; init; }
    public Cited<DateOnly>? Effective { get; init; }
    public Cited<DateOnly>? Revised { get; init; }
    public Cited<DateOnly>? LastReviewed { get; init; }
    public Cited<DateOnly>? NextReview { get; init; }
    public Cited<DateOnly>? Ended { get; init; }
    public Cited<string>? PolicyId { get; init; }

    /// <summary>
    /// The first labelled value of each kind, reading blocks in order. Labels are the ones payers and CMS print
    /// ("Effective Date:", "Original Effective Date", "Revision Effective Date", "Last Review", "Next Review Date",
    /// "Revision Date (Medicare):", "Policy Number:", "LCD ID"); dates are 01/15/2025, 2025-01-15 or January 15, 2025.
    /// </summary>
    public static DocumentLabels Find(IEnumerable<DocumentBlock> blocks)
    {
        var found = new DocumentLabels();
        foreach (var block in blocks)
        {
            var text = block.Text.Replace('\n', ' ');
            foreach (Match m in LabelledDate().Matches(text))
            {
                if (ParseDate(m.Groups["date"].Value) is not { } date)
                {
                    continue;
                }

                var cited = new Cited<DateOnly>(date, block.Location);
                var label = m.Groups["label"].Value.ToUpperInvariant();
                found = label switch
                {
                    _ when label.StartsWith("ORIGINAL", StringComparison.Ordinal) => found with { OriginalEffective = found.OriginalEffective ?? cited },
                    _ when label.Contains("ENDING", StringComparison.Ordinal) || label.StartsWith("RETIRE", StringComparison.Ordinal)
                        || label.StartsWith("END", StringComparison.Ordinal) || label.StartsWith("EXPIR", StringComparison.Ordinal)
                        => found with { Ended = found.Ended ?? cited },
                    _ when label.StartsWith("NEXT", StringComparison.Ordinal) => found with { NextReview = found.NextReview ?? cited },
                    _ when label.Contains("REVIEW", StringComparison.Ordinal) => found with { LastReviewed = found.LastReviewed ?? cited },
                    _ when label.Contains("EFFECTIVE", StringComparison.Ordinal) => found with { Effective = found.Effective ?? cited },
                    _ => found with { Revised = found.Revised ?? cited },
                };
            }

            if (found.PolicyId is null && PolicyNumber().Match(text) is { Success: true } id)
            {
                found = found with { PolicyId = new Cited<string>(id.Groups["id"].Value.TrimEnd('.', ','), block.Location) };
            }
        }

        return found;
    }

    static DateOnly? ParseDate(string text)
    {
        string[] formats = ["M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd", "MMMM d, yyyy", "MMMM d,yyyy", "MMM d, yyyy", "MMM. d, yyyy"];
        var cleaned = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return DateOnly.TryParseExact(cleaned, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    const string Month = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    const string Date = $@"\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|{Month}\.?\s+\d{{1,2}},\s*\d{{4}}";

    // Longest labels first, so "Original Effective Date" is not read as "Effective Date".
    [GeneratedRegex($@"\b(?<label>Original\s+Effective\s+Date|Original\s+Policy\s+Date|Revision\s+Effective\s+Date|Current\s+Effective\s+Date|Revision\s+Ending\s+Date|Retirement\s+Date|Expiration\s+Date|End\s+Date|Next\s+Review\s+Date|Next\s+Review|Last\s+Review(?:ed)?\s+Date|Last\s+Review(?:ed)?|Reviewed|Last\s+Revised|Revision\s+Date|Revised\s+Date|Revised|Effective\s+Date|Effective)\b\s*(?:\([^)]{{0,40}}\))?\s*[:\-–]?\s*(?:For\s+services\s+performed\s+on\s+or\s+after\s+)?(?<date>{Date})", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"\b(?:Coverage\s+Policy\s+Number|Guideline\s+Number|Policy\s+Number|Policy\s+No\.?|Policy\s+#|Medical\s+Policy\s+#|LCD\s+ID|Article\s+ID|Document\s+#)\s*[:#]?\s*(?<id>(?=[A-Z0-9.\-]*\d)[A-Z0-9][A-Z0-9.\-]{1,24})", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyNumber();
}
