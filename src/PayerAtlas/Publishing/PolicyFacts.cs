using System.Globalization;
using PayerAtlas.Dossiers;
using PayerAtlas.Policies;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Publishing.Sections;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Publishing;

/// <summary>The newest version of one policy that names the code, with the rules that name it.</summary>
public sealed record CodePolicy(Stored<Policy> Stored, IReadOnlyList<PolicyRule> Rules)
{
    public Policy Policy => Stored.Record;

    public string Payer => Policy.Payer;

    public Cited<Stance>? Stance => Rules.Select(r => r.Stance).FirstOrDefault(s => s is { Value: not Policies.Stance.Unknown });

    public Cited<PriorAuthorization>? PriorAuthorization =>
        Rules.Select(r => r.PriorAuthorization).FirstOrDefault(s => s is { Value: not Policies.PriorAuthorization.Unknown });

    public IReadOnlyList<Cited<string>> Criteria => Distinct(Rules.SelectMany(r => r.Criteria));
    public IReadOnlyList<Cited<string>> Documentation => Distinct(Rules.SelectMany(r => r.Documentation));
    public IReadOnlyList<Cited<string>> CodingNotes => Distinct(Rules.SelectMany(r => r.CodingNotes));
    public IReadOnlyList<Cited<UnitLimit>> Limits => Rules.SelectMany(r => r.Limits).DistinctBy(l => l.Value).ToList();
    public IReadOnlyList<Cited<ModifierRule>> Modifiers => Rules.SelectMany(r => r.Modifiers).DistinctBy(m => m.Value).ToList();
    public IReadOnlyList<Cited<PlaceOfServiceRule>> PlacesOfService => Rules.SelectMany(r => r.PlacesOfService).DistinctBy(p => (string.Join(",", p.Value.Codes), p.Value.Rule)).ToList();

    /// <summary>Coverage rows are for policies that decide coverage, or any policy that states a stance or prior-authorization answer.</summary>
    public bool DecidesCoverage =>
        Policy.Kind.Value is not (PolicyKind.Reimbursement or PolicyKind.MedicareManual or PolicyKind.Regulation) || Stance is not null || PriorAuthorization is not null;

    static List<Cited<string>> Distinct(IEnumerable<Cited<string>> items) => items.DistinctBy(i => i.Value, StringComparer.Ordinal).ToList();
}

/// <summary>
/// Facts from payer policies, with stable ids ("payer.aetna.cpb0584.stance") and provenance that names the policy
/// file and row and carries the policy's id, version, date and address (<see cref="SourceRef.Document"/>).
/// </summary>
public sealed class PolicyFacts
{
    readonly Dossier dossier;
    readonly FactBook book;

