using PayerAtlas.Importers.Ncci;

namespace PayerAtlas.Claims.Rules;

/// <summary>
/// Medically Unlikely Edits (Policy Manual, chapter I, section V): with MAI 1 each line's units are compared with the
/// MUE and a line over it is denied in full; with MAI 2 or 3 the units of every line of the code on one date are
/// summed and all of them are denied when the sum is over. MAI 2 limits are absolute; MAI 3 limits can be exceeded on
/// appeal with records.
/// </summary>
public sealed class MueRule : IClaimRule
{
    public void Check(ClaimGroup group, List<ClaimFinding> findings)
    {
        foreach (var set in group.Lines.GroupBy(l => (l.Code, l.DateOfService, Setting: group.SettingOf(l))))
        {
            var setting = set.Key.Setting;
            if (!group.Rules.Has(setting.MueDataset()))
            {
                group.Notice($"release {group.Rules.Release} has no {setting.Name()} MUE table: units were not checked for {setting.Name()} lines");
                continue;
            }

            if (group.Rules.Mue(set.Key.Code, setting) is not { } stored)
            {
                continue;
            }

            var mue = stored.Record;
            var sources = new[]
            {
                new FindingSource($"MUE {mue.Code} ({setting.Name()}): {mue.Value}, {mue.AdjudicationText}, rationale {mue.Rationale}", stored.Source),
                PolicyRefs.Mue,
            };
            var limit = mue.Value == 0
                ? $"The {setting.Name()} MUE for {mue.Code} is 0: the code is not payable in this setting"
                : $"The {setting.Name()} MUE for {mue.Code} is {mue.Value} unit{(mue.Value == 1 ? "" : "s")}";
            if (mue.Adjudication == MueAdjudication.ClaimLine)
            {
                foreach (var line in set.Where(l => l.Units > mue.Value))
                {
                    findings.Add(group.Finding(line, Severity.Deny, "mue.line",
                        $"{limit} per claim line (MAI 1), and line {line.Line} bills {line.Units}: all units on the line are denied.",
                        mue.Value == 0
                            ? $"Do not bill {mue.Code} in the {setting.Name()} setting."
                            : $"Bill no more than {mue.Value} on the line. Units at separate sites or encounters go on separate lines with an anatomic modifier or XE/XS/XP/XU/59 (76, 77 or 91 where they apply), each line within {mue.Value}.",
                        sources));
                }

                continue;
            }

            var total = set.Sum(l => l.Units);
            if (total <= mue.Value)
            {
                continue;
            }

            var lines = set.ToList();
            var on = lines.Count == 1 ? $"line {lines[0].Line} bills {total}" : $"lines {string.Join(", ", lines.Select(l => l.Line))} bill {total} in all";
            var kind = mue.Adjudication == MueAdjudication.DateOfServicePolicy ? "MAI 2, a per-day limit set by policy" : "MAI 3, a per-day clinical benchmark";
            var fix = mue.Value == 0
                ? $"Do not bill {mue.Code} in the {setting.Name()} setting."
                : mue.Adjudication == MueAdjudication.DateOfServicePolicy
                    ? $"Bill no more than {mue.Value} for the date. An MAI 2 limit is absolute: splitting lines or appealing does not pay more."
                    : $"Bill no more than {mue.Value} for the date, unless the record shows more were furnished and needed: an MAI 3 limit can be exceeded on appeal with that documentation.";
            foreach (var line in lines)
            {
                findings.Add(group.Finding(line, Severity.Deny, "mue.date-of-service",
                    $"{limit} per date of service ({kind}), and {on} on {set.Key.DateOfService:yyyy-MM-dd}: all units of {mue.Code} for the date are denied.",
                    fix, sources));
            }
        }
    }
}
