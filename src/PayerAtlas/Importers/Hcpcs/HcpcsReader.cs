using System.Globalization;
using System.Text;
using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Hcpcs;

/// <summary>
/// Reads the CMS alpha-numeric HCPCS file (HCPC20xx_ANWEB*.txt, Windows-1252): a free-text disclaimer, then
/// fixed-width records. Positions (1-based) are from the CMS record layout "HCPCS Contractor Record"
/// (HCPCS20xx_recordlayout.txt) and were checked against HCPC2020_ANWEB_w_disclaimer.txt:
/// HCPC 1–5 (modifiers right-aligned, "   GA"), sequence 6–10, RIC 11, long description 12–91, short description
/// 92–119, pricing indicators 120–127 (4×2), multiple pricing 128, CIM 129–146 (3×6), MCM 147–170 (3×8),
/// statute 171–180, lab certification 181–204 (8×3), cross-reference 205–229 (5×5), coverage 230, ASC group
/// 231–232, ASC date 233–240, MOG 241–252 (blank since the ASC groups ended; not read), processing note 253–256,
/// BETOS 257–259, type of service 261–265 (5×1), anesthesia base units 266–268, add date 269–276, action
/// effective date 277–284, termination date 285–292, action code 293, filler 294–320. Dates are yyyyMMdd.
/// </summary>
public static class HcpcsReader
{
    /// <summary>A first record (RIC 3 or 7) holds every field, through the filler at 294–320.</summary>
    public const int FirstRecordLength = 320;

    /// <summary>CMS ships continuation records (RIC 4 or 8) cut after the long description.</summary>
    public const int ContinuationLength = 91;

    public static IEnumerable<HcpcsRecord> Read(IEnumerable<TextLine> lines, string file)
    {
        HcpcsRecord? open = null;
        var longDescription = new StringBuilder();
        var started = false;
        foreach (var (number, text) in lines)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!started)
            {
                if (!LooksLikeRecord(text))
                {
                    continue; // the disclaimer before the first record
                }

                started = true;
            }

            if (text.Length <= 11 || !text.AsSpan(5, 5).ContainsOnlyDigits())
            {
                throw text.Length <= 11
                    ? new ImportException(file, number, text.Length + 1, $"record is {text.Length} characters; a HCPCS record is {FirstRecordLength} (truncated record?)")
                    : new ImportException(file, number, 6, $"sequence number '{text[5..10]}' (positions 6–10) is not a number");
            }

