using Npgsql;
using NpgsqlTypes;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Postgres;

internal sealed partial class PostgresReleaseReader
{
    const string PtpColumns = "source_id, line, column1, column2, prior_1996, effective, deletion, modifier, rationale";
    NpgsqlCommand? ptpPairQuery;

    public IReadOnlyList<Stored<PtpEdit>> GetPtpEdits(string code, NcciSetting setting) => Query(
        $"""
        SELECT {PtpColumns} FROM ncci_ptp WHERE release_id = @r AND setting = @s AND column1 = @c
        UNION ALL
        SELECT {PtpColumns} FROM ncci_ptp WHERE release_id = @r AND setting = @s AND column2 = @c AND column1 <> @c
        ORDER BY column1, column2, effective, line
        """,
        ReadPtp, ("s", (int)setting), ("c", code));

    public IReadOnlyList<Stored<PtpEdit>> GetPtpPair(string column1, string column2, NcciSetting setting)
    {
        if (ptpPairQuery is null)
        {
            ptpPairQuery = new NpgsqlCommand(
                $"SELECT {PtpColumns} FROM ncci_ptp WHERE release_id = @r AND setting = @s AND column1 = @a AND column2 = @b ORDER BY effective, line",
                Connection);
            ptpPairQuery.Parameters.AddWithValue("r", release.Id);
            ptpPairQuery.Parameters.Add("s", NpgsqlDbType.Integer);
            ptpPairQuery.Parameters.Add("a", NpgsqlDbType.Text);
            ptpPairQuery.Parameters.Add("b", NpgsqlDbType.Text);
            ptpPairQuery.Prepare();
        }

        ptpPairQuery.Parameters["s"].Value = (int)setting;
        ptpPairQuery.Parameters["a"].Value = column1;
        ptpPairQuery.Parameters["b"].Value = column2;
        using var r = ptpPairQuery.ExecuteReader();
        List<Stored<PtpEdit>>? rows = null;
        while (r.Read())
        {
            (rows ??= []).Add(ReadPtp(r));
        }

        return rows ?? (IReadOnlyList<Stored<PtpEdit>>)[];
    }

    /// <summary>Streams over a connection of its own, so the caller may use this reader while it enumerates.</summary>
    public IEnumerable<Stored<PtpEdit>> ReadPtpEdits(NcciSetting setting)
    {
        using var c = dataSource.OpenConnection();
        using var cmd = new NpgsqlCommand($"SELECT {PtpColumns} FROM ncci_ptp WHERE release_id = @r AND setting = @s", c);
        cmd.Parameters.AddWithValue("r", release.Id);
        cmd.Parameters.AddWithValue("s", (int)setting);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return ReadPtp(r);
        }
    }

    public Stored<MueRecord>? GetMue(string code, NcciSetting setting) => Query(
        "SELECT source_id, line, code, value, adjudication, adjudication_text, rationale FROM ncci_mue WHERE release_id = @r AND setting = @s AND code = @c",
        r => new Stored<MueRecord>(
            new MueRecord
            {
                Line = r.GetInt64(1),
                Code = r.GetString(2),
                Value = r.GetInt32(3),
                Adjudication = (MueAdjudication)r.GetInt32(4),
                AdjudicationText = r.GetString(5),
                Rationale = r.GetString(6),
            },
            Source(r.GetInt64(0), r.GetInt64(1))),
        ("s", (int)setting), ("c", code)).FirstOrDefault();

    Stored<PtpEdit> ReadPtp(NpgsqlDataReader r)
    {
        var line = r.GetInt64(1);
        var edit = new PtpEdit
        {
            Line = line,
            Column1 = r.GetString(2),
            Column2 = r.GetString(3),
            PriorTo1996 = r.GetInt32(4) == 1,
            Effective = Date(r.GetInt32(5)),
            Deletion = r.IsDBNull(6) ? null : Date(r.GetInt32(6)),
            ModifierIndicator = (PtpModifierIndicator)r.GetInt32(7),
            Rationale = r.GetString(8),
        };
        return new Stored<PtpEdit>(edit, Source(r.GetInt64(0), line));
    }

    static DateOnly Date(int yyyymmdd) => new(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);

    long CountNcci(Dataset dataset)
    {
        var setting = dataset switch
        {
            Dataset.NcciPtpPractitioner or Dataset.NcciMuePractitioner => NcciSetting.Practitioner,
            Dataset.NcciPtpHospital or Dataset.NcciMueOutpatientHospital => NcciSetting.OutpatientHospital,
            Dataset.NcciMueDme => NcciSetting.Dme,
            _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
        };
        return Query($"SELECT COUNT(*) FROM {PostgresReleaseImport.NcciTable(dataset)} WHERE release_id = @r AND setting = @s",
            r => r.GetInt64(0), ("s", (int)setting))[0];
    }
}
