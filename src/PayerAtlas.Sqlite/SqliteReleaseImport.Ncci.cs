using PayerAtlas.Importers.Ncci;
using PayerAtlas.Store;

namespace PayerAtlas.Sqlite;

internal sealed partial class SqliteReleaseImport
{
    public long WritePtpEdits(long sourceId, NcciSetting setting, IEnumerable<PtpEdit> rows)
    {
        // The column 2 index takes its rows in random order: with SQLite's default 2 MB page cache a full CMS table
        // spills the index to disk over and over. 128 MB (allocated only as used) keeps it in memory.
        connection.Execute("PRAGMA cache_size = -131072", tx);
        using var insert = new SqliteRawInserter(connection, "ncci_ptp", "release_id", "source_id", "line", "setting",
            "column1", "column2", "prior_1996", "effective", "deletion", "modifier", "rationale");
        insert.Bind(1, releaseId).Bind(2, sourceId).Bind(4, (int)setting);
        long n = 0;
        foreach (var e in rows)
        {
            insert.Bind(3, e.Line).Bind(5, e.Column1).Bind(6, e.Column2).Bind(7, e.PriorTo1996 ? 1 : 0).Bind(8, StoreTables.Yyyymmdd(e.Effective))
                .Bind(10, (int)e.ModifierIndicator).Bind(11, e.Rationale);
            if (e.Deletion is { } d)
            {
                insert.Bind(9, StoreTables.Yyyymmdd(d));
            }
            else
            {
                insert.Bind(9, (string?)null);
            }

            insert.Insert();
            n++;
        }

        return n;
    }

    public long WriteMues(long sourceId, NcciSetting setting, IEnumerable<MueRecord> rows)
    {
        using var insert = new SqliteRawInserter(connection, "ncci_mue", "release_id", "source_id", "line", "setting",
            "code", "value", "adjudication", "adjudication_text", "rationale");
        insert.Bind(1, releaseId).Bind(2, sourceId).Bind(4, (int)setting);
        long n = 0;
        foreach (var m in rows)
        {
            insert.Bind(3, m.Line).Bind(5, m.Code).Bind(6, m.Value).Bind(7, (int)m.Adjudication).Bind(8, m.AdjudicationText).Bind(9, m.Rationale);
            insert.Insert();
            n++;
        }

        return n;
    }
}
