using System.Globalization;
using Microsoft.Data.Sqlite;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Store;

namespace PayerAtlas.Sqlite;

internal sealed partial class SqliteReleaseReader
{
    SqliteCommand? ptpPairQuery;

    public IReadOnlyList<Stored<PtpEdit>> GetPtpEdits(string code, NcciSetting setting) => Query(
        $"""
        SELECT {StoredRows.PtpColumns} FROM ncci_ptp WHERE release_id = $r AND setting = $s AND column1 = $c
        UNION ALL
        SELECT {StoredRows.PtpColumns} FROM ncci_ptp WHERE release_id = $r AND setting = $s AND column2 = $c AND column1 <> $c
        ORDER BY column1, column2, effective, line
        """,
        ReadPtp, ("$s", (int)setting), ("$c", code));

    public IReadOnlyList<Stored<PtpEdit>> GetPtpPair(string column1, string column2, NcciSetting setting)
    {
        if (ptpPairQuery is null)
        {
            ptpPairQuery = connection.CreateCommand();
            ptpPairQuery.CommandText =
                $"SELECT {StoredRows.PtpColumns} FROM ncci_ptp WHERE release_id = $r AND setting = $s AND column1 = $a AND column2 = $b ORDER BY effective, line";
            ptpPairQuery.Parameters.AddWithValue("$r", release.Id);
            ptpPairQuery.Parameters.Add("$s", SqliteType.Integer);
            ptpPairQuery.Parameters.Add("$a", SqliteType.Text);
            ptpPairQuery.Parameters.Add("$b", SqliteType.Text);
            ptpPairQuery.Prepare();
        }

        ptpPairQuery.Parameters["$s"].Value = (int)setting;
        ptpPairQuery.Parameters["$a"].Value = column1;
        ptpPairQuery.Parameters["$b"].Value = column2;
        using var r = ptpPairQuery.ExecuteReader();
        List<Stored<PtpEdit>>? rows = null;
        while (r.Read())
        {
            (rows ??= []).Add(ReadPtp(r));
        }

        return rows ?? (IReadOnlyList<Stored<PtpEdit>>)[];
    }

    public IEnumerable<Stored<PtpEdit>> ReadPtpEdits(NcciSetting setting)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {StoredRows.PtpColumns} FROM ncci_ptp WHERE release_id = $r AND setting = $s";
        cmd.Parameters.AddWithValue("$r", release.Id);
        cmd.Parameters.AddWithValue("$s", (int)setting);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return ReadPtp(r);
        }
    }

    public Stored<MueRecord>? GetMue(string code, NcciSetting setting) => Query(
        $"SELECT {StoredRows.MueColumns} FROM ncci_mue WHERE release_id = $r AND setting = $s AND code = $c",
        r => new Stored<MueRecord>(StoredRows.Mue(r), Source(r.GetInt64(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture))),
        ("$s", (int)setting), ("$c", code)).FirstOrDefault();

    Stored<PtpEdit> ReadPtp(SqliteDataReader r) => new(StoredRows.Ptp(r), Source(r.GetInt64(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture)));
}
