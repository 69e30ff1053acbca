using PayerAtlas.Importers.Ncci;
using PayerAtlas.Sources;

namespace PayerAtlas.Postgres;

internal sealed partial class PostgresReleaseImport
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
        using var copy = Copy("ncci_ptp");
        foreach (var e in rows)
        {
            copy.Row().Long(releaseId).Long(sourceId).Long(e.Line).Int((int)setting).Text(e.Column1).Text(e.Column2).Int(e.PriorTo1996 ? 1 : 0)
                .Int(Yyyymmdd(e.Effective)).Int(e.Deletion is { } d ? Yyyymmdd(d) : null).Int((int)e.ModifierIndicator).Text(e.Rationale);
        }

        return copy.Complete();
    }

    public long WriteMues(long sourceId, NcciSetting setting, IEnumerable<MueRecord> rows)
    {
        using var copy = Copy("ncci_mue");
        foreach (var m in rows)
        {
            copy.Row().Long(releaseId).Long(sourceId).Long(m.Line).Int((int)setting).Text(m.Code).Int(m.Value).Int((int)m.Adjudication)
                .Text(m.AdjudicationText).Text(m.Rationale);
        }

        return copy.Complete();
    }
}
