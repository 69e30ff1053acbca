using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Pfs;

/// <summary>
/// Reads the locality/county crosswalk, 25LOCCO.csv and .txt. Quirks as shipped: the CSV drops leading zeros
/// (MAC 2102, locality 0), values carry trailing spaces, blank ",,,," rows separate states, and the state name
/// appears only on a state's first row: it carries down until the next blank row, and stays empty where the
/// file leaves it out (25LOCCO.txt prints no name for California).
/// </summary>
public static class LocalityCountyReader
{
    public static IEnumerable<LocalityCountyRecord> ReadCsv(IEnumerable<TextLine> lines, string file)
    {
        var inData = false;
        var state = "";
        foreach (var record in CsvFields.Read(lines, file))
        {
            if (!inData)
            {
                inData = record[1].Contains("Locality", StringComparison.OrdinalIgnoreCase)
                    && record[0].Contains("Contractor", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (record.IsBlank)
            {
                state = ""; // blank rows separate states
                continue;
            }

            if (!record[0].Trim().All(char.IsAsciiDigit))
            {
                yield break; // footnote
            }

            if (record.Fields.Count < 5)
            {
                throw new ImportException(file, record.Line, record.ColumnOf(record.Fields.Count - 1),
                    $"row has {record.Fields.Count} fields; a locality/county row has 5 (truncated row?)");
            }

            state = string.IsNullOrWhiteSpace(record[2]) ? state : record[2].Trim();
            yield return new LocalityCountyRecord(
                FieldParser.Digits(record[0], 5, file, record.Line, record.ColumnOf(0), "MAC"),
                FieldParser.Digits(record[1], 2, file, record.Line, record.ColumnOf(1), "Locality Number"),
                state,
                record[3].Trim(),
                record[4].Trim(),
                record.Line);
        }

        if (!inData)
        {
            throw new ImportException(file, "no 'Medicare Adminstrative Contractor,Locality Number,…' header found");
        }
    }

    // Fixed-width columns of 25LOCCO.txt (1-based): MAC 1–16, locality 17–22, state 23–45, area 46–143, counties 144–.
    public static IEnumerable<LocalityCountyRecord> ReadFixedWidth(IEnumerable<TextLine> lines, string file)
    {
        var inData = false;
        var state = "";
        foreach (var (number, text) in lines)
        {
            if (!inData)
            {
                inData = text.Contains("Fee Schedule Area", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                state = ""; // blank lines separate states (the TXT omits some state names entirely)
                continue;
            }

            var mac = Cut(text, 1, 16);
            if (!mac.Trim().All(char.IsAsciiDigit))
            {
                yield break; // footnote
            }

            if (text.Length < 145)
            {
                throw new ImportException(file, number, text.Length + 1,
                    $"record is {text.Length} characters; counties start at position 144 (truncated row?)");
            }

            var stateText = Cut(text, 23, 23).Trim();
            state = stateText.Length > 0 ? stateText : state;
            yield return new LocalityCountyRecord(
                FieldParser.Digits(mac, 5, file, number, 1, "MAC"),
                FieldParser.Digits(Cut(text, 17, 6), 2, file, number, 17, "Locality Number"),
                state,
                Cut(text, 46, 98).Trim(),
                Cut(text, 144, int.MaxValue).Trim(),
                number);
        }

        if (!inData)
        {
            throw new ImportException(file, "no header with 'Fee Schedule Area' found: not a locality/county file");
        }
    }

    static string Cut(string text, int start, int length)
    {
        var s = start - 1;
        return s >= text.Length ? "" : text.Substring(s, Math.Min(length, text.Length - s));
    }
}
