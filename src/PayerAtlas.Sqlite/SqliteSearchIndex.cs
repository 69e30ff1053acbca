using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PayerAtlas.Search;

namespace PayerAtlas.Sqlite;

/// <summary>
/// The FTS5 index behind search: one row per code and release, built from the release's own tables when the
/// import commits (and, by the migration that introduced it, for releases imported before). Porter stemming
/// lets "mammograms" find "mammography"; the last word of a query is matched as a prefix.
/// </summary>
internal static class SqliteSearchIndex
{
    public const string Create = """
        CREATE VIRTUAL TABLE search_index USING fts5(
            code, title, descriptor, hcpcs, plain, release_id UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """;

    /// <summary>Fills the index for the releases the <paramref name="where"/> clause selects (over c.release_id).</summary>
    /// <remarks>The title follows the publication headline: editorial title, else HCPCS short description, else the fee-schedule descriptor.</remarks>
    public static string Populate(string where) => $"""
        INSERT INTO search_index (code, title, descriptor, hcpcs, plain, release_id)
        SELECT c.code,
               COALESCE(json_extract(e.entry, '$.title.value'), json_extract(h.record, '$.shortDescription'), f.description, ''),
               COALESCE(f.description, ''),
               COALESCE(json_extract(h.record, '$.longDescription'), ''),
               COALESCE(json_extract(e.entry, '$.plainDescription.value'), ''),
               c.release_id
        FROM (SELECT release_id, hcpcs AS code FROM fee_schedule
              UNION SELECT release_id, code FROM hcpcs WHERE kind = 'Procedure'
              UNION SELECT release_id, code FROM editorial) c
        LEFT JOIN editorial e ON e.release_id = c.release_id AND e.code = c.code
        LEFT JOIN hcpcs h ON h.release_id = c.release_id AND h.code = c.code AND h.kind = 'Procedure'
        LEFT JOIN fee_schedule f ON f.rowid = (
            SELECT rowid FROM fee_schedule x WHERE x.release_id = c.release_id AND x.hcpcs = c.code
            ORDER BY x.modifier <> '', x.line LIMIT 1)
        {where};
        """;

    public static void Build(SqliteConnection connection, SqliteTransaction tx, long releaseId)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = Populate("WHERE c.release_id = $r");
        cmd.Parameters.AddWithValue("$r", releaseId);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Indexes every committed release that has no rows yet (databases imported before the index existed).</summary>
    public static void Backfill(SqliteConnection connection)
    {
        // Read first: an open must not take the write lock (an import elsewhere may hold it) when there is nothing to do.
        if (Convert.ToInt64(connection.Scalar("SELECT COUNT(*) FROM releases WHERE id NOT IN (SELECT DISTINCT release_id FROM search_index)"), CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        using var tx = connection.BeginTransaction();
        connection.Execute(Populate("WHERE c.release_id NOT IN (SELECT DISTINCT release_id FROM search_index)"), tx);
        tx.Commit();
    }

    /// <summary>Quoted words (never FTS5 syntax from the user), the last as a prefix when asked, all required.</summary>
    public static string MatchExpression(SearchTerms terms)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < terms.Words.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append('"').Append(terms.Words[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (terms.Prefix && i == terms.Words.Count - 1)
            {
                sb.Append('*');
            }
        }

        return sb.ToString();
    }

    public static SearchPage Search(SqliteConnection connection, long releaseId, SearchTerms? terms, int offset, int limit)
    {
        if (terms is null)
        {
            var total = Count(connection, "SELECT COUNT(*) FROM search_index WHERE release_id = $r", releaseId, null);
            var all = Hits(connection, "SELECT code, title, title FROM search_index WHERE release_id = $r ORDER BY code LIMIT $n OFFSET $o",
                releaseId, null, null, offset, limit);
            return new SearchPage(total, all);
        }

        var match = MatchExpression(terms);
        var count = Count(connection, "SELECT COUNT(*) FROM search_index WHERE search_index MATCH $q AND release_id = $r", releaseId, match);
        var hits = Hits(connection, $"""
            SELECT code, title, snippet(search_index, -1, char({(int)SearchHit.MarkStart}), char({(int)SearchHit.MarkEnd}), '…', 12)
            FROM search_index WHERE search_index MATCH $q AND release_id = $r
            ORDER BY (code = $exact) DESC, bm25(search_index, 20.0, 6.0, 4.0, 2.0, 1.0), code
            LIMIT $n OFFSET $o
            """, releaseId, match, terms.ExactCode ?? "", offset, limit);
        return new SearchPage(count, hits);
    }

    static int Count(SqliteConnection connection, string sql, long releaseId, string? match)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$r", releaseId);
        if (match is not null)
        {
            cmd.Parameters.AddWithValue("$q", match);
        }

        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    static List<SearchHit> Hits(SqliteConnection connection, string sql, long releaseId, string? match, string? exact, int offset, int limit)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$r", releaseId);
        cmd.Parameters.AddWithValue("$n", limit);
        cmd.Parameters.AddWithValue("$o", offset);
        if (match is not null)
        {
            cmd.Parameters.AddWithValue("$q", match);
            cmd.Parameters.AddWithValue("$exact", exact ?? "");
        }

        using var r = cmd.ExecuteReader();
        var hits = new List<SearchHit>();
        while (r.Read())
        {
            hits.Add(new SearchHit(r.GetString(0), r.GetString(1), r.GetString(2)));
        }

        return hits;
    }
}
