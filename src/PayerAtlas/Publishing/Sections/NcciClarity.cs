using PayerAtlas.Dossiers;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Store;

namespace PayerAtlas.Publishing.Sections;

/// <summary>
/// The NCCI parts of Coding Clarity: a code's PTP edits in both directions (which code is denied, whether a modifier
/// may bypass the edit, when it applied) and its MUEs, each value a fact traced to its file and row.
/// </summary>
internal static class NcciClarity
{
    public static void WritePtp(SectionContext context, SectionBuilder section)
    {
        var dossier = context.Dossier;
        section.Heading("ncci-ptp", "NCCI procedure-to-procedure edits");
        if (dossier.Ptp.Count == 0)
        {
            section.Missing("ncci.ptp", "NCCI procedure-to-procedure pairs for this code");
            return;
        }

        section.Paragraph(p => p.Text("When two codes of an edit are billed for one patient on one date by one provider, the column one code is paid and the column two code is denied, unless the edit allows a modifier and an NCCI-associated modifier documents a separate encounter, site or practitioner."));
        foreach (var table in dossier.Ptp)
        {
            var asOne = table.Edits.Where(e => e.Record.Column1 == dossier.Code).ToList();
            var asTwo = table.Edits.Where(e => e.Record.Column2 == dossier.Code).ToList();
            var name = table.Setting.Name();
            var key = table.Setting.Key();
            if (table.Edits.Count == 0)
            {
                section.Paragraph(p => p.Strong($"{Capital(name)} edits: ").Text("the release's table lists no edit with this code."));
                continue;
            }

            var release = dossier.Release.Label;
            var ones = NcciFacts.Count(context.Known, $"ncci.ptp.{key}.column1.count", asOne.Count, $"Edits with this code in column one ({name})", table.Files, release);
            var twos = NcciFacts.Count(context.Known, $"ncci.ptp.{key}.column2.count", asTwo.Count, $"Edits with this code in column two ({name})", table.Files, release);
            section.Paragraph(p => p.Strong($"{Capital(name)} edits: ").Fact(ones).Text(" with this code in column one (the other code is denied) and ")
                .Fact(twos).Text(" with it in column two (this code is denied); edits in effect first, deleted ones after."));
            Table(context, section, table.Setting, "column1", $"{Capital(name)} edits with this code in column one: the other code is denied", "Column two code", asOne);
            Table(context, section, table.Setting, "column2", $"{Capital(name)} edits with this code in column two: this code is denied", "Column one code", asTwo);
        }
    }

    static void Table(SectionContext context, SectionBuilder section, NcciSetting setting, string side, string caption, string otherColumn,
        List<Stored<PtpEdit>> edits)
    {
        if (edits.Count == 0)
        {
            return;
        }

        var code = context.Dossier.Code;
        var key = setting.Key();
        var limit = context.Options.MaxPtpEditsPerTable;
        var shown = edits.OrderBy(e => e.Record.Deletion is null ? 0 : 1).ThenBy(e => Other(e.Record, code), StringComparer.Ordinal)
            .ThenBy(e => e.Record.Effective).Take(limit).Select(e => NcciFacts.Ptp(context.Known, setting, e)).ToList();
        section.Paragraph(p => p.Text(caption + ":"));
        section.Table(caption, [otherColumn, "Modifier", "Effective", "Deleted", "Rationale"], shown,
            (p, e) => p.Link(e.Other(code).Value, $"{e.Other(code).Value}.html").Text(" ").Fact(e.Other(code), ""),
            (p, e) => p.Fact(e.Indicator).Text(" — ").Text(NcciFacts.IndicatorMeaning(e.Record.ModifierIndicator)),
            (p, e) => p.Fact(e.Effective),
            (p, e) => { if (e.Deletion is { } d) { p.Fact(d); } else { p.Text("in effect"); } },
            (p, e) => p.Fact(e.Rationale));
        if (edits.Count > shown.Count)
        {
            var listed = context.Known.Derived($"ncci.ptp.{key}.{side}.listed", shown.Count, "Edits listed in the table",
                edits[0].Source with { Row = "first rows by the listing order" }, "min(count, table limit)", [$"ncci.ptp.{key}.{side}.count"]);
            section.Paragraph(p => p.Text("The table lists ").Fact(listed).Text(" edits; the rest are in the release's PTP files."));
        }
    }

