using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Store;

namespace PayerAtlas.Claims.Rules;

/// <summary>
/// Professional/technical components (RVU25D PC/TC indicator) against the modifiers and the place of service: 26 and
/// TC only on indicator-1 codes (26 alone on 6 and 8); in a hospital the hospital bills the technical component, so a
/// practitioner bills an indicator-1 test with 26; incident-to codes (indicator 5) are not paid for hospital patients.
/// Also flags a setting the fee schedule marks NA.
/// </summary>
public sealed class ComponentRule : IClaimRule
{
    public void Check(ClaimGroup group, List<ClaimFinding> findings)
    {
        if (!group.Rules.Has(Sources.Dataset.FeeSchedule))
        {
            return;
        }

        foreach (var line in group.Lines)
        {
            if (group.Primary(line.Code) is not { } primary)
            {
                continue;
            }

            var setting = group.SettingOf(line);
            if (setting == NcciSetting.Practitioner)
            {
                Practitioner(group, line, primary, findings);
            }
            else if (setting == NcciSetting.OutpatientHospital && line.Has("26"))
            {
                findings.Add(group.Finding(line, Severity.Deny, "pctc.professional-on-hospital-claim",
                    $"{line.Label} bills the professional component on an outpatient hospital claim; the hospital furnishes the technical part and the practitioner bills the interpretation.",
                    "Remove 26 from the hospital claim; the interpreting practitioner bills 26 on a professional claim.",
                    [Source(line, primary), PolicyRefs.PcTcIndicator]));
            }
        }
    }

    static FindingSource Source(ClaimLine line, Stored<RvuRecord> row) =>
        new($"fee schedule row {line.Code}{(row.Record.Modifier.Length > 0 ? "-" + row.Record.Modifier : "")}, PC/TC indicator {row.Record.PcTcIndicator}", row.Source);

    static void Practitioner(ClaimGroup group, ClaimLine line, Stored<RvuRecord> primary, List<ClaimFinding> findings)
    {
        var indicator = primary.Record.PcTcIndicator;
        var source = Source(line, primary);
        var meaning = Publishing.FeeScheduleIndicators.PcTc(indicator) ?? $"indicator {indicator}";
        var hospital = PlaceOfServiceGroups.Hospital.Contains(line.PlaceOfService);
        void Add(string rule, string message, string fix) =>
            findings.Add(group.Finding(line, Severity.Deny, rule, message, fix, [source, PolicyRefs.PcTcIndicator]));

        if (line.Has("26") && line.Has("TC"))
        {
            Add("pctc.both-components", $"{line.Label} carries both 26 and TC.",
                "Bill the complete service without 26 or TC, or only the component you furnished.");
            return;
        }

        var component = line.Component;
        if (component.Length > 0 && indicator is "0" or "2" or "3" or "4" or "5" or "7" or "9" || component == "TC" && indicator is "6" or "8")
        {
            var fix = indicator is "2" or "3" or "4"
                ? $"Remove {component}: the professional, technical and global parts of this test have codes of their own; bill the one that fits."
                : $"Remove {component}: {line.Code} has no {(component == "26" ? "professional" : "technical")} component to bill.";
            Add("pctc.modifier-not-allowed", $"{component} is not valid with {line.Code}: PC/TC indicator {indicator} ({meaning}).", fix);
            return;
        }

        if (indicator == "1" && hospital && component.Length == 0)
        {
            Add("pctc.global-in-facility",
                $"{line.Code} is billed as the global service (professional and technical) for place of service {line.PlaceOfService}, a hospital setting, where the hospital furnishes and bills the technical component.",
                $"Append 26 and bill the interpretation only ({line.Code}-26).");
            return;
        }

        if (indicator == "1" && hospital && component == "TC")
        {
            Add("pctc.technical-in-facility",
                $"{line.Code}-TC is billed by a practitioner for place of service {line.PlaceOfService}, a hospital setting; the hospital bills the technical component.",
                $"Remove the line, or bill {line.Code}-26 if you interpreted the study.");
            return;
        }

        if (indicator == "5" && hospital)
        {
            Add("pctc.incident-to-in-hospital",
                $"{line.Code} is an incident-to service (PC/TC indicator 5), which Medicare does not pay to a practitioner for hospital inpatients or outpatients (place of service {line.PlaceOfService}).",
                "Do not bill it on the professional claim; the hospital reports the service.");
            return;
        }

        NotApplicableSetting(group, line, findings);
    }

    /// <summary>An NA indicator: CMS sets no amount for the setting, so the service is not expected there.</summary>
    static void NotApplicableSetting(ClaimGroup group, ClaimLine line, List<ClaimFinding> findings)
    {
        if (line.PlaceOfService.Length == 0 || group.FeeRow(line) is not { } row)
        {
            return;
        }

        var facility = PlaceOfServiceGroups.Facility.Contains(line.PlaceOfService);
        var na = facility ? row.Record.FacilityNotApplicable : row.Record.NonFacilityNotApplicable;
        if (!na)
        {
            return;
        }

        var where = facility ? "facility" : "non-facility";
        findings.Add(group.Finding(line, Severity.Warning, $"pos.{where}-na",
            $"The fee schedule marks {line.Label} NA for the {where} setting, and place of service {line.PlaceOfService} is {(facility ? "a facility" : "not a facility")}: CMS does not expect the service to be billed there.",
            "Check the place of service; if it is right, expect the MAC to price or deny the line by its own rules.",
            [new FindingSource($"fee schedule row {line.Code}{(row.Record.Modifier.Length > 0 ? "-" + row.Record.Modifier : "")}, {where} NA indicator", row.Source), PolicyRefs.NaIndicator]));
    }
}
