namespace PayerAtlas.Importers.Content;

/// <summary>An editorial value with the line of the content file it was written on (its provenance).</summary>
public sealed record Sourced<T>(T Value, long Line);

/// <summary>A related code and how it relates ("single duct", "injection procedure reported with it").</summary>
public sealed record RelatedCode(string Code, string Relation);

/// <summary>An editor's note on when a modifier applies to this code.</summary>
public sealed record ModifierNote(string Modifier, string Note);

/// <summary>
/// The editorial content for one code from a content pack: a Markdown file with YAML front matter, written
/// and reviewed like code. Every value keeps its line so publications can cite it. Absent values are null
/// or empty and become gaps in the publication, never defaults.
/// </summary>
public sealed record EditorialEntry
{
    public required string Code { get; init; }
    /// <summary>Content-pack-relative path, e.g. "codes/77054.md".</summary>
    public required string File { get; init; }
    public Sourced<string>? Title { get; init; }
    public Sourced<string>? PlainDescription { get; init; }
    public Sourced<string>? WhyItMatters { get; init; }
    public Sourced<string>? ServiceType { get; init; }
    public Sourced<string>? TypicalSiteOfService { get; init; }
    /// <summary>Place-of-service codes the editor names as typical ("11", "22").</summary>
    public IReadOnlyList<Sourced<string>> PlacesOfService { get; init; } = [];
    public IReadOnlyList<Sourced<string>> Audience { get; init; } = [];
    public IReadOnlyList<Sourced<string>> ClinicalIndications { get; init; } = [];
    /// <summary>Paragraphs of the "Clinical context" body section.</summary>
    public IReadOnlyList<Sourced<string>> ClinicalContext { get; init; } = [];
    public IReadOnlyList<Sourced<string>> Documentation { get; init; } = [];
    public IReadOnlyList<Sourced<ModifierNote>> ModifierNotes { get; init; } = [];
    public IReadOnlyList<Sourced<RelatedCode>> RelatedCodes { get; init; } = [];
    public IReadOnlyList<Sourced<string>> CommonErrors { get; init; } = [];
    public DateOnly? Reviewed { get; init; }
}
