using Npgsql;
using NpgsqlTypes;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Store;

namespace PayerAtlas.Postgres;

internal sealed partial class PostgresReleaseReader
{
    NpgsqlCommand? ptpPairQuery;

    public IReadOnlyList<Stored<PtpEdit>> GetPtpEdits(string code, NcciSetting setting) => Query(
        $"""
        SELECT {StoredRows.PtpColumns} FROM ncci_ptp WHERE release_id = @r AND setting = @s AND column1 = @c
        UNION ALL
        SELECT {StoredRows.PtpColumns} FROM ncci_ptp WHERE release_id = @r AND setting = @s AND column2 = @c AND column1 <> @c
        ORDER BY column1, column2, effective, line
        """,
        ReadPtp, ("s", (int)setting), ("c", code));

    public IReadOnlyList<Stored<PtpEdit>> GetPtpPair(string column1, string column2, NcciSetting setting)
    {
        if (ptpPairQuery is null)
        {
            ptpPairQuery = new NpgsqlCommand(
                $"SELECT {StoredRows.PtpColumns} FROM ncci_ptp WHERE release_id = @r AND setting = @s AND column1 = @a AND column2 = @b ORDER BY effective, line",
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
        using var cmd = new NpgsqlCommand($"SELECT {StoredRows.PtpColumns} FROM ncci_ptp WHERE release_id = @r AND setting = @s", c);
        cmd.Parameters.AddWithValue("r", release.Id);
        cmd.Parameters.AddWithValue("s", (int)setting);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return ReadPtp(r);
        }
    }

    public Stored<MueRecord>? GetMue(string code, NcciSetting setting) => Query(
        $"SELECT {StoredRows.MueColumns} FROM ncci_mue WHERE release_id = @r AND setting = @s AND code = @c",
        r => new Stored<MueRecord>(StoredRows.Mue(r), Source(r.GetInt64(0), r.GetInt64(1))),
        ("s", (int)setting), ("c", code)).FirstOrDefault();

    Stored<PtpEdit> ReadPtp(NpgsqlDataReader r) => new(StoredRows.Ptp(r), Source(r.GetInt64(0), r.GetInt64(1)));
}
