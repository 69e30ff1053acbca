namespace PayerAtlas.Publishing.Sections;

/// <summary>Coding Clarity: NCCI pairs and MUE limits (gaps when the release has no NCCI tables), related codes, common errors.</summary>
public sealed class CodingClarityWriter : ISectionWriter
{
    public string Id => "coding-clarity";
    public string Title => "Coding Clarity";

    public void Write(SectionContext context, SectionBuilder section)
    {
        var known = context.Known;
        var dossier = context.Dossier;

        NcciClarity.WritePtp(context, section);
        NcciClarity.WriteMue(context, section);

        section.Heading("related-codes", "Related codes");
        var related = (dossier.Content?.RelatedCodes ?? [])
            .Select((r, i) => (Code: known.EditorialValue($"related_codes.{i + 1}", r, r.Value.Code, "Related code"),
                Relation: known.EditorialValue($"related_codes.{i + 1}.relation", r, r.Value.Relation, $"How {r.Value.Code} relates")))
            .ToList();
        if (dossier.Primary is { Record.EndoscopicBase.Length: > 0 } row)
        {
            var endo = known.Rvu(row, "endoscopic_base", row.Record.EndoscopicBase, "Endoscopic base code");
            related.Add((endo, known.Sourced("rvu.global.endoscopic_base.relation", "endoscopic base code for the multiple-endoscopy rule", "Relation of the endoscopic base code", row.Source)));
        }

        var fromNcci = NcciClarity.Related(context, related.Select(r => r.Code.Value).Append(dossier.Code).ToHashSet(StringComparer.Ordinal)).ToList();
        if (related.Count == 0 && fromNcci.Count == 0)
        {
            section.Missing("editorial.related_codes", "Related and companion codes");
        }
        else
        {
            section.List(related, (p, r) =>
            {
                p.Link(r.Code.Value, $"{r.Code.Value}.html").Text(" ").Fact(r.Code, "").Text("— ").Fact(r.Relation);
                NcciClarity.Annotate(context, p, r.Code.Value);
            });
            section.List(fromNcci, (p, r) =>
            {
                p.Link(r.Code.Value, $"{r.Code.Value}.html").Text(" ").Fact(r.Code, "").Text("— ");
                r.Relation(p);
            });
        }

        WritePayerNotes(context, section);

        section.Heading("common-errors", "Common errors");
        var errors = DerivedErrors(context);
        var ncci = NcciClarity.Errors(context);
        var editorial = known.EditorialList("common_errors", dossier.Content?.CommonErrors ?? [], "Common error");
        if (errors.Count == 0 && ncci.Count == 0 && editorial.Count == 0)
        {
            section.Missing("editorial.common_errors", "Common coding errors");
            return;
        }

        section.List(errors, (p, e) => p.Text(e.Text).Text(" (").Text(DossierFacts.ShortLabel(e.Basis)).Text(" ").Fact(e.Basis).Text(")"));
        section.List(ncci, (p, write) => write(p));
        section.List(editorial, (p, f) => p.Fact(f));
    }

    /// <summary>Coding notes, modifier and place-of-service rules from payer policies, each citing its policy.</summary>
    static void WritePayerNotes(SectionContext context, SectionBuilder section)
    {
        section.Heading("payer-coding-notes", "Payer coding notes");
        var policies = new PolicyFacts(context);
        var notes = policies.ForCode.SelectMany(c => policies.CodingNotes(c).Select(f => (Policy: c, Fact: f))).ToList();
        if (notes.Count == 0)
        {
            section.Missing("payer.coding_notes", "Coding notes from payer policies");
            return;
        }

        section.List(notes, (p, n) => p.Text(n.Policy.Payer + " (").Fact(policies.Policy(n.Policy), n.Policy.Policy.Id.Value).Text("): ").Fact(n.Fact));
    }

    sealed record DerivedError(string Text, Model.Fact Basis);

    /// <summary>Errors that follow from the fee-schedule indicators alone.</summary>
    static List<DerivedError> DerivedErrors(SectionContext context)
    {
        var known = context.Known;
        var list = new List<DerivedError>();
        if (context.Dossier.Primary is not { } row)
        {
            return list;
        }

        var r = row.Record;
        var pctc = known.Rvu(row, "pctc", r.PcTcIndicator, "PC/TC indicator");
        switch (r.PcTcIndicator)
        {
            case "1":
                list.Add(new("Billing the global service for a hospital patient when only the interpretation was performed: the facility bills the technical part, so the physician reports the professional component", pctc));
                break;
            case "0" or "2" or "3" or "4" or "5":
                list.Add(new("Appending the professional or technical component modifier: this code cannot be split", pctc));
                break;
        }

        if (r.FacilityNotApplicable)
        {
            list.Add(new("Reporting the global service in a facility place of service, where CMS marks it NA", known.Rvu(row, "facility_na", r.FacilityNaIndicator, "Facility NA indicator")));
        }

        if (r.NonFacilityNotApplicable)
        {
            list.Add(new("Reporting the service in an office or other non-facility place of service, where CMS marks it NA", known.Rvu(row, "nonfacility_na", r.NonFacilityNaIndicator, "Non-facility NA indicator")));
        }

        if (r.StatusCode is "B" or "P")
        {
            list.Add(new("Expecting separate payment for a bundled service", known.Rvu(row, "status", r.StatusCode, "Medicare status code")));
        }
        else if (r.StatusCode is "I" or "N" or "X" or "E")
        {
            list.Add(new("Billing Medicare for a code it does not pay under the fee schedule", known.Rvu(row, "status", r.StatusCode, "Medicare status code")));
        }

        if (r.GlobalDays is "010" or "090")
        {
            list.Add(new("Billing related follow-up visits during the global period: they are included in the surgical payment", known.Rvu(row, "global_days", r.GlobalDays, "Global surgery days")));
        }

        return list;
    }
}
