using PayerAtlas.Store;

namespace PayerAtlas.Dossiers;

/// <summary>Gathers a dossier from one release.</summary>
public static class DossierBuilder
{
    /// <summary>The dossier, or null when the release knows nothing of the code.</summary>
    public static Dossier? Build(IReleaseReader reader, string code)
    {
        code = BillingCodes.Normalize(code);
        var feeSchedule = reader.GetFeeSchedule(code);
        var hcpcs = reader.GetHcpcs(code);
        var editorial = reader.GetEditorial(code);
        if (feeSchedule.Count == 0 && hcpcs is null && editorial is null)
        {
            return null;
        }

        var policies = reader.GetPolicies(code);
        var keys = policies.Select(p => (p.Record.Payer, p.Record.Id.Value)).ToHashSet();
        return new Dossier
        {
            Code = code,
            Release = reader.Release,
            CodeSystem = BillingCodes.System(code),
            FeeSchedule = feeSchedule,
            Hcpcs = hcpcs,
            Editorial = editorial,
            Localities = reader.GetGpcis(),
            PlacesOfService = reader.GetPlacesOfService(),
            Modifiers = reader.GetHcpcsModifiers(),
            Policies = policies,
            PolicyMentions = reader.GetPolicyMentions(code),
            PolicyUpdates = reader.GetPolicyUpdates().Where(u => u.Record.Touches(code) || keys.Contains((u.Record.Payer, u.Record.PolicyId))).ToList(),
        };
    }
}