    public static void WriteMue(SectionContext context, SectionBuilder section)
    {
        var dossier = context.Dossier;
        section.Heading("mue", "Medically unlikely edits");
        if (dossier.Mues.Count == 0)
        {
            section.Missing("ncci.mue", "MUE value and adjudication indicator");
            return;
        }

        var rows = dossier.Mues.Select(m => (Entry: m, Facts: Mue(context, m))).ToList();
        section.Table("Most units of this code one provider reports for one patient on one date", ["Setting", "Units", "Adjudication", "Rationale"], rows,
            (p, r) => p.Text(Capital(r.Entry.Setting.Name())),
            (p, r) => { if (r.Facts is { } f) { p.Fact(f.Value); } else { p.Text("not listed (CMS keeps some MUEs confidential)"); } },
            (p, r) => { if (r.Facts is { } f) { p.Fact(f.Adjudication).Text(" — ").Text(Meaning(r.Entry.Mue!.Record.Adjudication)); } },
            (p, r) => { if (r.Facts is { } f) { p.Fact(f.Rationale); } });
    }

    public sealed record MueFacts(Fact Value, Fact Adjudication, Fact Rationale);

    public static MueFacts? Mue(SectionContext context, NcciMueEntry entry)
    {
        if (entry.Mue is not { } stored)
        {
            return null;
        }

        var key = entry.Setting.Key();
        var name = entry.Setting.Name();
        var known = context.Known;
        return new MueFacts(
            known.Sourced($"ncci.mue.{key}.value", stored.Record.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"MUE value ({name})", stored.Source),
            known.Sourced($"ncci.mue.{key}.adjudication", stored.Record.AdjudicationText, $"MUE adjudication indicator ({name})", stored.Source),
            known.Sourced($"ncci.mue.{key}.rationale", stored.Record.Rationale, $"MUE rationale ({name})", stored.Source));
    }

    static string Meaning(MueAdjudication adjudication) => adjudication switch
    {
        MueAdjudication.ClaimLine => "each claim line is compared with the limit; units at separate sites or encounters may go on separate lines with a fitting modifier",
        MueAdjudication.DateOfServicePolicy => "the units of every line of this code for one date are added up; the limit is set by policy and no appeal pays more",
        _ => "the units of every line of this code for one date are added up; the limit is a clinical benchmark that records can justify exceeding on appeal",
    };

    static string Other(PtpEdit edit, string code) => edit.Column1 == code ? edit.Column2 : edit.Column1;

    /// <summary>The edits of every PTP table the release holds, practitioner first.</summary>
    static IEnumerable<(NcciSetting Setting, Stored<PtpEdit> Edit)> AllEdits(SectionContext context) =>
        context.Dossier.Ptp.SelectMany(t => t.Edits.Select(e => (t.Setting, e)));

    static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Related codes the PTP tables imply: codes that can never be billed with this one (indicator 0, in effect).</summary>
    public static IEnumerable<(Fact Code, Action<ProseBuilder> Relation)> Related(SectionContext context, ISet<string> already)
    {
        var code = context.Dossier.Code;
        return AllEdits(context).Where(x => x.Edit.Record is { Deletion: null, ModifierIndicator: PtpModifierIndicator.NotAllowed })
            .Where(x => !already.Contains(Other(x.Edit.Record, code)))
            .GroupBy(x => Other(x.Edit.Record, code)).Select(g => g.First())
            .Take(5)
            .Select(x => NcciFacts.Ptp(context.Known, x.Setting, x.Edit))
            .Select(f => (f.Other(code), (Action<ProseBuilder>)(p => p.Text("never billed with this code on one date (NCCI edit, no modifier allowed; ").Fact(f.Rationale).Text(")"))))
            .ToList();
    }

