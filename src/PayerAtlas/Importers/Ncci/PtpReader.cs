using System.Globalization;
using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Ncci;

/// <summary>
/// Reads a CMS NCCI procedure-to-procedure edit file (practitioner <c>ccipra-v…-f1.txt</c> … <c>f4</c>, outpatient
/// hospital <c>ccioph-…</c>) as shipped: tab-delimited, Windows-1252, a free-text copyright preamble of any length,
/// a header row starting <c>Column 1&lt;TAB&gt;Column 2</c>, optional header continuation rows that spell out the codes
/// (<c>*=no data</c>, <c>0=not allowed</c> …), then one edit per row:
/// column 1, column 2, <c>*</c> when in existence prior to 1996, effective date (yyyymmdd), deletion date (yyyymmdd
/// or <c>*</c>), modifier indicator (0, 1 or 9), rationale.
/// </summary>
public static class PtpReader
{
    /// <summary>The header must appear within this many lines; CMS's preamble is a handful of lines.</summary>
    public const int MaxPreambleLines = 200;

    const int FieldCount = 7;

    public static IEnumerable<PtpEdit> Read(IEnumerable<TextLine> lines, string file)
    {
        var headerLine = 0L;
        var dataSeen = false;
        var rationales = new Dictionary<string, string>(StringComparer.Ordinal);
        var ranges = new Range[FieldCount + 1];
        foreach (var (number, text) in lines)
        {
            if (headerLine == 0)
            {
                if (IsHeader(text))
                {
                    CheckHeader(text, file, number);
                    headerLine = number;
                }
                else if (number >= MaxPreambleLines)
                {
                    throw new ImportException(file, number, 1,
                        $"no 'Column 1<TAB>Column 2<TAB>…' header in the first {MaxPreambleLines} lines: not an NCCI PTP edit file");
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var edit = ParseRow(text, ranges, !dataSeen, file, number, rationales);
            if (edit is null)
            {
                continue;
            }

            dataSeen = true;
            yield return edit;
        }

        if (headerLine == 0)
        {
            throw new ImportException(file, "no 'Column 1<TAB>Column 2<TAB>…' header found: not an NCCI PTP edit file");
        }
    }

    /// <summary>"Column 1", "Column1", "COLUMN 1" … as the first two tab-separated cells.</summary>
    public static bool IsHeader(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0)
        {
            return false;
        }

        var next = line.IndexOf('\t', tab + 1);
        var second = next < 0 ? line.AsSpan(tab + 1) : line.AsSpan(tab + 1, next - tab - 1);
        return IsColumnName(line.AsSpan(0, tab), '1') && IsColumnName(second, '2');
    }

    static bool IsColumnName(ReadOnlySpan<char> cell, char digit)
    {
        cell = cell.Trim().Trim('"');
        return cell.StartsWith("column", StringComparison.OrdinalIgnoreCase) && cell[6..].Trim().SequenceEqual([digit]);
    }

    static void CheckHeader(string text, string file, long number)
    {
        var cells = text.Split('\t');
        if (cells.Length < 6 || !cells[2].Contains("1996", StringComparison.Ordinal)
            || !cells[3].Contains("Effective", StringComparison.OrdinalIgnoreCase) || !cells[4].Contains("Deletion", StringComparison.OrdinalIgnoreCase)
            || !cells[5].Contains("Modifier", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportException(file, number, 1,
                "header is not the Medicare NCCI PTP layout (Column 1, Column 2, *=in existence prior to 1996, Effective Date, Deletion Date, Modifier, PTP Edit Rationale)");
        }
    }

    /// <summary>Rows under the header that explain its codes: no code in column 1, an "x=meaning" somewhere.</summary>
    static bool IsHeaderContinuation(ReadOnlySpan<char> line, ReadOnlySpan<Range> cells)
    {
        var first = line[cells[0]].Trim();
        return (first.IsEmpty || !BillingCodes.IsValid(first)) && line.Contains('=');
    }

    /// <summary>The edit on this row, or null for a header continuation row (allowed only before the first edit).</summary>
    static PtpEdit? ParseRow(string text, Range[] ranges, bool beforeData, string file, long number, Dictionary<string, string> rationales)
    {
        var line = text.AsSpan();
        ReadOnlySpan<Range> cells = ranges.AsSpan(0, line.Split(ranges, '\t'));
        if (beforeData && IsHeaderContinuation(line, cells))
        {
            return null;
        }

        if (cells.Length < FieldCount - 1)
        {
            throw new ImportException(file, number, cells[^1].Start.Value + 1,
                $"row has {cells.Length} tab-separated fields; a PTP edit has {FieldCount} (truncated row?)");
        }

        if (cells.Length > FieldCount && !line[cells[FieldCount]].IsWhiteSpace())
        {
            throw new ImportException(file, number, cells[FieldCount].Start.Value + 1,
                $"row has more than {FieldCount} tab-separated fields");
        }

        var column1 = Code(line, cells[0], file, number, "column 1 code");
        var column2 = Code(line, cells[1], file, number, "column 2 code");
        var prior = line[cells[2]].Trim();
        if (!prior.IsEmpty && !prior.SequenceEqual("*"))
        {
            throw new ImportException(file, number, Column(line, cells[2]), $"prior-to-1996 flag: '{prior}' must be '*' or empty");
        }

        var effective = Date(line, cells[3], file, number, "effective date")
            ?? throw new ImportException(file, number, Column(line, cells[3]), "effective date: '*' is only allowed as a deletion date");
        var deletion = Date(line, cells[4], file, number, "deletion date");
        if (deletion < effective)
        {
            throw new ImportException(file, number, Column(line, cells[4]),
                $"deletion date {deletion:yyyyMMdd} is before the effective date {effective:yyyyMMdd}");
        }

        var indicatorText = line[cells[5]].Trim();
        var indicator = indicatorText switch
        {
            "0" => PtpModifierIndicator.NotAllowed,
            "1" => PtpModifierIndicator.Allowed,
            "9" => PtpModifierIndicator.NotApplicable,
            _ => throw new ImportException(file, number, Column(line, cells[5]), $"modifier indicator: '{indicatorText}' must be 0, 1 or 9"),
        };

        var rationaleText = cells.Length > 6 ? line[cells[6]].Trim() : [];
        var lookup = rationales.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(rationaleText, out var rationale))
        {
            // A file holds a few dozen distinct rationales over a million rows: keep one string of each.
            rationale = rationaleText.ToString();
            rationales[rationale] = rationale;
        }

        return new PtpEdit
        {
            Column1 = column1,
            Column2 = column2,
            PriorTo1996 = !prior.IsEmpty,
            Effective = effective,
            Deletion = deletion,
            ModifierIndicator = indicator,
            Rationale = rationale,
            Line = number,
        };
    }

    static int Column(ReadOnlySpan<char> line, Range cell)
    {
        var start = cell.Start.Value;
        var text = line[cell];
        return start + (text.Length - text.TrimStart().Length) + 1;
    }

    static string Code(ReadOnlySpan<char> line, Range cell, string file, long number, string field)
    {
        var code = line[cell].Trim();
        if (!BillingCodes.IsValid(code))
        {
            throw new ImportException(file, number, Column(line, cell), $"{field}: '{code}' is not a five-character CPT/HCPCS code");
        }

        return code.ToString();
    }

    /// <summary>yyyymmdd, or null for "*" (no data).</summary>
    static DateOnly? Date(ReadOnlySpan<char> line, Range cell, string file, long number, string field)
    {
        var text = line[cell].Trim();
        if (text.SequenceEqual("*"))
        {
            return null;
        }

        if (text.Length != 8 || !DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ImportException(file, number, Column(line, cell), $"{field}: '{text}' is not a date (yyyymmdd)");
        }

        return date;
    }
}
