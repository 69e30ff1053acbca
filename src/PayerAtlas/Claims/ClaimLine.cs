using PayerAtlas.Importers.Ncci;

namespace PayerAtlas.Claims;

/// <summary>
/// One service line of a claim as a biller would send it. <see cref="Setting"/> is the rendering setting (which NCCI
/// tables apply: practitioner, outpatient hospital or DME supplier); null takes the checker's default.
/// </summary>
public sealed record ClaimLine
{
    public required string ClaimId { get; init; }
    /// <summary>The line number on the claim.</summary>
    public required int Line { get; init; }
    public required DateOnly DateOfService { get; init; }
    public required string Code { get; init; }
    /// <summary>Up to four modifiers, upper case, in claim order.</summary>
    public IReadOnlyList<string> Modifiers { get; init; } = [];
    public required decimal Units { get; init; }
    /// <summary>Two-digit CMS place-of-service code, or empty when the input gave none.</summary>
    public string PlaceOfService { get; init; } = "";
    public string Payer { get; init; } = "";
    public NcciSetting? Setting { get; init; }
    /// <summary>
    /// Optional patient key. When given, lines of one patient are checked together across claims (NCCI edits apply to
    /// one beneficiary and provider on one date, whatever the claim); otherwise each claim is checked on its own.
    /// </summary>
    public string? Patient { get; init; }
    /// <summary>Where the line is in the input (CSV line number, JSON array index + 1), for messages.</summary>
    public long InputLine { get; init; }
    /// <summary>Why the input line could not be read, when it could not; such a line is reported, never checked.</summary>
    public string? Invalid { get; init; }

    public bool Has(string modifier) => Modifiers.Contains(modifier, StringComparer.Ordinal);

    public bool HasAny(IReadOnlySet<string> modifiers) => Modifiers.Any(modifiers.Contains);

    /// <summary>26 or TC when the line bills one component of a diagnostic test; empty for the global service.</summary>
    public string Component => Has("26") ? "26" : Has("TC") ? "TC" : "";

    public string Label => Modifiers.Count == 0 ? Code : $"{Code}-{string.Join('-', Modifiers)}";
}