            switch (text[10])
            {
                case '3' or '7':
                    if (open is not null)
                    {
                        yield return open with { LongDescription = longDescription.ToString() };
                    }

                    CheckLength(file, number, text, first: true);
                    open = ParseFirst(file, number, text, text[10] == '7' ? HcpcsRecordKind.Modifier : HcpcsRecordKind.Procedure);
                    longDescription.Clear();
                    Append(longDescription, text.AsSpan(11, 80));
                    break;
                case '4' or '8':
                    CheckContinuation(file, number, text, open);
                    CheckLength(file, number, text, first: false);
                    Append(longDescription, text.AsSpan(11, 80));
                    break;
                default:
                    throw new ImportException(file, number, 11,
                        $"unknown record identification code (RIC) '{text[10]}': expected 3 or 4 (procedure), 7 or 8 (modifier)");
            }
        }

        if (open is null)
        {
            throw new ImportException(file, "no HCPCS records found (RIC 3 or 7 at position 11): not an alpha-numeric HCPCS file");
        }

        yield return open with { LongDescription = longDescription.ToString() };
    }

    /// <summary>Where the disclaimer ends: a sequence number at 6–10 and a numeric RIC at 11.</summary>
    static bool LooksLikeRecord(string text) =>
        text.Length > 11 && text.AsSpan(5, 6).ContainsOnlyDigits();

    static void Append(StringBuilder description, ReadOnlySpan<char> part)
    {
        part = part.Trim();
        if (part.IsEmpty)
        {
            return;
        }

        if (description.Length > 0)
        {
            description.Append(' ');
        }

        description.Append(part);
    }

    static void CheckContinuation(string file, long line, string text, HcpcsRecord? open)
    {
        var kind = text[10] == '8' ? HcpcsRecordKind.Modifier : HcpcsRecordKind.Procedure;
        var what = Describe(kind);
        if (open is null)
        {
            throw new ImportException(file, line, 11, $"continuation record (RIC {text[10]}) with no {what} record before it");
        }

        if (open.Kind != kind)
        {
            throw new ImportException(file, line, 11,
                $"{what} continuation (RIC {text[10]}) follows {Describe(open.Kind)} '{open.Code}' (line {open.Line})");
        }

        if (!text.AsSpan(0, 5).Trim().SequenceEqual(open.Code))
        {
            throw new ImportException(file, line, 1,
                $"continuation record for '{text[..5].Trim()}' follows '{open.Code}' (line {open.Line}): a continuation must repeat its record's code");
        }
    }

    static string Describe(HcpcsRecordKind kind) => kind == HcpcsRecordKind.Modifier ? "modifier" : "procedure";

    static void CheckLength(string file, long line, string text, bool first)
    {
        var expected = first ? FirstRecordLength : ContinuationLength;
        var what = first ? "record" : "continuation record";
        var nonAscii = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (text.Length > expected && nonAscii >= 0)
        {
            throw new ImportException(file, line, nonAscii + 1,
                $"{what} is {text.Length} characters, not {expected}: wrong encoding? (a file re-encoded as UTF-8 turns one character into two or three)");
        }

        // A continuation padded with blanks to 320 carries nothing after its description, as the layout says.
        var paddedContinuation = !first && text.Length <= FirstRecordLength && text.AsSpan(Math.Min(expected, text.Length)).IsWhiteSpace();
        if (text.Length < expected || text.Length > expected && !paddedContinuation)
        {
            throw text.Length < expected
                ? new ImportException(file, line, text.Length + 1, $"{what} is {text.Length} characters, not {expected} (truncated record?)")
                : new ImportException(file, line, expected + 1, $"{what} is {text.Length} characters, not {expected} (text past position {expected})");
        }
    }

    static HcpcsRecord ParseFirst(string file, long line, string text, HcpcsRecordKind kind)
    {
        return new HcpcsRecord
        {
            Code = ParseCode(file, line, text, kind),
            Kind = kind,
            LongDescription = "",
            ShortDescription = Field(text, 92, 28),
            PricingIndicators = Slots(text, 120, 2, 4),
            MultiplePricingIndicator = Field(text, 128, 1),
            CoverageIssuesManualSections = Slots(text, 129, 6, 3),
            CarriersManualSections = Slots(text, 147, 8, 3),
            Statute = Field(text, 171, 10),
            LabCertificationCodes = Slots(text, 181, 3, 8),
            CrossReferenceCodes = Slots(text, 205, 5, 5),
            CoverageCode = Field(text, 230, 1),
            AscPaymentGroup = Field(text, 231, 2),
            AscPaymentGroupEffectiveDate = Date(file, line, text, 233, "ASC payment group effective date"),
            ProcessingNote = Field(text, 253, 4),
            BetosCode = Field(text, 257, 3),
            TypeOfServiceCodes = Slots(text, 261, 1, 5),
            AnesthesiaBaseUnits = Units(file, line, text),
            AddDate = Date(file, line, text, 269, "code added date"),
            ActionEffectiveDate = Date(file, line, text, 277, "action effective date"),
            TerminationDate = Date(file, line, text, 285, "termination date"),
            ActionCode = Field(text, 293, 1),
            Line = line,
        };
    }

    static string ParseCode(string file, long line, string text, HcpcsRecordKind kind)
    {
        var field = text.AsSpan(0, 5);
        if (kind == HcpcsRecordKind.Procedure)
        {
            return BillingCodes.IsValid(field)
                ? field.ToString()
                : throw new ImportException(file, line, 1, $"HCPC: '{field.Trim()}' is not a 5-character procedure code");
        }

        var modifier = field[3..];
        var ok = field[..3].IsWhiteSpace() && (char.IsAsciiLetterUpper(modifier[0]) || char.IsAsciiDigit(modifier[0]))
            && (char.IsAsciiLetterUpper(modifier[1]) || char.IsAsciiDigit(modifier[1]));
        return ok
            ? modifier.ToString()
            : throw new ImportException(file, line, 1, $"HCPC: '{field}' is not a modifier right-aligned in positions 1–5 (\"   GA\")");
    }

    static string Field(string text, int start, int length) => text.AsSpan(start - 1, length).Trim().ToString();

    static string[] Slots(string text, int start, int width, int count)
    {
        var slots = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var slot = Field(text, start + i * width, width);
            if (slot.Length > 0)
            {
                slots.Add(slot);
            }
        }

        return [.. slots];
    }

    static DateOnly? Date(string file, long line, string text, int start, string field)
    {
        var s = text.AsSpan(start - 1, 8);
        if (s.IsWhiteSpace())
        {
            return null;
        }

        return DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ImportException(file, line, start, $"{field} (positions {start}–{start + 7}): '{s.Trim()}' is not a yyyyMMdd date");
    }

    static int? Units(string file, long line, string text)
    {
        var s = text.AsSpan(265, 3).Trim();
        if (s.IsEmpty)
        {
            return null;
        }

        return s.ContainsOnlyDigits() && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var units)
            ? units
            : throw new ImportException(file, line, 266, $"anesthesia base units (positions 266–268): '{s}' is not a number");
    }

    static bool ContainsOnlyDigits(this ReadOnlySpan<char> s) => s.IndexOfAnyExceptInRange('0', '9') < 0;
}
