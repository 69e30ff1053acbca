using System.Globalization;

namespace PayerAtlas.Importing;

/// <summary>Strict field conversions that fail with the file, line, column and field named.</summary>
internal static class FieldParser
{
    const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
        | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>Blank numeric fields read as zero: CMS leaves unused RVU columns empty in some rows.</summary>
    public static decimal Decimal(ReadOnlySpan<char> text, string file, long line, int column, string field)
    {
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            return 0m;
        }

        if (!decimal.TryParse(trimmed, DecimalStyle, CultureInfo.InvariantCulture, out var value))
        {
            throw new ImportException(file, line, column, $"{field}: '{trimmed}' is not a number");
        }

        return value;
    }

    public static string Text(ReadOnlySpan<char> text) => text.Trim().ToString();

    public static string Digits(ReadOnlySpan<char> text, int width, string file, long line, int column, string field)
    {
        var trimmed = text.Trim();
        foreach (var c in trimmed)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ImportException(file, line, column, $"{field}: '{trimmed}' is not a number");
            }
        }

        if (trimmed.IsEmpty || trimmed.Length > width)
        {
            throw new ImportException(file, line, column, $"{field}: '{trimmed}' must be 1 to {width} digits");
        }

        // CMS's CSV exports drop leading zeros (MAC 2102, locality 0): restore the published width.
        return trimmed.ToString().PadLeft(width, '0');
    }
}
