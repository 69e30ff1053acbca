namespace PayerAtlas.Publishing.Sections;

/// <summary>Documentation &amp; Supervision: the fee schedule's supervision level per component, and editorial documentation elements.</summary>
public sealed class DocumentationWriter : ISectionWriter
{
    public string Id => "documentation";
    public string Title => "Documentation & Supervision";

    public void Write(SectionContext context, SectionBuilder section)
    {
        var known = context.Known;
        var rows = context.Dossier.FeeSchedule;
        if (rows.Count == 0)
        {
            section.Missing("rvu.global.supervision", "Physician supervision level");
        }
        else
        {
            section.Paragraph(p => p.Strong("Physician supervision of diagnostic procedures (Medicare fee schedule):"));
            section.List(rows, (p, row) =>
            {
                var level = known.Rvu(row, "supervision", row.Record.PhysicianSupervision, "Physician supervision level");
                var meaning = known.Meaning(row, "supervision", FeeScheduleIndicators.Supervision(row.Record.PhysicianSupervision), "Physician supervision level");
                p.Text(DossierFacts.ComponentName(row.Record.Modifier)).Text(": level ").Fact(level);
                if (meaning is not null)
                {
                    p.Text(" — ").Fact(meaning);
                }
            });
        }

        var elements = known.EditorialList("documentation", context.Dossier.Content?.Documentation ?? [], "Documentation element");
        if (elements.Count == 0)
        {
            section.Missing("editorial.documentation", "Documentation elements");
        }
        else
        {
            section.Paragraph(p => p.Strong("Documentation reviewers expect:"));
            section.List(elements, (p, f) => p.Fact(f));
        }

        WritePolicyDocumentation(context, section);
    }

    /// <summary>The union of the documentation elements payer policies list for this code, each with the payers that list it.</summary>
    static void WritePolicyDocumentation(SectionContext context, SectionBuilder section)
    {
        var policies = new PolicyFacts(context);
        var elements = policies.ForCode
            .SelectMany(c => policies.Documentation(c).Select(f => (Policy: c, Fact: f)))
            .GroupBy(x => x.Fact.Value.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToList();
        var silent = policies.Payers.Where(payer => !policies.Of(payer).Any(c => c.Documentation.Count > 0)).ToList();
        if (elements.Count == 0)
        {
            section.Paragraph(p => p.Strong("Documentation required by payer policies: ").Gap("payer.documentation", "Documentation elements required by payer policies"));
            return;
        }

        section.Paragraph(p => p.Strong("Documentation required by payer policies:"));
        section.List(elements, (p, g) =>
        {
            p.Fact(g.First().Fact).Text(" — listed by ");
            p.Join(g.Select(x => x.Policy).Distinct().ToList(), (q, c) => q.Text(c.Payer + " (").Fact(policies.Policy(c), c.Policy.Id.Value).Text(")"));
        });
        if (silent.Count > 0)
        {
            var names = string.Join(", ", silent);
            section.Paragraph(p => p.Strong("No documentation elements in the input for: ").Text(names + ". ")
                .Gap("payer.documentation", $"Documentation elements required by {names}"));
        }
    }
}
