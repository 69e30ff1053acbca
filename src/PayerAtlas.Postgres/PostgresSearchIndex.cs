using System.Globalization;
using System.Text;
using Npgsql;
using PayerAtlas.Search;

namespace PayerAtlas.Postgres;

/// <summary>
/// Search as in the SQLite store, over a tsvector with a GIN index: one row per code and release, built from the
/// release's own tables when the import commits (and on open for releases imported before the index existed). The
/// English configuration stems ("mammograms" finds "mammogram"); the last word can match as a prefix. Weights follow
/// SQLite's bm25 column weights: code, then title, descriptor, HCPCS long description and plain description.
/// </summary>
internal static class PostgresSearchIndex
{
    public const string Create = """
        CREATE TABLE search_index (
            release_id bigint NOT NULL,
            code text COLLATE "C" NOT NULL, title text COLLATE "C" NOT NULL, descriptor text COLLATE "C" NOT NULL,
            hcpcs text COLLATE "C" NOT NULL, plain text COLLATE "C" NOT NULL,
            document tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', code), 'A') || setweight(to_tsvector('english', title), 'B')
                || setweight(to_tsvector('english', descriptor), 'C') || setweight(to_tsvector('english', hcpcs || ' ' || plain), 'D')) STORED
        );
        CREATE INDEX search_index_release ON search_index(release_id, code);
        CREATE INDEX search_index_document ON search_index USING gin(document);
        """;

    /// <summary>Fills the index for the releases in @ids.</summary>
    /// <remarks>The title follows the publication headline: editorial title, else HCPCS short description, else the fee-schedule descriptor.</remarks>
    const string Populate = """
        INSERT INTO search_index (release_id, code, title, descriptor, hcpcs, plain)
        SELECT c.release_id, c.code,
               COALESCE(e.entry::jsonb #>> '{title,value}', h.record::jsonb ->> 'shortDescription', f.description, ''),
               COALESCE(f.description, ''),
               COALESCE(h.record::jsonb ->> 'longDescription', ''),
               COALESCE(e.entry::jsonb #>> '{plainDescription,value}', '')
        FROM (SELECT release_id, hcpcs AS code FROM fee_schedule WHERE release_id = ANY(@ids)
              UNION SELECT release_id, code FROM hcpcs WHERE kind = 'Procedure' AND release_id = ANY(@ids)
              UNION SELECT release_id, code FROM editorial WHERE release_id = ANY(@ids)) c
        LEFT JOIN editorial e ON e.release_id = c.release_id AND e.code = c.code
        LEFT JOIN LATERAL (SELECT x.record FROM hcpcs x WHERE x.release_id = c.release_id AND x.code = c.code AND x.kind = 'Procedure'
                           ORDER BY x.line LIMIT 1) h ON true
        LEFT JOIN LATERAL (SELECT x.description FROM fee_schedule x WHERE x.release_id = c.release_id AND x.hcpcs = c.code
                           ORDER BY x.modifier <> '', x.line LIMIT 1) f ON true
        """;

    public static void Build(NpgsqlConnection connection, NpgsqlTransaction tx, long releaseId) =>
        connection.Execute(Populate, tx, ("ids", new[] { releaseId }));

    /// <summary>Indexes every committed release that has no rows yet (databases imported before the index existed).</summary>
    public static void Backfill(NpgsqlConnection connection)
    {
        using var tx = connection.BeginTransaction();
        connection.Execute($"SELECT pg_advisory_xact_lock({PostgresStore.MigrateLock})", tx);
        var missing = new List<long>();
        using (var cmd = new NpgsqlCommand("SELECT id FROM releases r WHERE NOT EXISTS (SELECT 1 FROM search_index s WHERE s.release_id = r.id)", connection, tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                missing.Add(r.GetInt64(0));
            }
        }

        if (missing.Count > 0)
        {
            connection.Execute(Populate, tx, ("ids", missing.ToArray()));
        }

        tx.Commit();
    }

    /// <summary>Quoted words joined by AND (never tsquery syntax from the user), the last as a prefix when asked.</summary>
    public static string Query(SearchTerms terms)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < terms.Words.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(" & ");
            }

            sb.Append('\'').Append(terms.Words[i].Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal)).Append('\'');
            if (terms.Prefix && i == terms.Words.Count - 1)
            {
                sb.Append(":*");
            }
        }

        return sb.ToString();
    }

    static readonly string HeadlineOptions =
        $"StartSel=\"{SearchHit.MarkStart}\", StopSel=\"{SearchHit.MarkEnd}\", MaxFragments=1, MaxWords=12, MinWords=4, ShortWord=0, FragmentDelimiter=\" … \"";

    public static SearchPage Search(NpgsqlConnection connection, long releaseId, SearchTerms? terms, int offset, int limit)
    {
        if (terms is null)
        {
            var total = Convert.ToInt32(connection.Scalar("SELECT COUNT(*) FROM search_index WHERE release_id = @r", null, ("r", releaseId)), CultureInfo.InvariantCulture);
            return new SearchPage(total, Hits(connection,
                "SELECT code, title, title FROM search_index WHERE release_id = @r ORDER BY code LIMIT @n OFFSET @o",
                ("r", releaseId), ("n", limit), ("o", offset)));
        }

        var query = Query(terms);
        var count = Convert.ToInt32(connection.Scalar(
            "SELECT COUNT(*) FROM search_index WHERE release_id = @r AND document @@ to_tsquery('english', @q)", null,
            ("r", releaseId), ("q", query)), CultureInfo.InvariantCulture);
        // The headline is computed for the page only; it comes from the first column that matches on its own.
        var hits = Hits(connection, """
            SELECT s.code, s.title, ts_headline('english',
                       CASE WHEN to_tsvector('english', s.code) @@ s.q THEN s.code
                            WHEN to_tsvector('english', s.title) @@ s.q THEN s.title
                            WHEN to_tsvector('english', s.descriptor) @@ s.q THEN s.descriptor
                            WHEN to_tsvector('english', s.hcpcs) @@ s.q THEN s.hcpcs
                            WHEN to_tsvector('english', s.plain) @@ s.q THEN s.plain
                            ELSE s.title END, s.q, @options)
            FROM (SELECT code, title, descriptor, hcpcs, plain, q, code = @exact AS exact,
                         ts_rank('{0.05, 0.2, 0.4, 1.0}', document, q) AS rank
                  FROM search_index, to_tsquery('english', @q) q
                  WHERE release_id = @r AND document @@ q
                  ORDER BY exact DESC, rank DESC, code
                  LIMIT @n OFFSET @o) s
            ORDER BY s.exact DESC, s.rank DESC, s.code
            """, ("r", releaseId), ("q", query), ("exact", terms.ExactCode ?? ""), ("options", HeadlineOptions), ("n", limit), ("o", offset));
        return new SearchPage(count, hits);
    }

    static List<SearchHit> Hits(NpgsqlConnection connection, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
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
