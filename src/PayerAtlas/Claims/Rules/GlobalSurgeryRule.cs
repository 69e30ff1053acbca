using PayerAtlas.Importers.Ncci;

namespace PayerAtlas.Claims.Rules;

/// <summary>
/// Global surgery (Policy Manual, chapter I, sections C-E; RVU25D global days): an E&amp;M service on the day of a minor
/// procedure (000, 010) needs 25; on the day of or the day before a major one (090) it needs 57 (the decision for
/// surgery); during the 10- or 90-day postoperative period it is included unless unrelated (24). Another procedure in
/// the postoperative period needs 58, 78 or 79. Practitioner claims only: the global surgery rules do not apply to
/// hospitals. Only the lines given together (one claim, or one patient's lines) are compared.
/// </summary>
public sealed class GlobalSurgeryRule : IClaimRule
{
    public void Check(ClaimGroup group, List<ClaimFinding> findings)
    {
        if (!group.Rules.Has(Sources.Dataset.FeeSchedule))
        {
            return;
        }

        var lines = group.Lines.Where(l => group.SettingOf(l) == NcciSetting.Practitioner).ToList();
        var surgeries = lines.Select(l => (Line: l, Row: group.Primary(l.Code)))
            .Where(s => s.Row?.Record.GlobalDays is "000" or "010" or "090")
            .Select(s => (s.Line, Row: s.Row!))
            .ToList();
        foreach (var (surgery, row) in surgeries)
        {
            var days = row.Record.GlobalDays;
            var post = days switch { "010" => 10, "090" => 90, _ => 0 };
            var sources = new[] { new FindingSource($"fee schedule row {surgery.Code}, global days {days}", row.Source), PolicyRefs.EvaluationAndManagement, PolicyRefs.GlobalDays };
            foreach (var other in lines.Where(o => !ReferenceEquals(o, surgery)))
            {
                var offset = other.DateOfService.DayNumber - surgery.DateOfService.DayNumber;
                if (PlaceOfServiceGroups.IsEvaluationAndManagement(other.Code))
                {
                    Visit(group, surgery, other, days, offset, post, sources, findings);
                }
                else if (offset > 0 && offset <= post && group.Primary(other.Code)?.Record.GlobalDays is "000" or "010" or "090"
                    && !other.HasAny(Staged))
                {
                    findings.Add(group.Finding(other, Severity.Warning, "global.procedure-postoperative",
                        $"{other.Code} is on day {offset} of the {post}-day postoperative period of {surgery.Code} (line {surgery.Line}, {surgery.DateOfService:yyyy-MM-dd}).",
                        "Append 58 (staged or related), 78 (unplanned return to the operating room) or 79 (unrelated) as the record supports; without one the service is treated as part of the surgical package.",
                        [sources[0], PolicyRefs.GlobalPackage, PolicyRefs.GlobalDays], surgery));
                }
            }
        }

        SameDayXxx(group, lines, findings);
    }

    static readonly IReadOnlySet<string> Staged = new HashSet<string>(StringComparer.Ordinal) { "58", "78", "79" };

    static void Visit(ClaimGroup group, ClaimLine surgery, ClaimLine visit, string days, int offset, int post, FindingSource[] sources, List<ClaimFinding> findings)
    {
        var what = $"{visit.Code} (line {visit.Line}, {visit.DateOfService:yyyy-MM-dd})";
        var of = $"{surgery.Code} (line {surgery.Line}, global {days})";
        (string Rule, string Message, string Fix)? verdict = (days, offset) switch
        {
            ("090", 0 or -1) when !visit.Has("57") => ("global.em-major-surgery",
                $"{what} is on {(offset == 0 ? "the day of" : "the day before")} major surgery {of}: pre-operative visits are part of the surgical payment.",
                "If this visit was the decision for surgery, append 57; otherwise do not bill it."),
            ("000" or "010", 0) when !visit.Has("25") => ("global.em-minor-procedure",
                $"{what} is on the day of minor procedure {of}: the visit, including the decision to do the procedure, is part of the procedure's payment.",
                "Append 25 only when the record shows a significant, separately identifiable E&M service beyond the usual pre- and post-procedure work; otherwise do not bill it."),
            (_, > 0) when offset <= post && !visit.Has("24") && !visit.Has("57") => ("global.em-postoperative",
                $"{what} is on day {offset} of the {post}-day postoperative period of {of}: related postoperative visits are part of the surgical payment.",
                "Append 24 only for a visit unrelated to the surgery (57 if it is the decision for another major surgery); otherwise do not bill it."),
            _ => null,
        };
        if (verdict is { } v)
        {
            findings.Add(group.Finding(visit, Severity.Deny, v.Rule, v.Message, v.Fix, sources, surgery));
        }
    }

    /// <summary>An E&amp;M the same day as an XXX procedure with physician work needs 25 to be a separate service.</summary>
    static void SameDayXxx(ClaimGroup group, List<ClaimLine> lines, List<ClaimFinding> findings)
    {
        foreach (var visit in lines.Where(l => PlaceOfServiceGroups.IsEvaluationAndManagement(l.Code) && !l.Has("25")))
        {
            var procedure = lines.Select(l => (Line: l, Row: group.Primary(l.Code)))
                .FirstOrDefault(p => !PlaceOfServiceGroups.IsEvaluationAndManagement(p.Line.Code) && p.Line.DateOfService == visit.DateOfService
                    && p.Row is { Record: { GlobalDays: "XXX", WorkRvu: > 0, StatusCode: "A" } });
            if (procedure.Line is null)
            {
                continue;
            }

            findings.Add(group.Finding(visit, Severity.Warning, "global.em-same-day-procedure",
                $"{visit.Code} (line {visit.Line}) is on the same day as {procedure.Line.Code} (line {procedure.Line.Line}), a procedure whose own pre- and post-procedure work is in its payment.",
                "Append 25 when the visit was significant and separately identifiable beyond that work; otherwise do not bill it.",
                [new FindingSource($"fee schedule row {procedure.Line.Code}, global days XXX", procedure.Row!.Source), PolicyRefs.EvaluationAndManagement],
                procedure.Line));
        }
    }
}
