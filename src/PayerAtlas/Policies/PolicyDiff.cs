using System.Globalization;

namespace PayerAtlas.Policies;

/// <summary>
/// One difference between two versions of a policy. <see cref="Kind"/> is a stable snake_case name
/// ("code_added", "stance", "effective", …); <see cref="Codes"/> is null for policy-level changes.
/// </summary>
public sealed record PolicyChange(string Kind, CodeRange? Codes, string? Before, string? After)
{
    public string Describe()
    {
        var what = Codes is null ? Kind.Replace('_', ' ') : $"{Codes.Display}: {Kind.Replace('_', ' ')}";
        return (Before, After) switch
        {
            (null, null) => what,
            (null, { } a) => $"{what} {a}",
            ({ } b, null) => $"{what} {b}",
            ({ } b, { } a) => $"{what} {b} → {a}",
        };
    }
}

/// <summary>What changed from one version of a policy to the next.</summary>
public sealed record PolicyUpdate
{
    public required string Payer { get; init; }
    public required string PolicyId { get; init; }
    public required string Title { get; init; }
    public required string FromVersion { get; init; }
    public required string ToVersion { get; init; }
    /// <summary>The newer version's date (effective, else revised, else last reviewed): what <c>--since</c> filters on.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>The newer version's file and row (provenance of the update).</summary>
    public required string File { get; init; }
    public required string Row { get; init; }
    public required IReadOnlyList<PolicyChange> Changes { get; init; }

    public bool Touches(string code) => Changes.Any(c => c.Codes?.Contains(code) == true);
}

/// <summary>Computes the change list between two versions of one policy, code by code, with runs of codes folded into ranges.</summary>
public static class PolicyDiff
{
    static readonly string[] CodeKinds =
    [
        "code_added", "code_removed", "stance", "prior_authorization", "criteria_added", "criteria_removed",
        "documentation_added", "documentation_removed", "limit_added", "limit_removed", "modifier_rule_added",
        "modifier_rule_removed", "place_of_service_rule_added", "place_of_service_rule_removed", "icd10_added",
        "icd10_removed", "coding_note_added", "coding_note_removed",
    ];

    public static IReadOnlyList<PolicyChange> Compare(Policy before, Policy after)
    {
        var changes = new List<PolicyChange>();
        void Field(string kind, string? b, string? a)
        {
            if (b != a)
            {
                changes.Add(new PolicyChange(kind, null, b, a));
            }
        }

        Field("title", before.Title.Value, after.Title.Value);
        Field("kind", PolicyTerms.Name(before.Kind.Value), PolicyTerms.Name(after.Kind.Value));
        Field("line_of_business", Lines(before), Lines(after));
        Field("plan", before.Plan?.Value, after.Plan?.Value);
        Field("source_url", before.SourceUrl?.Value, after.SourceUrl?.Value);
        Field("original_effective", Date(before.OriginalEffective), Date(after.OriginalEffective));
        Field("effective", Date(before.Effective), Date(after.Effective));
        Field("revised", Date(before.Revised), Date(after.Revised));
        Field("last_reviewed", Date(before.LastReviewed), Date(after.LastReviewed));
        Field("next_review", Date(before.NextReview), Date(after.NextReview));
        Field("ended", Date(before.Ended), Date(after.Ended));

        var old = CodeViews(before);
        var now = CodeViews(after);
        var byChange = new Dictionary<(string Kind, string? Before, string? After), List<string>>();
        void Add(string kind, string code, string? b, string? a)
        {
            var key = (kind, b, a);
            if (!byChange.TryGetValue(key, out var list))
            {
                byChange[key] = list = [];
            }

            list.Add(code);
        }

        foreach (var code in old.Keys.Union(now.Keys, StringComparer.Ordinal))
        {
            var o = old.GetValueOrDefault(code);
            var n = now.GetValueOrDefault(code);
            if (o is null)
            {
                Add("code_added", code, null, null);
                continue;
            }

            if (n is null)
            {
                Add("code_removed", code, null, null);
                continue;
            }

            if (o.Stance != n.Stance)
            {
                Add("stance", code, PolicyTerms.Name(o.Stance), PolicyTerms.Name(n.Stance));
            }

            if (o.PriorAuthorization != n.PriorAuthorization)
            {
                Add("prior_authorization", code, PolicyTerms.Name(o.PriorAuthorization), PolicyTerms.Name(n.PriorAuthorization));
            }

            Sets("criteria", o.Criteria, n.Criteria);
            Sets("documentation", o.Documentation, n.Documentation);
            Sets("limit", o.Limits, n.Limits);
            Sets("modifier_rule", o.Modifiers, n.Modifiers);
            Sets("place_of_service_rule", o.PlacesOfService, n.PlacesOfService);
            Sets("icd10", o.Icd10, n.Icd10);
            Sets("coding_note", o.CodingNotes, n.CodingNotes);

            void Sets(string what, SortedSet<string> b, SortedSet<string> a)
            {
                foreach (var added in a.Except(b, StringComparer.Ordinal))
                {
                    Add(what + "_added", code, null, added);
                }

                foreach (var removed in b.Except(a, StringComparer.Ordinal))
                {
                    Add(what + "_removed", code, removed, null);
                }
            }
        }

        var codeChanges = byChange
            .SelectMany(e => CodeRange.Collapse(e.Value).Select(r => new PolicyChange(e.Key.Kind, r, e.Key.Before, e.Key.After)))
            .OrderBy(c => Array.IndexOf(CodeKinds, c.Kind))
            .ThenBy(c => c.Codes!.Low, StringComparer.Ordinal)
            .ThenBy(c => c.Before ?? c.After, StringComparer.Ordinal);
        changes.AddRange(codeChanges);
        return changes;
    }