    /// <summary>How an editorial related code and this code meet in the PTP table, when they do.</summary>
    public static void Annotate(SectionContext context, ProseBuilder p, string related)
    {
        var code = context.Dossier.Code;
        var found = AllEdits(context).FirstOrDefault(x => x.Edit.Record.Deletion is null && Other(x.Edit.Record, code) == related);
        if (found.Edit is null)
        {
            return;
        }

        var edit = NcciFacts.Ptp(context.Known, found.Setting, found.Edit);
        p.Text(edit.Record.Column1 == code ? "; NCCI edit: billed together, the other code is denied (modifier indicator " : "; NCCI edit: billed together, this code is denied (modifier indicator ")
            .Fact(edit.Indicator).Text(", ").Text(NcciFacts.IndicatorMeaning(edit.Record.ModifierIndicator)).Text(")");
    }

    /// <summary>Common errors the NCCI tables imply for this code.</summary>
    public static List<Action<ProseBuilder>> Errors(SectionContext context)
    {
        var code = context.Dossier.Code;
        var errors = new List<Action<ProseBuilder>>();
        var active = AllEdits(context).Where(x => x.Edit.Record.Deletion is null).ToList();
        PtpEditFacts Facts((NcciSetting Setting, Stored<PtpEdit> Edit) x) => NcciFacts.Ptp(context.Known, x.Setting, x.Edit);
        IEnumerable<(NcciSetting Setting, Stored<PtpEdit> Edit)> Distinct(IEnumerable<(NcciSetting Setting, Stored<PtpEdit> Edit)> edits) =>
            edits.GroupBy(x => Other(x.Edit.Record, code), StringComparer.Ordinal).Select(g => g.First());
        foreach (var f in Distinct(active.Where(x => x.Edit.Record.Column2 == code && x.Edit.Record.ModifierIndicator == PtpModifierIndicator.NotAllowed)).Take(3).Select(Facts))
        {
            errors.Add(p => p.Text("Billing this code with ").Fact(f.Column1).Text(" on one date: this code is the column two code and no modifier bypasses the edit (modifier indicator ").Fact(f.Indicator).Text(")"));
        }

        foreach (var f in Distinct(active.Where(x => x.Edit.Record.Column1 == code && x.Edit.Record.ModifierIndicator == PtpModifierIndicator.NotAllowed)).Take(2).Select(Facts))
        {
            errors.Add(p => p.Text("Billing ").Fact(f.Column2).Text(" with this code on one date: that code is denied and no modifier bypasses the edit (modifier indicator ").Fact(f.Indicator).Text(")"));
        }

        if (active.FirstOrDefault(x => x.Edit.Record.ModifierIndicator == PtpModifierIndicator.Allowed) is { Edit: not null } allowed)
        {
            var f = Facts(allowed);
            errors.Add(p => p.Text("Appending an NCCI-associated modifier (XE, XS, XP, XU) to get past an edit such as ").Fact(f.Column1).Text("/")
                .Fact(f.Column2).Text(" when the record shows no separate encounter, site or practitioner"));
        }

        // One error per distinct limit: the settings that share it are named together.
        var limits = context.Dossier.Mues.Where(m => m.Mue is { Record.Value: > 0 })
            .GroupBy(m => (m.Mue!.Record.Value, m.Mue.Record.Adjudication));
        foreach (var limit in limits)
        {
            var first = limit.First();
            var mue = Mue(context, first)!;
            var per = first.Mue!.Record.IsDateOfService ? "for one date of service" : "on one claim line";
            var settings = string.Join(" and ", limit.Select(m => m.Setting.Name()));
            errors.Add(p => p.Text("Reporting more than ").Fact(mue.Value).Text($" units of this code {per} on {settings} claims (MUE; adjudication ").Fact(mue.Adjudication).Text(")"));
        }

        return errors;
    }
}
