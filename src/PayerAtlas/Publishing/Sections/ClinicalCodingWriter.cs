using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Publishing.Sections;

/// <summary>Clinical &amp; Coding Specifications: the clinical vignette and the derived modifiers table.</summary>
public sealed class ClinicalCodingWriter : ISectionWriter
{
    public string Id => "clinical-coding";
    public string Title => "Clinical & Coding Specifications";

    public void Write(SectionContext context, SectionBuilder section)
    {
        var known = context.Known;
        var content = context.Dossier.Content;

        section.Heading("clinical-context", "Clinical Context");
        var paragraphs = known.EditorialList("clinical_context", content?.ClinicalContext ?? [], "Clinical context");
        if (paragraphs.Count == 0)
        {
            section.Missing("editorial.clinical_context", "Clinical context");
        }

        foreach (var paragraph in paragraphs)
        {
            section.Paragraph(p => p.Fact(paragraph));
        }

        var indications = known.EditorialList("clinical_indications", content?.ClinicalIndications ?? [], "Clinical indication");
        if (indications.Count > 0)
        {
            section.Paragraph(p => p.Strong("Common indications:"));
            section.List(indications, (p, f) => p.Fact(f));
        }

        section.Heading("coding-specifications", "Coding Specifications");
        var rows = Rows(context);
        if (rows.Count == 0)
        {
            section.Missing("modifiers", "Modifiers that apply to this code");
            return;
        }

        section.Table("Modifiers that apply to this code", ["Modifier", "Description", "When to Use"], rows,
            (p, row) => p.Fact(row.Modifier),
            (p, row) => Describe(p, context, row.Modifier.Value),
            (p, row) =>
            {
                if (row.When is not null)
                {
                    p.Text(row.When);
                }

                if (row.Basis is not null)
                {
                    p.Text(" (basis: ").Text(DossierFacts.ShortLabel(row.Basis)).Text(" ").Fact(row.Basis).Text(")");
                }

                if (row.Note is not null)
                {
                    p.Text(row.When is null ? "" : " Editor's note: ").Fact(row.Note);
                }
            });
    }

    sealed record Row(Fact Modifier, string? When, Fact? Basis, Fact? Note);

    static List<Row> Rows(SectionContext context)
    {
        var known = context.Known;
        var dossier = context.Dossier;
        var notes = (dossier.Content?.ModifierNotes ?? [])
            .Select((n, i) => (Note: n, Fact: known.EditorialValue($"modifier_notes.{i + 1}", n, n.Value.Note, $"Editor's note on modifier {n.Value.Modifier}")))
            .ToList();
        var rows = new List<Row>();
        foreach (var use in ModifierCatalog.Derive(dossier, known))
        {
            var modifier = known.Sourced($"modifier.{use.Modifier}", use.Modifier, $"Modifier {use.Modifier}", use.Basis!.Source);
            var note = notes.FirstOrDefault(n => n.Note.Value.Modifier == use.Modifier).Fact;
            rows.Add(new Row(modifier, use.When, use.Basis, note));
        }

        foreach (var (note, fact) in notes.Where(n => rows.All(r => r.Modifier.Value != n.Note.Value.Modifier)))
        {
            var modifier = known.EditorialValue($"modifier.{note.Value.Modifier}", note, note.Value.Modifier, $"Modifier {note.Value.Modifier}");
            rows.Add(new Row(modifier, null, null, fact));
        }

        return rows;
    }

    /// <summary>The HCPCS modifier file's wording when imported (a fact), else our own short name.</summary>
    static void Describe(ProseBuilder p, SectionContext context, string modifier)
    {
        if (context.Dossier.Modifiers.FirstOrDefault(m => m.Record.Code == modifier) is { } stored && stored.Record.ShortDescription.Length > 0)
        {
            p.Fact(context.Known.Sourced($"hcpcs.modifier.{modifier}", stored.Record.ShortDescription, $"HCPCS description of modifier {modifier}", stored.Source));
        }
        else
        {
            p.Text(ModifierCatalog.Name(modifier) ?? "Modifier without a description in the input");
        }
    }
}