    static string? Date(Cited<DateOnly>? d) => d?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Lines(Policy p) => string.Join(", ", p.LinesOfBusiness.Select(l => PolicyTerms.Name(l.Value)).Order(StringComparer.Ordinal));

    /// <summary>Everything a version says about one code, merged over the rules that name it.</summary>
    sealed class CodeView
    {
        public Stance Stance { get; set; }
        public PriorAuthorization PriorAuthorization { get; set; }
        public SortedSet<string> Criteria { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Documentation { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Limits { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Modifiers { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> PlacesOfService { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Icd10 { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> CodingNotes { get; } = new(StringComparer.Ordinal);
    }

    static Dictionary<string, CodeView> CodeViews(Policy policy)
    {
        var views = new Dictionary<string, CodeView>(StringComparer.Ordinal);
        foreach (var rule in policy.Rules)
        {
            foreach (var code in rule.Codes.SelectMany(c => c.Value.Expand()))
            {
                if (!views.TryGetValue(code, out var view))
                {
                    views[code] = view = new CodeView();
                }

                // Readers reject conflicting stances for one code, so the first stated value is the value.
                view.Stance = view.Stance == Stance.Unknown ? rule.StanceOrUnknown : view.Stance;
                view.PriorAuthorization = view.PriorAuthorization == PriorAuthorization.Unknown ? rule.PriorAuthorizationOrUnknown : view.PriorAuthorization;
                view.Criteria.UnionWith(rule.Criteria.Select(c => c.Value));
                view.Documentation.UnionWith(rule.Documentation.Select(c => c.Value));
                view.Limits.UnionWith(rule.Limits.Select(l => Describe(l.Value)));
                view.Modifiers.UnionWith(rule.Modifiers.Select(m => $"{m.Value.Modifier}: {m.Value.Rule}"));
                view.PlacesOfService.UnionWith(rule.PlacesOfService.Select(p => $"{string.Join(", ", p.Value.Codes)}: {p.Value.Rule}"));
                view.Icd10.UnionWith(rule.Icd10.Select(i => i.Value.ToString()));
                view.CodingNotes.UnionWith(rule.CodingNotes.Select(c => c.Value));
            }
        }

        return views;
    }

    public static string Describe(UnitLimit limit) =>
        string.Create(CultureInfo.InvariantCulture, $"at most {limit.MaxUnits} per {limit.Per}{(limit.When is null ? "" : ", " + limit.When)}");
}
