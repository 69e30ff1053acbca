using PayerAtlas.Importers.Ncci;

namespace PayerAtlas.Claims.Rules;

/// <summary>
/// NCCI procedure-to-procedure edits (Policy Manual, Introduction and chapter I, section E): when both codes of an edit
/// in effect are billed for one patient on one date, the column 2 code is denied, unless the edit's modifier indicator
/// is 1 and an NCCI PTP-associated modifier (anatomic, 24/25/57/58/78/79, 27/59/91/XE/XS/XP/XU) is reported.
/// Modifiers 22, 76 and 77 never bypass an edit.
/// </summary>
public sealed class PtpRule : IClaimRule
{
    public void Check(ClaimGroup group, List<ClaimFinding> findings)
    {
        foreach (var day in group.ByDate)
        {
            var lines = day.ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                for (var j = 0; j < lines.Count; j++)
                {
                    if (i != j && !string.Equals(lines[i].Code, lines[j].Code, StringComparison.Ordinal))
                    {
                        Pair(group, lines[i], lines[j], findings);
                    }
                }
            }
        }
    }

    static string Modifiers(List<string> modifiers) =>
        modifiers.Count == 1 ? $"modifier {modifiers[0]} is" : $"modifiers {string.Join(", ", modifiers)} are";

    static void Pair(ClaimGroup group, ClaimLine column1, ClaimLine column2, List<ClaimFinding> findings)
    {
        var setting = group.SettingOf(column2);
        if (setting == NcciSetting.Dme)
        {
            return;
        }

        if (!group.Rules.Has(setting.PtpDataset()))
        {
            group.Notice($"release {group.Rules.Release} has no {setting.Name()} PTP table: procedure-to-procedure edits were not checked for {setting.Name()} lines");
            return;
        }

        var edit = group.Rules.PtpPair(column1.Code, column2.Code, setting).FirstOrDefault(e => e.Record.AppliesOn(column2.DateOfService));
        if (edit is null)
        {
            return;
        }

        var e = edit.Record;
        var sources = new[]
        {
            new FindingSource($"NCCI PTP edit {e.Column1}/{e.Column2} ({setting.Name()}), modifier indicator {(int)e.ModifierIndicator}, effective {e.Effective:yyyy-MM-dd}", edit.Source),
            PolicyRefs.PtpEdits,
        };
        var pair = $"{column2.Code} (line {column2.Line}) is the column 2 code of NCCI PTP edit {e.Column1}/{e.Column2} with {column1.Code} (line {column1.Line}) on {column2.DateOfService:yyyy-MM-dd}";
        var rationale = e.Rationale.Length > 0 ? $" Rationale: {e.Rationale}." : "";
        var notBypassing = column2.Modifiers.Where(ClaimModifiers.NotBypassing.Contains).ToList();
        var note = notBypassing.Count > 0 ? $" Modifier {string.Join(", ", notBypassing)} does not bypass NCCI PTP edits." : "";
        if (e.ModifierIndicator == PtpModifierIndicator.NotAllowed)
        {
            findings.Add(group.Finding(column2, Severity.Deny, "ncci.ptp",
                $"{pair}; the edit allows no modifier, so {column2.Code} is denied.{rationale}",
                $"Report {column1.Code} without {column2.Code} for this date: no modifier bypasses this edit.{note}", sources, column1));
            return;
        }

        var bypass = column2.Modifiers.Concat(column1.Modifiers).Where(ClaimModifiers.PtpAssociated.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (bypass.Count == 0)
        {
            findings.Add(group.Finding(column2, Severity.Deny, "ncci.ptp",
                $"{pair}; the edit allows an NCCI PTP-associated modifier but none is reported, so {column2.Code} is denied.{rationale}",
                $"If {column2.Code} was done at a separate encounter, on a separate site or structure, or by another practitioner, append XE, XS, XP or XU (59 only when none fits) and keep documentation that shows it; otherwise report {column1.Code} alone.{note}",
                sources, column1));
            return;
        }

        // Anatomic modifiers bypass an edit by showing two sites: the same one on both lines, or one on one line only, shows none.
        var sites1 = column1.Modifiers.Where(ClaimModifiers.Anatomic.Contains).Order(StringComparer.Ordinal).ToList();
        var sites2 = column2.Modifiers.Where(ClaimModifiers.Anatomic.Contains).Order(StringComparer.Ordinal).ToList();
        if (bypass.All(ClaimModifiers.Anatomic.Contains) && (sites1.Count == 0 || sites2.Count == 0 || sites1.SequenceEqual(sites2)))
        {
            var shown = sites1.SequenceEqual(sites2)
                ? $"both lines carry {string.Join(", ", bypass)}, which shows the same site, not a separate one"
                : $"only line {(sites1.Count > 0 ? column1.Line : column2.Line)} carries {string.Join(", ", bypass)}, which does not show a separate site for the other";
            findings.Add(group.Finding(column2, Severity.Warning, "ncci.ptp-same-site", $"{pair}; {shown}.{rationale}",
                $"Use the anatomic modifiers that show the two sites on both lines, or report {column1.Code} alone if both were on the same site.", sources, column1));
            return;
        }

        findings.Add(group.Finding(column2, Severity.Info, "ncci.ptp-bypassed",
            $"{pair}; the edit allows a modifier and {Modifiers(bypass)} reported, so both lines can be paid.{rationale}",
            $"Keep documentation that supports {string.Join(", ", bypass)} (separate encounter, site or practitioner); a modifier used only to get past the edit is misuse.",
            sources, column1));
    }
}
