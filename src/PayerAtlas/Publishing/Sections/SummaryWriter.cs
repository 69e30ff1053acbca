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

        var payers = context.Options.KeyPayers;
        section.Paragraph(p =>
        {
            p.Text("Key payers covered in this publication: ").Join(payers, (q, payer) => q.Text(payer)).Text(". ");
            p.Text("Coverage patterns across these payers: ");
            p.Gap("payer.policies", "Payer coverage policies for this code");
        });

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
}
