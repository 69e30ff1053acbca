namespace PayerAtlas.Policies;

/// <summary>A value with the place in its source it came from: a YAML line ("14"), a PDF page ("page 3"), an HTML line.</summary>
public sealed record Cited<T>(T Value, string Row);

/// <summary>How the record was made: written by an editor, or extracted from a payer's document and not yet confirmed.</summary>
public enum PolicyOrigin
{
    Editorial,
    Extracted,
}

/// <summary>
/// One version of a payer's policy: a medical/coverage policy, a reimbursement policy, a prior-authorization list,
/// or a Medicare NCD, LCD, article or manual section. Versions of one policy share <see cref="Payer"/> and
/// <see cref="Id"/> and differ in <see cref="Version"/>; a release keeps every version imported so far.
/// </summary>
public sealed record Policy
{
    /// <summary>The payer as publications name it ("Aetna", "Blue Cross Blue Shield", "Medicare").</summary>
    public required string Payer { get; init; }
    /// <summary>The named plan, issuer or Medicare contractor ("Blue Cross and Blue Shield of Louisiana").</summary>
    public Cited<string>? Plan { get; init; }
    /// <summary>The payer's own number ("CPB 0584", "NCD 220.4", "L33585").</summary>
    public required Cited<string> Id { get; init; }
    public required Cited<string> Title { get; init; }
    public required Cited<PolicyKind> Kind { get; init; }
    public IReadOnlyList<Cited<LineOfBusiness>> LinesOfBusiness { get; init; } = [];
    public required Cited<string> Version { get; init; }
    public Cited<DateOnly>? OriginalEffective { get; init; }
    /// <summary>When this version took (or takes) effect.</summary>
    public Cited<DateOnly>? Effective { get; init; }
    public Cited<DateOnly>? Revised { get; init; }
    public Cited<DateOnly>? LastReviewed { get; init; }
    public Cited<DateOnly>? NextReview { get; init; }
    /// <summary>When this version stopped applying (retired or replaced).</summary>
    public Cited<DateOnly>? Ended { get; init; }
    public Cited<string>? SourceUrl { get; init; }
    public Cited<string>? Summary { get; init; }
    public required PolicyOrigin Origin { get; init; }
    /// <summary>The file as imported (provenance), e.g. "demo/policies/aetna/cpb-0584.yaml".</summary>
    public required string File { get; init; }
    public required IReadOnlyList<PolicyRule> Rules { get; init; }
    /// <summary>Every place a code is named: the rules' codes for an editorial file, each sentence for a document.</summary>
    public IReadOnlyList<CodeMention> Mentions { get; init; } = [];

    public PolicyKey Key => new(Payer, Id.Value);

    /// <summary>The date that orders versions: effective, else revised, else last reviewed.</summary>
    public DateOnly? VersionDate => Effective?.Value ?? Revised?.Value ?? LastReviewed?.Value;

    /// <summary>The rules that name <paramref name="code"/>.</summary>
    public IEnumerable<PolicyRule> RulesFor(string code) => Rules.Where(r => r.Codes.Any(c => c.Value.Contains(code)));

    public bool Names(string code) => RulesFor(code).Any() || Mentions.Any(m => m.Codes.Contains(code));
}

/// <summary>Identifies a policy across its versions.</summary>
public readonly record struct PolicyKey(string Payer, string Id)
{
    public override string ToString() => $"{Payer} {Id}";
}

/// <summary>What one policy says about a code or range of codes, with the passage it came from.</summary>
public sealed record PolicyRule
{
    public required IReadOnlyList<Cited<CodeRange>> Codes { get; init; }
    public Cited<Stance>? Stance { get; init; }
    public Cited<PriorAuthorization>? PriorAuthorization { get; init; }
    public IReadOnlyList<Cited<string>> Criteria { get; init; } = [];
    public IReadOnlyList<Cited<string>> Documentation { get; init; } = [];
    public IReadOnlyList<Cited<ModifierRule>> Modifiers { get; init; } = [];
    public IReadOnlyList<Cited<PlaceOfServiceRule>> PlacesOfService { get; init; } = [];
    public IReadOnlyList<Cited<UnitLimit>> Limits { get; init; } = [];
    public IReadOnlyList<Cited<CodeRange>> Icd10 { get; init; } = [];
    public IReadOnlyList<Cited<string>> CodingNotes { get; init; } = [];
    /// <summary>Where the policy says it: a section reference written by an editor, or the sentence a code appeared in.</summary>
    public Cited<string>? Passage { get; init; }
    /// <summary>The rule's own place: the line of its list item, or the page of its first mention.</summary>
    public required string Row { get; init; }

    public Stance StanceOrUnknown => Stance?.Value ?? Policies.Stance.Unknown;

    public PriorAuthorization PriorAuthorizationOrUnknown => PriorAuthorization?.Value ?? Policies.PriorAuthorization.Unknown;
}

/// <summary>A policy's rule for one modifier ("GG: report on the diagnostic study when both are done the same day").</summary>
public sealed record ModifierRule(string Modifier, string Rule);

/// <summary>A policy's rule for places of service ("11, 22: …").</summary>
public sealed record PlaceOfServiceRule(IReadOnlyList<string> Codes, string Rule);

/// <summary>A frequency or unit limit: at most <see cref="MaxUnits"/> per <see cref="Per"/>, optionally only <see cref="When"/>.</summary>
public sealed record UnitLimit(int MaxUnits, string Per, string? When);

/// <summary>One place a document names a code or range: the page (PDFs), the location, and the sentence.</summary>
public sealed record CodeMention(CodeRange Codes, CodeSystem System, int? Page, string Location, string Sentence);

/// <summary>A mention with the policy version it belongs to.</summary>
public sealed record PolicyMention(string Payer, string PolicyId, string Version, CodeMention Mention);

public enum CodeSystem
{
    /// <summary>CPT or HCPCS Level II: what PayerAtlas publishes.</summary>
    Procedure,
    Icd10,
}
