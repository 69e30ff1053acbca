namespace PayerAtlas.Claims.Rules;

/// <summary>
/// What the payer's own policy requires of the code, when the release has the payer's policies: prior authorization,
/// places of service, required and refused modifiers.
/// </summary>
public sealed class PayerPolicyRule : IClaimRule
{
    public void Check(ClaimGroup group, List<ClaimFinding> findings)
    {
        foreach (var line in group.Lines.Where(l => l.Payer.Length > 0))
        {
            foreach (var rule in group.Rules.PayerRules(line.Payer, line.Code, line.DateOfService))
            {
                var sources = new[] { new FindingSource($"{rule.Payer} policy {rule.Policy}", rule.Source) };
                void Add(Severity severity, string id, string message, string fix) =>
                    findings.Add(group.Finding(line, severity, id, message, fix, sources));

                if (rule.PriorAuthorization)
                {
                    Add(Severity.Warning, "payer.prior-authorization", $"{rule.Payer} requires prior authorization for {line.Code} ({rule.Policy}).",
                        "Confirm the authorization was obtained before the service and put its number on the claim.");
                }

                if (rule.PlacesOfService.Count > 0 && !rule.PlacesOfService.Contains(line.PlaceOfService, StringComparer.Ordinal))
                {
                    Add(Severity.Deny, "payer.place-of-service",
                        $"{rule.Payer} covers {line.Code} in places of service {string.Join(", ", rule.PlacesOfService)} ({rule.Policy}); the line says {(line.PlaceOfService.Length == 0 ? "none" : line.PlaceOfService)}.",
                        "Correct the place of service, or expect the payer to deny the line.");
                }

                if (rule.RequiredModifiers.Count > 0 && !rule.RequiredModifiers.Any(line.Has))
                {
                    Add(Severity.Deny, "payer.modifier-required",
                        $"{rule.Payer} requires one of {string.Join(", ", rule.RequiredModifiers)} on {line.Code} ({rule.Policy}).",
                        $"Append the modifier that fits ({string.Join(" or ", rule.RequiredModifiers)}).");
                }

                foreach (var refused in rule.DeniedModifiers.Where(line.Has))
                {
                    Add(Severity.Deny, "payer.modifier-not-accepted", $"{rule.Payer} does not accept {refused} on {line.Code} ({rule.Policy}).",
                        $"Remove {refused}, or bill as the policy directs.");
                }
            }
        }
    }
}
