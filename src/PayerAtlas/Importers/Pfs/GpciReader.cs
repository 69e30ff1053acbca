using System.Text.RegularExpressions;
using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Pfs;

/// <summary>Reads GPCI*.csv and GPCI*.txt (Addendum E): title lines, a header, one row per locality, footnotes.</summary>
public static partial class GpciReader
{
    public static IEnumerable<GpciRecord> ReadCsv(IEnumerable<TextLine> lines, string file)
    {
        var inData = false;
        foreach (var record in CsvFields.Read(lines, file))
        {
            if (!inData)
            {
                inData = record[2].Contains("Locality Number", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (record.IsBlank)
            {
                yield break; // footnotes follow the first blank row
            }

            if (!record[0].Trim().All(char.IsAsciiDigit))
            {
                yield break; // "MAC Assignments as of …" closes the table
            }

            if (record.Fields.Count < 7)
            {
                throw new ImportException(file, record.Line, record.ColumnOf(record.Fields.Count - 1),
                    $"row has {record.Fields.Count} fields; a GPCI row has 7 (truncated row?)");
            }

            yield return Build(file, record.Line,
                (record[0], record.ColumnOf(0)), (record[1], record.ColumnOf(1)), (record[2], record.ColumnOf(2)),
                record[3], (record[4], record.ColumnOf(4)), (record[5], record.ColumnOf(5)), (record[6], record.ColumnOf(6)));
        }

        if (!inData)
        {
            throw new ImportException(file, "no header with 'Locality Number' found: not a GPCI file");
        }
    }

    const int MaxFixedWidthRow = 400;

    public static IEnumerable<GpciRecord> ReadFixedWidth(IEnumerable<TextLine> lines, string file)
    {
        var inData = false;
        foreach (var (number, text) in lines)
        {
            if (!inData)
            {
                inData = text.Contains("Locality Name", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (string.IsNullOrWhiteSpace(text) || !char.IsAsciiDigit(text[0]))
            {
                yield break;
            }

            // The row pattern backtracks over runs of spaces: on a megabyte-long line it would run for minutes. CMS's rows
            // are 155 characters; anything far longer is not a GPCI row.
            if (text.Length > MaxFixedWidthRow)
            {
                throw new ImportException(file, number, MaxFixedWidthRow + 1,
                    $"row is {text.Length:N0} characters long; a fixed-width GPCI row has about 155 (a broken line end?)");
            }

            var m = FixedWidthRow().Match(text);
            if (!m.Success)
            {
                throw new ImportException(file, number, 1,
                    "expected MAC, state, locality, name and three GPCI values (truncated row?)");
            }

            yield return Build(file, number,
                (m.Groups["mac"].Value, m.Groups["mac"].Index + 1), (m.Groups["st"].Value, m.Groups["st"].Index + 1),
                (m.Groups["loc"].Value, m.Groups["loc"].Index + 1), m.Groups["name"].Value,
                (m.Groups["pw"].Value, m.Groups["pw"].Index + 1), (m.Groups["pe"].Value, m.Groups["pe"].Index + 1),
                (m.Groups["mp"].Value, m.Groups["mp"].Index + 1));
        }

        if (!inData)
        {
            throw new ImportException(file, "no header with 'Locality Name' found: not a GPCI file");
        }
    }

    static GpciRecord Build(string file, long line, (string Text, int Col) mac, (string Text, int Col) state,
        (string Text, int Col) locality, string name, (string Text, int Col) pw, (string Text, int Col) pe, (string Text, int Col) mp)
    {
        var st = state.Text.Trim();
        if (st.Length != 2 || !st.All(char.IsAsciiLetterUpper))
        {
            throw new ImportException(file, line, state.Col, $"State: '{st}' is not a two-letter state code");
        }

        var trimmedName = name.Trim();
        var footnote = new string(trimmedName.Reverse().TakeWhile(c => c == '*').ToArray());
        return new GpciRecord(
            FieldParser.Digits(mac.Text, 5, file, line, mac.Col, "MAC"),
            st,
            FieldParser.Digits(locality.Text, 2, file, line, locality.Col, "Locality Number"),
            trimmedName.TrimEnd('*').Trim(),
            footnote,
            FieldParser.Decimal(pw.Text, file, line, pw.Col, "PW GPCI"),
            FieldParser.Decimal(pe.Text, file, line, pe.Col, "PE GPCI"),
            FieldParser.Decimal(mp.Text, file, line, mp.Col, "MP GPCI"),
            line);
    }

    [GeneratedRegex(@"^(?<mac>\d+)\s+(?<st>\S+)\s+(?<loc>\d+)\s+(?<name>.+?)\s+(?<pw>\S+)\s+(?<pe>\S+)\s+(?<mp>\S+)\s*$")]
    private static partial Regex FixedWidthRow();
}
