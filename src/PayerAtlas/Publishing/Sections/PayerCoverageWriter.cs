namespace PayerAtlas.Publishing.Sections;

/// <summary>
/// Payer Coverage: a row per policy that names the code (its newest version), and a row of gaps for each key payer
/// without one. Medicare's first row states what the fee schedule itself says (its status code). Every stated stance,
/// prior-authorization answer, criterion, date and address is a fact citing the policy file and row, with the
/// policy's id, version and address in its source. A payer document that was only extracted says where it names
/// the code and that its stance awaits an editor.
/// </summary>
public sealed partial class PayerCoverageWriter : ISectionWriter
{
    public string Id => "payer-coverage";
    public string Title => "Payer Coverage";

    public static string PayerKey(string payer) => new(payer.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    static readonly string[] Columns = ["Payer", "Policy", "Stance", "Prior authorization", "Key criteria", "Effective date", "Source"];

    /// <summary>A table row: a payer without a policy, Medicare's fee-schedule row, or one policy.</summary>
    sealed record Row(string Payer, CodePolicy? Policy, bool FeeSchedule);

    public void Write(SectionContext context, SectionBuilder section)
    {
        var policies = new PolicyFacts(context);
        var rows = new List<Row>();
        foreach (var payer in policies.Payers)
        {
            var own = policies.Of(payer).Where(c => c.DecidesCoverage).ToList();
            var medicareRow = payer == "Medicare" && context.Dossier.Primary is not null;
            if (medicareRow)
            {
                rows.Add(new Row(payer, null, FeeSchedule: true));
            }
            else if (own.Count == 0)
            {
                rows.Add(new Row(payer, null, FeeSchedule: false));
            }

            rows.AddRange(own.Select(c => new Row(payer, c, FeeSchedule: false)));
        }

        var medicarePolicies = policies.Of("Medicare").Any(c => c.DecidesCoverage);
        section.Table("Coverage by payer", Columns, rows,
            (p, r) => p.Text(r.Payer),
            (p, r) => PolicyCell(p, r, context, policies, medicarePolicies),
            (p, r) => StanceCell(p, r, context, policies),
            (p, r) => Simple(p, r, medicarePolicies, "prior_authorization", "prior authorization requirement", r.Policy is { } c ? policies.PriorAuthorization(c) : null),
            (p, r) => CriteriaCell(p, r, policies, medicarePolicies),
            (p, r) => DatesCell(p, r, policies, medicarePolicies),
            (p, r) => SourceCell(p, r, policies, medicarePolicies));

        section.Paragraph(p => p.Text(policies.ForCode.Count == 0
            ? "Payer policies for this code have not been imported into this release; each payer's row says so rather than assuming a stance."
            : "Each row summarises the newest version of one policy in this release and cites it; a payer with no policy for this code in the input says so rather than assuming a stance."));
        WriteMentions(context, section, policies);
        WriteChanges(context, section, policies);
    }

    static void PolicyCell(ProseBuilder p, Row r, SectionContext context, PolicyFacts policies, bool medicarePolicies)
    {
        if (r.FeeSchedule)
        {
            var row = context.Dossier.Primary!;
            p.Text("Medicare Physician Fee Schedule, status ").Fact(context.Known.Rvu(row, "status", row.Record.StatusCode, "Medicare status code"));
            if (!medicarePolicies)
            {
                p.Text("; national or local coverage determination: ").Gap("payer.medicare.ncd_lcd", "Medicare NCD/LCD for this code");
            }

            return;
        }

        if (r.Policy is not { } c)
        {
            p.Gap($"payer.{PayerKey(r.Payer)}.policy", $"{r.Payer} policy for this code");
            return;
        }

        p.Fact(policies.Policy(c)).Text(" — ").Fact(policies.Kind(c));
        if (policies.Plan(c) is { } plan)
        {
            p.Text(", ").Fact(plan);
        }

        if (policies.LinesOfBusiness(c) is { } lines)
        {
            p.Text(" (").Fact(lines).Text(")");
        }

        p.Text("; version ").Fact(policies.Version(c));
        if (c.Policy.Origin == Policies.PolicyOrigin.Extracted)
        {
            p.Text("; indexed from the payer's document, not yet reviewed by an editor");
        }
    }

    static void StanceCell(ProseBuilder p, Row r, SectionContext context, PolicyFacts policies)
    {
        if (r.FeeSchedule)
        {
            var row = context.Dossier.Primary!;
            var meaning = context.Known.Meaning(row, "status", FeeScheduleIndicators.Status(row.Record.StatusCode), "Status code");
            Cell(p, r.Payer, "stance", "coverage stance", meaning);
            return;
        }

        if (r.Policy is not { } c)
        {
            Cell(p, r.Payer, "stance", "coverage stance", null);
            return;
        }

        if (policies.Stance(c) is { } stance)
        {
            p.Fact(stance);
        }
        else if (c.Policy.Origin == Policies.PolicyOrigin.Extracted)
        {
            p.Text("Named at ").Fact(policies.Mention(c)).Text("; stance not yet confirmed by an editor: ")
                .Gap($"{PolicyFacts.Prefix(c)}.stance", $"{c.Payer} stance in {c.Policy.Id.Value} (document indexed, not reviewed)");
        }
        else
        {
            p.Gap($"{PolicyFacts.Prefix(c)}.stance", $"{c.Payer} stance in {c.Policy.Id.Value}");
            if (policies.Passage(c) is { } passage)
            {
                p.Text(" (the policy addresses the code: ").Fact(passage).Text(")");
            }
        }
    }

    static void CriteriaCell(ProseBuilder p, Row r, PolicyFacts policies, bool medicarePolicies)
    {
        if (r.Policy is not { } c)
        {
            Simple(p, r, medicarePolicies, "criteria", "coverage criteria", null);
            return;
        }

        var facts = policies.Criteria(c).Concat(policies.Limits(c)).ToList();
        if (facts.Count == 0)
        {
            p.Gap($"{PolicyFacts.Prefix(c)}.criteria", $"{c.Payer} criteria in {c.Policy.Id.Value}");
            return;
        }

        PolicyFacts.Separated(p, facts, (q, f) => q.Fact(f));
    }

    static void DatesCell(ProseBuilder p, Row r, PolicyFacts policies, bool medicarePolicies)
    {
        if (r.Policy is not { } c)
        {
            Simple(p, r, medicarePolicies, "effective_date", "policy effective date", null);
            return;
        }

        if (policies.Effective(c) is { } effective)
        {
            p.Fact(effective);
        }
        else if ((policies.Revised(c) ?? policies.LastReviewed(c)) is { } other)
        {
            p.Text(c.Policy.Revised is not null ? "revised " : "last reviewed ").Fact(other).Text("; effective date: ")
                .Gap($"{PolicyFacts.Prefix(c)}.effective_date", $"{c.Payer} {c.Policy.Id.Value} effective date");
        }
        else
        {
            p.Gap($"{PolicyFacts.Prefix(c)}.effective_date", $"{c.Payer} {c.Policy.Id.Value} effective date");
        }

        if (policies.NextReview(c) is { } next)
        {
            p.Text("; next review ").Fact(next);
        }
    }

    static void SourceCell(ProseBuilder p, Row r, PolicyFacts policies, bool medicarePolicies)
    {
        if (r.Policy is not { } c)
        {
            Simple(p, r, medicarePolicies, "source", "policy source", null);
            return;
        }

        if (policies.SourceUrl(c) is { } url)
        {
            p.Link(Host(url.Value), url.Value).Fact(url, "");
        }
        else
        {
            p.Gap($"{PolicyFacts.Prefix(c)}.source", $"{c.Payer} {c.Policy.Id.Value} published address");
        }
    }

    /// <summary>A cell of a payer row without a policy. On Medicare's fee-schedule row the policy rows below answer it.</summary>
    static void Simple(ProseBuilder p, Row r, bool medicarePolicies, string field, string what, Model.Fact? fact)
    {
        if (r.FeeSchedule && medicarePolicies && fact is null)
        {
            p.Text("see the Medicare policy rows");
            return;
        }

        Cell(p, r.Payer, field, what, fact);
    }

    static void Cell(ProseBuilder p, string payer, string field, string what, Model.Fact? fact)
    {
        if (fact is not null)
        {
            p.Fact(fact);
        }
        else
        {
            p.Gap($"payer.{PayerKey(payer)}.{field}", $"{payer} {what}");
        }
    }

    static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
}
