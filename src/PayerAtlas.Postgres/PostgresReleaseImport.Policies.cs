using System.Globalization;
using System.Text.Json;
using PayerAtlas.Importing;
using PayerAtlas.Policies;
using PayerAtlas.Store;

namespace PayerAtlas.Postgres;

internal sealed partial class PostgresReleaseImport
{
    readonly HashSet<(string Payer, string Id, string Version)> policyVersions = [];

    public long WritePolicies(long sourceId, IEnumerable<Policy> policies)
    {
        var list = policies.ToList();
        foreach (var p in list)
        {
            if (!policyVersions.Add((p.Payer, p.Id.Value, p.Version.Value)))
            {
                throw new ImportException(p.File, $"{p.Key} version {p.Version.Value} appears twice in one import");
            }
        }

        using (var versions = Copy("policy_versions"))
        {
            foreach (var p in list)
            {
                versions.Row().Long(releaseId).Long(sourceId).Text(p.Id.Row).Text(p.Payer).Text(p.Id.Value).Text(p.Version.Value).Text(Iso(p.VersionDate))
                    .Text(Label).Text(JsonSerializer.Serialize(p with { Mentions = [] }, StoredJson.Policies));
            }

            versions.Complete();
        }

        using (var mentions = Copy("policy_mentions"))
        {
            foreach (var p in list)
            {
                var ordinal = 0;
                foreach (var m in p.Mentions)
                {
                    mentions.Row().Long(releaseId).Long(sourceId).Text(p.Payer).Text(p.Id.Value).Text(p.Version.Value).Int(ordinal++)
                        .Text(m.Codes.Low).Text(m.Codes.High).Text(m.System.ToString()).Int(m.Page).Text(m.Location).Text(m.Sentence);
                }
            }

            mentions.Complete();
        }

        return list.Sum(p => (long)p.Rules.Count);
    }

    public void WritePolicyUpdates(IEnumerable<PolicyUpdate> updates)
    {
        connection.Execute("DELETE FROM policy_updates WHERE release_id = @r", tx, ("r", releaseId));
        using var copy = Copy("policy_updates");
        var ordinal = 0;
        foreach (var u in updates)
        {
            copy.Row().Long(releaseId).Int(ordinal++).Text(u.Payer).Text(u.PolicyId).Text(u.FromVersion).Text(u.ToVersion).Text(Iso(u.Date))
                .Text(JsonSerializer.Serialize(u, StoredJson.Policies));
        }

        copy.Complete();
    }

    static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
