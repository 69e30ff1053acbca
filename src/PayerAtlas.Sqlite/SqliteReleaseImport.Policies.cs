using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PayerAtlas.Importing;
using PayerAtlas.Policies;
using PayerAtlas.Store;

namespace PayerAtlas.Sqlite;

internal sealed partial class SqliteReleaseImport
{
    internal static readonly JsonSerializerOptions PolicyJson = StoredJson.Policies;

    public long WritePolicies(long sourceId, IEnumerable<Policy> policies)
    {
        using var versions = new SqliteInserter(connection, tx, "policy_versions",
            "release_id", "source_id", "row_ref", "payer", "policy_id", "version", "version_date", "imported_in", "record");
        using var mentions = new SqliteInserter(connection, tx, "policy_mentions",
            "release_id", "source_id", "payer", "policy_id", "version", "ordinal", "code_low", "code_high", "system", "page", "location", "sentence");
        long n = 0;
        foreach (var p in policies)
        {
            try
            {
                versions.Insert(releaseId, sourceId, p.Id.Row, p.Payer, p.Id.Value, p.Version.Value, Iso(p.VersionDate), Label,
                    JsonSerializer.Serialize(p with { Mentions = [] }, PolicyJson));
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 2067)
            {
                throw new ImportException(p.File, $"{p.Key} version {p.Version.Value} appears twice in one import");
            }

            var ordinal = 0;
            foreach (var m in p.Mentions)
            {
                mentions.Insert(releaseId, sourceId, p.Payer, p.Id.Value, p.Version.Value, ordinal++, m.Codes.Low, m.Codes.High,
                    m.System.ToString(), m.Page is { } page ? page : null!, m.Location, m.Sentence);
            }

            n += p.Rules.Count;
        }

        return n;
    }

    public void WritePolicyUpdates(IEnumerable<PolicyUpdate> updates)
    {
        connection.Execute($"DELETE FROM policy_updates WHERE release_id = {releaseId}", tx);
        using var insert = new SqliteInserter(connection, tx, "policy_updates",
            "release_id", "ordinal", "payer", "policy_id", "from_version", "to_version", "update_date", "record");
        var ordinal = 0;
        foreach (var u in updates)
        {
            insert.Insert(releaseId, ordinal++, u.Payer, u.PolicyId, u.FromVersion, u.ToVersion, Iso(u.Date), JsonSerializer.Serialize(u, PolicyJson));
        }
    }

    static object Iso(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null!;
}
