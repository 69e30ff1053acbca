using System.Globalization;
using PayerAtlas.Importers.Ncci;

namespace PayerAtlas.Claims.Input;

/// <summary>
/// Field conversions shared by the CSV and JSON claim readers. A field that cannot be read makes the line invalid (it
/// is reported as a finding and the rest of the input is still checked); it never stops the run.
/// </summary>
internal sealed class ClaimFields(long inputLine)
{
    readonly List<string> problems = [];

    public string? Problem => problems.Count == 0 ? null : string.Join("; ", problems);

    public string Required(string? text, string field)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            problems.Add($"{field} is empty");
        }

        return value;
    }

    public int LineNumber(string? text)
    {
        var value = text?.Trim() ?? "";
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return n;
        }

        problems.Add($"line '{value}' is not a positive whole number");
        return 0;
    }

    static readonly string[] DateFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "yyyyMMdd"];

    public DateOnly Date(string? text)
    {
        var value = text?.Trim() ?? "";
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"date_of_service '{value}' is not a date (yyyy-mm-dd or mm/dd/yyyy)");
        return default;
    }

    public decimal Units(string? text)
    {
        var value = text?.Trim() ?? "";
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var units))
        {
            return units;
        }

        problems.Add($"units '{value}' is not a number");
        return 0;
    }

    public static string Code(string? text) => (text ?? "").Trim().ToUpperInvariant();

    /// <summary>"26:59" (the CSV form), or the items of a JSON array; blanks dropped, upper case.</summary>
    public static IReadOnlyList<string> Modifiers(IEnumerable<string?> parts) =>
        [.. parts.SelectMany(p => (p ?? "").Split(':')).Select(m => m.Trim().ToUpperInvariant()).Where(m => m.Length > 0)];

    public string PlaceOfService(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return "";
        }

        if (value.Length <= 2 && value.All(char.IsAsciiDigit))
        {
            return value.PadLeft(2, '0');
        }

        problems.Add($"place_of_service '{value}' is not a two-digit CMS place-of-service code");
        return value;
    }

    public NcciSetting? Setting(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var setting = NcciSettings.Parse(text);
        if (setting is null)
        {
            problems.Add($"setting '{text.Trim()}' is not practitioner, outpatient-hospital or dme");
        }

        return setting;
    }

    public ClaimLine Build(string claimId, int line, DateOnly date, string code, IReadOnlyList<string> modifiers, decimal units,
        string pos, string payer, NcciSetting? setting, string? patient) => new()
    {
        ClaimId = claimId,
        Line = line,
        DateOfService = date,
        Code = code,
        Modifiers = modifiers,
        Units = units,
        PlaceOfService = pos,
        Payer = payer,
        Setting = setting,
        Patient = string.IsNullOrWhiteSpace(patient) ? null : patient.Trim(),
        InputLine = inputLine,
        Invalid = Problem,
    };
}
