namespace PayerAtlas.Claims.Rules;

/// <summary>
/// The fee schedule's status code (RVU25D layout): bundled (B, P), non-covered (N), not valid for Medicare (I), excluded
/// (E, X), deleted (D, H), measurement only (M), restricted (R), and injections (T) billed with another payable service
/// the same day. Practitioner claims only: outpatient hospital claims are paid under OPPS, not this fee schedule.
/// </summary>
public sealed class StatusRule : IClaimRule
{
    public void Check(ClaimGroup group, List<ClaimFinding> findings)
    {
        if (!group.Rules.Has(Sources.Dataset.FeeSchedule))
        {
            group.Notice($"release {group.Rules.Release} has no fee schedule: status, PC/TC and global surgery checks did not run");
            return;
        }

        foreach (var line in group.Lines.Where(l => group.SettingOf(l) == Importers.Ncci.NcciSetting.Practitioner))
        {
            if (group.Primary(line.Code) is not { } row)
            {
                continue;
            }

            var status = row.Record.StatusCode;
            var other = status == "T" ? OtherPayableSameDay(group, line) : null;
            var source = new FindingSource($"fee schedule row {line.Code}{(row.Record.Modifier.Length > 0 ? "-" + row.Record.Modifier : "")}, status {status}", row.Source);
            (Severity Severity, string Rule, string Message, string Fix)? verdict = status switch
            {
                "B" or "P" => (Severity.Deny, "status.bundled",
                    $"Medicare status {status}: {line.Code} is bundled; its payment is always part of another service.",
                    $"Do not bill {line.Code} on its own line for Medicare; it is paid through the service it supports."),
                "N" => (Severity.Deny, "status.non-covered",
                    $"Medicare status N: {line.Code} is not covered by Medicare.",
                    "Medicare will deny the line; check the patient-liability notice rules before billing the patient."),
                "I" => (Severity.Deny, "status.not-valid-for-medicare",
                    $"Medicare status I: {line.Code} is not valid for Medicare, which pays this service under another code.",
                    "Report the code Medicare uses for the service (often a G code; the HCPCS file's cross-reference may name it)."),
                "E" or "X" => (Severity.Deny, "status.excluded",
                    $"Medicare status {status}: {line.Code} is excluded from the physician fee schedule.",
                    "Bill it under the payment system that covers it (for example the lab or ambulance fee schedule), not the physician fee schedule."),
                "D" or "H" => (Severity.Deny, "status.deleted",
                    $"Medicare status {status}: {line.Code} has been deleted.",
                    "Report the code that replaced it for this date of service."),
                "M" => (Severity.Info, "status.measurement",
                    $"Medicare status M: {line.Code} is a measurement code, reported for quality programs only; it carries no payment.",
                    "Report it with the visit it measures, with a nominal charge."),
                "R" => (Severity.Warning, "status.restricted",
                    $"Medicare status R: {line.Code} has restricted coverage; special coverage instructions apply and the MAC prices it.",
                    "Check the MAC's coverage instructions and keep the documentation they ask for."),
                "T" when other is not null => (Severity.Deny, "status.injection-bundled",
                    $"Medicare status T: {line.Code} is paid only when no other fee-schedule service is billed that day by the same provider, and {other.Label} (line {other.Line}) is.",
                    $"Drop {line.Code}: its payment is bundled into {other.Code}."),
                _ => null,
            };
            if (verdict is { } v)
            {
                findings.Add(group.Finding(line, v.Severity, v.Rule, v.Message, v.Fix, [source, PolicyRefs.StatusCode], other));
            }
        }
    }

    static ClaimLine? OtherPayableSameDay(ClaimGroup group, ClaimLine line) =>
        group.Lines.FirstOrDefault(o => !ReferenceEquals(o, line) && o.DateOfService == line.DateOfService
            && group.Primary(o.Code)?.Record.StatusCode is "A" or "R" or "C");
}
