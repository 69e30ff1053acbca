using PayerAtlas.Importers.Ncci;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Dossiers;

/// <summary>Gathers a dossier from one release.</summary>
public static class DossierBuilder
{
    static readonly NcciSetting[] PtpSettings = [NcciSetting.Practitioner, NcciSetting.OutpatientHospital];

    static IReadOnlyList<string> Files(IReleaseReader reader, Dataset dataset) =>
        [.. reader.Release.Sources.Where(s => s.Dataset == dataset).Select(s => s.File)];

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
            OppsCaps = reader.GetOppsCaps(code),
            Ptp = [.. PtpSettings.Where(s => Files(reader, s.PtpDataset()).Count > 0)
                .Select(s => new NcciPtpEntries(s, reader.GetPtpEdits(code, s), Files(reader, s.PtpDataset())))],
            Mues = [.. Enum.GetValues<NcciSetting>().Where(s => Files(reader, s.MueDataset()).Count > 0)
                .Select(s => new NcciMueEntry(s, reader.GetMue(code, s), Files(reader, s.MueDataset())))],
            Policies = policies,
            PolicyMentions = reader.GetPolicyMentions(code),
            PolicyUpdates = reader.GetPolicyUpdates().Where(u => u.Record.Touches(code) || keys.Contains((u.Record.Payer, u.Record.PolicyId))).ToList(),
        };
    }
}
