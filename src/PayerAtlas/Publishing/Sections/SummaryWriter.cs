namespace PayerAtlas.Publishing.Sections;

/// <summary>
/// Summary &amp; Overview: what the code denotes, why it matters, key payers covered, what the page holds, who it
/// is for, and a closing statement of what the input lacked. Runs after the other sections so it can say so.
/// </summary>
public sealed class SummaryWriter : ISectionWriter
{
    public string Id => "summary";
    public string Title => "Summary & Overview";
    public bool RunsLast => true;

    public void Write(SectionContext context, SectionBuilder section)
    {
        var known = context.Known;
        var dossier = context.Dossier;
        var content = dossier.Content;
        var code = known.Code();
        var title = known.Title();

        section.Paragraph(p =>
        {
            p.Text($"{dossier.CodeSystem} code ").Fact(code).Text(" denotes ");
            var plain = known.Editorial("plain_description", content?.PlainDescription, "Plain-language description");
            if (plain is not null)
            {
                p.Fact(plain).Text(".");
            }
            else if (title is not null)
            {
                p.Text("the service described as “").Fact(title).Text("”.");
            }
            else
            {
                p.Gap("editorial.plain_description", "Plain-language description of the code");
            }
        });

        var why = known.Editorial("why_it_matters", content?.WhyItMatters, "Why the code matters");
        section.Paragraph(p => p.Strong("Why it matters: ").FactOrGap(why, "editorial.why_it_matters", "Why the code matters clinically"));

        section.Paragraph(p => Payers(p, context));

        var filled = context.Written.Where(s => s.Blocks.Count > 0 && s.Gaps.Count < s.Blocks.Count).Select(s => s.Title).ToList();
        section.Paragraph(p => p.Text("Readers will find ").Join(filled, (q, t) => q.Strong(t)).Text("."));

        var audience = known.EditorialList("audience", content?.Audience ?? [], "Intended audience");
        section.Paragraph(p =>
        {
            p.Strong("Intended audience: ");
            if (audience.Count == 0)
            {
                p.Gap("editorial.audience", "Intended audience");
            }
            else
            {
                p.Join(audience, (q, f) => q.Fact(f)).Text(".");
            }
        });

        var lacking = context.Written.Where(s => s.Gaps.Count > 0).ToList();
        if (lacking.Count > 0)
        {
            section.Paragraph(p =>
            {
                p.Strong("Not in the input: ");
                p.Join(lacking, (q, s) => q.Text(string.Join("; ", s.Gaps.Take(3).Select(g => g.Label))).Text(s.Gaps.Count > 3 ? " and more" : "").Text($" ({s.Title})"), "; ");
                p.Text(". ").Text(Model.Gap.NotAvailable);
            });
        }
    }

    /// <summary>"Key payers covered …", then the coverage patterns assembled from the policies' stance facts.</summary>
    static void Payers(ProseBuilder p, SectionContext context)
    {
        var policies = new PolicyFacts(context);
        p.Text("Key payers covered in this publication: ").Join(context.Options.KeyPayers, (q, payer) => q.Text(payer)).Text(". ");
        var coverage = policies.ForCode.Where(c => c.DecidesCoverage).ToList();
        if (coverage.Count == 0)
        {
            p.Text("Coverage patterns across these payers: ").Gap("payer.policies", "Payer coverage policies for this code");
            return;
        }

        p.Text("Policies for this code in the input: ");
        PolicyFacts.Separated(p, coverage, (q, c) => q.Text(c.Payer + " ").Fact(policies.Policy(c))).Text(". ");
        var stated = coverage.Select(c => (Policy: c, Stance: policies.Stance(c))).Where(x => x.Stance is not null).ToList();
        if (stated.Count > 0)
        {
            p.Text("Coverage patterns: ");
            PolicyFacts.Separated(p, stated, (q, x) => q.Text(x.Policy.Payer + " (").Fact(policies.Policy(x.Policy), x.Policy.Policy.Id.Value).Text("): ").Fact(x.Stance!)).Text(". ");
            var payersStating = stated.Select(x => x.Policy.Payer).Distinct().Count();
            if (payersStating > 1)
            {
                p.Text(stated.Select(x => x.Policy.Stance!.Value).Distinct().Count() == 1
                    ? "The payers that state a stance agree. "
                    : "The payers' stated stances differ, so check the payer before billing. ");
            }
        }

        var authorizations = coverage.Select(c => (Policy: c, Answer: policies.PriorAuthorization(c))).Where(x => x.Answer is not null).ToList();
        if (authorizations.Count > 0)
        {
            p.Text("Prior authorization: ");
            PolicyFacts.Separated(p, authorizations, (q, x) => q.Text(x.Policy.Payer + " ").Fact(x.Answer!)).Text(". ");
        }

        var unknown = context.Options.KeyPayers.Where(k => !stated.Any(x => PayerCoverageWriter.PayerKey(x.Policy.Payer) == PayerCoverageWriter.PayerKey(k))).ToList();
        if (unknown.Count > 0)
        {
            var names = string.Join(", ", unknown);
            p.Text($"No stated stance in the input for {names}: ").Gap("payer.policies", $"Coverage stance of {names} for this code");
        }
    }
}
