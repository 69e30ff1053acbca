using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Pfs;

/// <summary>Reads the fixed-width PPRRVU*.txt: "HDR" copyright lines, then one 171-character record per line.</summary>
public static class PprrvuFixedWidthReader
{
    /// <summary>A record must reach the OPPS malpractice field (positions 165–172) to be whole.</summary>
    const int MinimumLength = 166;

    public static IEnumerable<RvuRecord> Read(IEnumerable<TextLine> lines, string file)
    {
        foreach (var (number, text) in lines)
        {
            if (text.StartsWith("HDR", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (text.Length < MinimumLength)
            {
                throw new ImportException(file, number, text.Length + 1,
                    $"record is {text.Length} characters; a PPRRVU record runs to position {MinimumLength} at least (truncated row?)");
            }

            yield return RvuRecordParser.Parse(
                f => Slice(text, RvuLayout.Columns[(int)f]),
                f => RvuLayout.Columns[(int)f].Start,
                file,
                number);
        }
    }

    static ReadOnlySpan<char> Slice(string text, RvuColumn column)
    {
        var start = column.Start - 1;
        if (start >= text.Length)
        {
            return [];
        }

        return text.AsSpan(start, Math.Min(column.Length, text.Length - start));
    }
}