    public PolicyFacts(SectionContext context)
    {
        dossier = context.Dossier;
        book = context.Facts;
        ForCode = PolicyHistory.Latest(dossier.Policies, s => s.Record)
            .Select(s => new CodePolicy(s, s.Record.RulesFor(dossier.Code).ToList()))
            .Where(c => c.Rules.Count > 0)
            .OrderBy(c => c.Payer, StringComparer.Ordinal)
            .ThenBy(c => c.Policy.Kind.Value)
            .ThenBy(c => c.Policy.Id.Value, StringComparer.Ordinal)
            .ToList();
        Payers = [.. context.Options.KeyPayers, .. ForCode.Select(c => c.Payer).Where(p => !context.Options.KeyPayers.Any(k => Same(k, p))).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Newest version of each policy naming the code, by payer.</summary>
    public IReadOnlyList<CodePolicy> ForCode { get; }

    /// <summary>The key payers, then any other payer with a policy for the code.</summary>
    public IReadOnlyList<string> Payers { get; }

    public IReadOnlyList<CodePolicy> Of(string payer) => ForCode.Where(c => Same(c.Payer, payer)).ToList();

    static bool Same(string a, string b) => PayerCoverageWriter.PayerKey(a) == PayerCoverageWriter.PayerKey(b);

    public static string Prefix(CodePolicy c) => $"payer.{PayerCoverageWriter.PayerKey(c.Payer)}.{PayerCoverageWriter.PayerKey(c.Policy.Id.Value)}";

    SourceRef Source(CodePolicy c, string row) => new(c.Stored.Source.File, dossier.Release.Label, row) { Document = Citation(c.Policy) };

    public static DocumentCitation Citation(Policy p) =>
        new(p.Payer, p.Id.Value, p.Title.Value, p.Version.Value, p.Effective is { } e ? Iso(e.Value) : null, p.SourceUrl?.Value);

    Fact Add(CodePolicy c, string field, string value, string label, string row) =>
        book.Add($"{Prefix(c)}.{field}", value, $"{c.Payer} {c.Policy.Id.Value}: {label}", Source(c, row));

    public Fact Policy(CodePolicy c) => Add(c, "policy", $"{c.Policy.Id.Value}: {c.Policy.Title.Value}", "policy", c.Policy.Id.Row);

    public Fact Kind(CodePolicy c) => Add(c, "kind", PolicyTerms.Words(c.Policy.Kind.Value), "kind of policy", c.Policy.Kind.Row);

    public Fact Version(CodePolicy c) => Add(c, "version", c.Policy.Version.Value, "version", c.Policy.Version.Row);

    public Fact? Plan(CodePolicy c) => c.Policy.Plan is { } p ? Add(c, "plan", p.Value, "plan or contractor", p.Row) : null;

    public Fact? LinesOfBusiness(CodePolicy c) => c.Policy.LinesOfBusiness.Count == 0
        ? null
        : Add(c, "line_of_business", string.Join(", ", c.Policy.LinesOfBusiness.Select(l => PolicyTerms.Words(l.Value))), "lines of business", c.Policy.LinesOfBusiness[0].Row);

    public Fact? Stance(CodePolicy c) => c.Stance is { } s
        ? Add(c, "stance", PolicyTerms.Words(s.Value), $"coverage stance for {dossier.Code}", s.Row)
        : null;

    public Fact? PriorAuthorization(CodePolicy c) => c.PriorAuthorization is { } pa
        ? Add(c, "prior_authorization", PolicyTerms.Words(pa.Value), $"prior authorization for {dossier.Code}", pa.Row)
        : null;

    public IReadOnlyList<Fact> Criteria(CodePolicy c) =>
        c.Criteria.Select((x, i) => Add(c, $"criteria.{i + 1}", x.Value, $"coverage criterion for {dossier.Code}", x.Row)).ToList();

    public IReadOnlyList<Fact> Limits(CodePolicy c) =>
        c.Limits.Select((x, i) => Add(c, $"limit.{i + 1}", PolicyDiff.Describe(x.Value), $"frequency or unit limit for {dossier.Code}", x.Row)).ToList();

    public IReadOnlyList<Fact> Documentation(CodePolicy c) =>
        c.Documentation.Select((x, i) => Add(c, $"documentation.{i + 1}", x.Value, $"documentation element for {dossier.Code}", x.Row)).ToList();

    public IReadOnlyList<Fact> CodingNotes(CodePolicy c) =>
    [
        .. c.CodingNotes.Select((x, i) => Add(c, $"coding_note.{i + 1}", x.Value, $"coding note for {dossier.Code}", x.Row)),
        .. c.Modifiers.Select((x, i) => Add(c, $"modifier.{i + 1}", $"modifier {x.Value.Modifier}: {x.Value.Rule}", $"modifier rule for {dossier.Code}", x.Row)),
        .. c.PlacesOfService.Select((x, i) => Add(c, $"place_of_service.{i + 1}", $"place of service {string.Join(", ", x.Value.Codes)}: {x.Value.Rule}", $"place-of-service rule for {dossier.Code}", x.Row)),
    ];

    public Fact? Effective(CodePolicy c) => c.Policy.Effective is { } d ? Add(c, "effective_date", Iso(d.Value), "effective date of this version", d.Row) : null;

    public Fact? Revised(CodePolicy c) => c.Policy.Revised is { } d ? Add(c, "revised", Iso(d.Value), "revision date", d.Row) : null;

    public Fact? LastReviewed(CodePolicy c) => c.Policy.LastReviewed is { } d ? Add(c, "last_reviewed", Iso(d.Value), "last review date", d.Row) : null;

    public Fact? NextReview(CodePolicy c) => c.Policy.NextReview is { } d ? Add(c, "next_review", Iso(d.Value), "next review date", d.Row) : null;

    public Fact? SourceUrl(CodePolicy c) => c.Policy.SourceUrl is { } u ? Add(c, "source", u.Value, "published at", u.Row) : null;

    /// <summary>For an extracted document: where it first names the code (page or line).</summary>
    public Fact Mention(CodePolicy c)
    {
        var rule = c.Rules[0];
        return Add(c, "mention", rule.Row, $"where the document names {dossier.Code}", rule.Row);
    }

    public Fact? Passage(CodePolicy c) =>
        c.Rules.Select(r => r.Passage).FirstOrDefault(p => p is not null) is { } p ? Add(c, "passage", p.Value, "passage", p.Row) : null;

    /// <summary>One sentence of a document naming the code, with its place.</summary>
    public (Fact Location, Fact Sentence) DocumentMention(Stored<PolicyMention> m, int n)
    {
        var policy = dossier.Policies.FirstOrDefault(p => p.Record.Payer == m.Record.Payer && p.Record.Id.Value == m.Record.PolicyId && p.Record.Version.Value == m.Record.Version);
        var source = m.Source with { Document = policy is null ? null : Citation(policy.Record) };
        var id = $"mention.{n}";
        return (book.Add(id + ".location", m.Record.Mention.Location, $"{m.Record.Payer} {m.Record.PolicyId}: where {dossier.Code} is named", source),
            book.Add(id + ".sentence", m.Record.Mention.Sentence, $"{m.Record.Payer} {m.Record.PolicyId}: sentence naming {m.Record.Mention.Codes}", source));
    }

    public Fact Update(Stored<PolicyUpdate> u, PolicyChange change, int n) =>
        book.Add($"policy_update.{n}",
            $"{u.Record.PolicyId} version {u.Record.FromVersion} → {u.Record.ToVersion}: {change.Describe()}",
            $"{u.Record.Payer} {u.Record.PolicyId}: change between versions", u.Source);

    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Items joined by one separator throughout ("a; b; c"), for lists whose items contain commas.</summary>
    public static ProseBuilder Separated<T>(ProseBuilder p, IReadOnlyList<T> items, Action<ProseBuilder, T> each, string separator = "; ")
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                p.Text(separator);
            }

            each(p, items[i]);
        }

        return p;
    }
}
