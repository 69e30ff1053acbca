using PayerAtlas.Policies;
using PayerAtlas.Store;
using Npgsql;

namespace PayerAtlas.Postgres;

internal sealed partial class PostgresReleaseReader
{
    readonly Dictionary<(string Payer, string Id, string Version), Stored<Policy>> policyCache = [];
    (HashSet<string> Singles, List<CodeRange> Ranges)? named;
    IReadOnlyList<Stored<PolicyUpdate>>? updates;

    public IReadOnlyList<Stored<Policy>> ListPolicies() => Query(
        "SELECT source_id, row_ref, payer, policy_id, version, record FROM policy_versions WHERE release_id = @r ORDER BY payer, policy_id, version_date NULLS FIRST, version",
        ReadPolicy);

    /// <summary>Whether any policy names the code, answered from memory (a site build asks for every code; few are named).</summary>
    bool AnyPolicyNames(string code)
    {
        named ??= LoadNamed();
        return named.Value.Singles.Contains(code) || named.Value.Ranges.Exists(r => r.Contains(code));
    }

    (HashSet<string>, List<CodeRange>) LoadNamed()
    {
        var all = Query("SELECT DISTINCT code_low, code_high FROM policy_mentions WHERE release_id = @r", r => new CodeRange(r.GetString(0), r.GetString(1)));
        return (all.Where(r => r.IsSingle).Select(r => r.Low).ToHashSet(StringComparer.Ordinal), all.Where(r => !r.IsSingle).ToList());
    }

    public IReadOnlyList<Stored<Policy>> GetPolicies(string code)
    {
        if (!AnyPolicyNames(code))
        {
            return [];
        }

        var keys = Query(
            """
            SELECT DISTINCT payer, policy_id, code_low, code_high FROM policy_mentions
            WHERE release_id = @r AND system = 'Procedure' AND code_low <= @c AND code_high >= @c
            ORDER BY payer, policy_id, code_low, code_high
            """,
            r => (Payer: r.GetString(0), Id: r.GetString(1), Range: new CodeRange(r.GetString(2), r.GetString(3))),
            ("c", code))
            .Where(k => k.Range.Contains(code))
            .Select(k => (k.Payer, k.Id))
            .Distinct()
            .ToList();
        var versions = new List<Stored<Policy>>();
        foreach (var (payer, id) in keys)
        {
            versions.AddRange(Query(
                "SELECT source_id, row_ref, payer, policy_id, version, record FROM policy_versions WHERE release_id = @r AND payer = @p AND policy_id = @i ORDER BY source_id, row_ref",
                ReadPolicy, ("p", payer), ("i", id)));
        }

        return versions;
    }

    public IReadOnlyList<Stored<PolicyMention>> GetPolicyMentions(string code) => !AnyPolicyNames(code) ? [] : Query(
        """
        SELECT source_id, payer, policy_id, version, code_low, code_high, system, page, location, sentence FROM policy_mentions
        WHERE release_id = @r AND code_low <= @c AND code_high >= @c
        ORDER BY payer, policy_id, version, ordinal
        """,
        r => new Stored<PolicyMention>(
            new PolicyMention(r.GetString(1), r.GetString(2), r.GetString(3),
                new CodeMention(new CodeRange(r.GetString(4), r.GetString(5)), Enum.Parse<CodeSystem>(r.GetString(6)),
                    r.IsDBNull(7) ? null : r.GetInt32(7), r.GetString(8), r.GetString(9))),
            Source(r.GetInt64(0), r.GetString(8))),
        ("c", code))
        .Where(m => m.Record.Mention.Codes.Contains(code))
        .ToList();

    public IReadOnlyList<Stored<PolicyUpdate>> GetPolicyUpdates() => updates ??= Query(
        "SELECT record FROM policy_updates WHERE release_id = @r ORDER BY ordinal",
        r =>
        {
            var update = StoredJson.Read<PolicyUpdate>(r.GetString(0), StoredJson.Policies);
            return new Stored<PolicyUpdate>(update, new Sources.SourceRef(update.File, release.Label, update.Row));
        });

    Stored<Policy> ReadPolicy(NpgsqlDataReader r)
    {
        var key = (r.GetString(2), r.GetString(3), r.GetString(4));
        if (!policyCache.TryGetValue(key, out var stored))
        {
            policyCache[key] = stored = new Stored<Policy>(StoredJson.Read<Policy>(r.GetString(5), StoredJson.Policies), Source(r.GetInt64(0), r.GetString(1)));
        }

        return stored;
    }
}
