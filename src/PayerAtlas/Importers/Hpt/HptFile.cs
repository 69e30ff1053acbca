namespace PayerAtlas.Importers.Hpt;

/// <summary>The three shapes of the CMS hospital standard-charges template.</summary>
public enum HptLayout
{
    /// <summary>CSV, one row per item × payer × plan (<c>payer_name</c>, <c>plan_name</c> columns).</summary>
    CsvTall,

    /// <summary>CSV, one row per item; payer and plan are spelled in the column names (<c>standard_charge|Payer|Plan|negotiated_dollar</c>).</summary>
    CsvWide,

    Json,
}

/// <summary>
/// The general data of a hospital file (CSV rows 1–2, JSON top-level properties): who publishes it, which
/// template version, and where the hospital is.
/// </summary>
public sealed record HptFile
{
    public required string File { get; init; }
    public required HptLayout Layout { get; init; }

    /// <summary>The template version as written (<c>3.0.0</c>, <c>2.0.0</c>).</summary>
    public required string Version { get; init; }

    public required string HospitalName { get; init; }
    public string? LastUpdatedOn { get; init; }
    public IReadOnlyList<string> Locations { get; init; } = [];
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>From <c>license_number|XX</c> (CSV) or <c>license_information.state</c> (JSON), else the addresses when they agree.</summary>
    public string? State { get; init; }

    public string? LicenseNumber { get; init; }
    public IReadOnlyList<string> Type2Npis { get; init; } = [];

    /// <summary>Major version: 2 or 3.</summary>
    public int MajorVersion => Version.StartsWith('3') ? 3 : 2;

    /// <summary>The state of the addresses (<c>…, CA  92832</c>) when every address names the same one.</summary>
    public static string? StateOfAddresses(IReadOnlyList<string> addresses)
    {
        var states = addresses.Select(StateOf).Distinct().ToList();
        return states.Count == 1 ? states[0] : null;
    }

    static string? StateOf(string address)
    {
        // "12 Main Street, Fullerton, CA  92832": the last comma part is "<state> <zip>".
        var last = address.Split(',').Last().Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return last.Length >= 1 && last[0].Length == 2 && last[0].All(char.IsAsciiLetterUpper) ? last[0] : null;
    }
}
