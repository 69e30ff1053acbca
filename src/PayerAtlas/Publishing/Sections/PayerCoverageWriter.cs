namespace PayerAtlas.Publishing.Sections;

/// <summary>
/// Payer Coverage: one row per key payer. Until payer policies are imported, each commercial payer's policy is
/// a gap; Medicare's row states what the fee schedule itself says (its status code), and the NCD/LCD is a gap.
/// </summary>
public sealed class PayerCoverageWriter : ISectionWriter
{
    public string Id => "payer-coverage";
    public string Title => "Payer Coverage";

    public static string PayerKey(string payer) => new(payer.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    public void Write(SectionContext context, SectionBuilder section)
    {
        var known = context.Known;
        var row = context.Dossier.Primary;
        section.Table("Coverage by payer", ["Payer", "Policy", "Stance", "Prior authorization", "Documentation", "Effective date", "Source"],
            context.Options.KeyPayers,
            (p, payer) => p.Text(payer),
            (p, payer) =>
            {
                if (payer == "Medicare" && row is not null)
                {
                    p.Text("Medicare Physician Fee Schedule, status ").Fact(known.Rvu(row, "status", row.Record.StatusCode, "Medicare status code"));
                    p.Text("; national or local coverage determination: ").Gap("payer.medicare.ncd_lcd", "Medicare NCD/LCD for this code");
                }
                else
                {
                    p.Gap($"payer.{PayerKey(payer)}.policy", $"{payer} policy for this code");
                }
            },
            (p, payer) => Cell(p, payer, "stance", "coverage stance", row is not null && payer == "Medicare" ? known.Meaning(row, "status", FeeScheduleIndicators.Status(row.Record.StatusCode), "Status code") : null),
            (p, payer) => Cell(p, payer, "prior_authorization", "prior authorization requirement", null),
            (p, payer) => Cell(p, payer, "documentation", "documentation requirements", null),
            (p, payer) => Cell(p, payer, "effective_date", "policy effective date", null),
            (p, payer) => Cell(p, payer, "source", "policy source", null));
        section.Paragraph(p => p.Text("Commercial payer policies have not been imported into this release; each payer's row says so rather than assuming a stance."));
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
}
