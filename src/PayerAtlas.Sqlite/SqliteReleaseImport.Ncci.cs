using PayerAtlas.Importers.Ncci;
using PayerAtlas.Sources;

namespace PayerAtlas.Sqlite;

internal sealed partial class SqliteReleaseImport
{
    internal static string NcciTable(Dataset dataset) => dataset switch
    {
        Dataset.NcciPtpPractitioner or Dataset.NcciPtpHospital => "ncci_ptp",
        Dataset.NcciMuePractitioner or Dataset.NcciMueOutpatientHospital or Dataset.NcciMueDme => "ncci_mue",
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    internal static int Yyyymmdd(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public long WritePtpEdits(long sourceId, NcciSetting setting, IEnumerable<PtpEdit> rows)
    {
        using var insert = new SqliteBatchInserter(connection, tx, "ncci_ptp", "release_id", "source_id", "line", "setting",
            "column1", "column2", "prior_1996", "effective", "deletion", "modifier", "rationale");
        long n = 0;
        foreach (var e in rows)
        {
            insert.Insert(releaseId, sourceId, e.Line, (int)setting, e.Column1, e.Column2, e.PriorTo1996 ? 1 : 0, Yyyymmdd(e.Effective),
                e.Deletion is { } d ? Yyyymmdd(d) : null, (int)e.ModifierIndicator, e.Rationale);
            n++;
        }

        insert.Flush();
        return n;
    }

    public long WriteMues(long sourceId, NcciSetting setting, IEnumerable<MueRecord> rows)
    {
        using var insert = new SqliteBatchInserter(connection, tx, "ncci_mue", "release_id", "source_id", "line", "setting",
            "code", "value", "adjudication", "adjudication_text", "rationale");
        long n = 0;
        foreach (var m in rows)
        {
            insert.Insert(releaseId, sourceId, m.Line, (int)setting, m.Code, m.Value, (int)m.Adjudication, m.AdjudicationText, m.Rationale);
            n++;
        }

        insert.Flush();
        return n;
    }
}
