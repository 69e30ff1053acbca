using PayerAtlas.Sources;

namespace PayerAtlas.Claims.Rules;

/// <summary>The line itself: a well-formed code the release knows, positive units, at most four modifiers.</summary>
public sealed class CodeRule : IClaimRule
{
    public void Check(ClaimGroup group, List<ClaimFinding> findings)
    {
        var rules = group.Rules;
        foreach (var line in group.Lines)
        {
            var input = new FindingSource($"input line {line.InputLine}");
            if (!BillingCodes.IsValid(line.Code))
            {
                findings.Add(group.Finding(line, Severity.Deny, "code.invalid",
                    $"'{line.Code}' is not a CPT/HCPCS code (five letters or digits).", "Correct the code.", [input]));
                continue;
            }

            if (line.Units <= 0)
            {
                findings.Add(group.Finding(line, Severity.Deny, "units.invalid",
                    $"{line.Code} is billed with {line.Units} units; a service line needs at least one unit.", "Enter the units furnished.", [input]));
            }

            foreach (var modifier in line.Modifiers.Where(m => m.Length != 2 || !m.All(char.IsAsciiLetterOrDigit)))
            {
                findings.Add(group.Finding(line, Severity.Deny, "modifier.invalid",
                    $"'{modifier}' is not a modifier (two letters or digits).", "Correct or remove the modifier.", [input]));
            }

            if (line.Modifiers.Count > 4)
            {
                findings.Add(group.Finding(line, Severity.Warning, "modifier.too-many",
                    $"{line.Modifiers.Count} modifiers on one line; a claim line carries at most four.",
                    "Keep the four that matter for payment, pricing modifiers (26, TC, 50) first.", [input]));
            }

            if (rules.Has(Dataset.FeeSchedule) && rules.FeeSchedule(line.Code).Count == 0)
            {
                if (rules.Has(Dataset.HcpcsLevel2) && rules.Hcpcs(line.Code) is { } hcpcs)
                {
                    findings.Add(group.Finding(line, Severity.Info, "code.not-on-fee-schedule",
                        $"{line.Code} is a HCPCS code without a physician fee schedule row: Medicare prices it under another fee schedule, if at all.",
                        "Check the payer's fee schedule for this code.", [new FindingSource($"HCPCS record {line.Code}", hcpcs.Source)]));
                }
                else
                {
                    findings.Add(group.Finding(line, Severity.Warning, "code.unknown",
                        $"{line.Code} is not in the fee schedule{(rules.Has(Dataset.HcpcsLevel2) ? " or the HCPCS file" : "")} of release {rules.Release}.",
                        "Check the code against the code set in effect on the date of service.",
                        [new FindingSource($"fee schedule of release {rules.Release}")]));
                }
            }
        }
    }
}
