using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Search;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Sqlite;

/// <summary>Reads one release over its own connection, so publications can be built while an import runs.</summary>
internal sealed partial class SqliteReleaseReader(SqliteConnection connection, ReleaseInfo release) : IReleaseReader
{
    readonly Dictionary<long, string> files = release.Sources.ToDictionary(s => s.Id, s => s.File);
    IReadOnlyList<Stored<GpciRecord>>? gpcis;
    IReadOnlyList<Stored<LocalityCountyRecord>>? counties;
    IReadOnlyList<Stored<PlaceOfServiceRecord>>? places;
    IReadOnlyList<Stored<HcpcsRecord>>? modifiers;
    SqliteCommand? feeScheduleQuery;

    public ReleaseInfo Release => release;

    SourceRef Source(long sourceId, string row) => new(files.GetValueOrDefault(sourceId, "?"), release.Label, row);

    public IReadOnlyList<string> ListCodes() => Query(
        """
        SELECT hcpcs FROM fee_schedule WHERE release_id = $r
        UNION SELECT code FROM hcpcs WHERE release_id = $r AND kind = 'Procedure'
        UNION SELECT code FROM editorial WHERE release_id = $r
        ORDER BY 1
        """,
        r => r.GetString(0));

    public IReadOnlyList<Stored<RvuRecord>> GetFeeSchedule(string code)
    {
        if (feeScheduleQuery is null)
        {
            feeScheduleQuery = connection.CreateCommand();
            feeScheduleQuery.CommandText =
                $"SELECT source_id, {string.Join(", ", SqliteReleaseImport.FeeScheduleColumns.Skip(2))} FROM fee_schedule WHERE release_id = $r AND hcpcs = $c ORDER BY line";
            feeScheduleQuery.Parameters.AddWithValue("$r", release.Id);
            feeScheduleQuery.Parameters.Add("$c", SqliteType.Text);
            feeScheduleQuery.Prepare();
        }

        feeScheduleQuery.Parameters["$c"].Value = code;
        using var r = feeScheduleQuery.ExecuteReader();
        var rows = new List<Stored<RvuRecord>>();
        while (r.Read())
        {
            var line = r.GetInt64(1);
            rows.Add(new Stored<RvuRecord>(StoredRows.Rvu(r, 2, line), Source(r.GetInt64(0), line.ToString(CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public IReadOnlyList<Stored<GpciRecord>> GetGpcis() => gpcis ??= Query(
        "SELECT source_id, line, mac, state, locality, name, footnote, work, pe, mp FROM gpci WHERE release_id = $r ORDER BY state, name",
        r => new Stored<GpciRecord>(
            new GpciRecord(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                StoredRows.Decimal(r, 7), StoredRows.Decimal(r, 8), StoredRows.Decimal(r, 9), r.GetInt64(1)),
            Source(r.GetInt64(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture))));

    public IReadOnlyList<Stored<LocalityCountyRecord>> GetLocalityCounties() => counties ??= Query(
        "SELECT source_id, line, mac, locality, state, area, counties FROM locality_counties WHERE release_id = $r ORDER BY line",
        r => new Stored<LocalityCountyRecord>(
            new LocalityCountyRecord(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt64(1)),
            Source(r.GetInt64(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture))));

    public IReadOnlyList<Stored<OppsCapRecord>> GetOppsCaps(string code) => Query(
        "SELECT source_id, line, hcpcs, modifier, proc_status, mac, locality, facility_price, nonfacility_price FROM opps_cap WHERE release_id = $r AND hcpcs = $c ORDER BY line",
        r => new Stored<OppsCapRecord>(
            new OppsCapRecord(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), StoredRows.Decimal(r, 7), StoredRows.Decimal(r, 8), r.GetInt64(1)),
            Source(r.GetInt64(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture))),
        ("$c", code));

    public Stored<HcpcsRecord>? GetHcpcs(string code) => Query(
        "SELECT source_id, line, record FROM hcpcs WHERE release_id = $r AND code = $c AND kind = 'Procedure'",
        r => new Stored<HcpcsRecord>(Deserialize<HcpcsRecord>(r.GetString(2)), Source(r.GetInt64(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture))),
        ("$c", code)).FirstOrDefault();

    public IReadOnlyList<Stored<HcpcsRecord>> GetHcpcsModifiers() => modifiers ??= Query(
        "SELECT source_id, line, record FROM hcpcs WHERE release_id = $r AND kind = 'Modifier' ORDER BY code",
        r => new Stored<HcpcsRecord>(Deserialize<HcpcsRecord>(r.GetString(2)), Source(r.GetInt64(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture))));

    public IReadOnlyList<Stored<PlaceOfServiceRecord>> GetPlacesOfService() => places ??= Query(
        "SELECT source_id, row_ref, code, name, description FROM places_of_service WHERE release_id = $r ORDER BY code",
        r => new Stored<PlaceOfServiceRecord>(new PlaceOfServiceRecord(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(1)),
            Source(r.GetInt64(0), r.GetString(1))));

    public Stored<EditorialEntry>? GetEditorial(string code) => Query(
        "SELECT source_id, line, entry FROM editorial WHERE release_id = $r AND code = $c",
        r => new Stored<EditorialEntry>(Deserialize<EditorialEntry>(r.GetString(2)), Source(r.GetInt64(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture))),
        ("$c", code)).FirstOrDefault();

    public long Count(Dataset dataset)
    {
        if (StoreTables.NcciSettingOf(dataset) is { } setting)
        {
            return Query($"SELECT COUNT(*) FROM {StoreTables.Of(dataset)[0]} WHERE release_id = $r AND setting = $s", r => r.GetInt64(0), ("$s", (int)setting))[0];
        }

        return Query($"SELECT COUNT(*) FROM {StoreTables.Of(dataset)[0]} WHERE release_id = $r", r => r.GetInt64(0))[0];
    }

    public SearchPage Search(SearchTerms? terms, int offset, int limit) =>
        SqliteSearchIndex.Search(connection, release.Id, terms, offset, limit);

    static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, SqliteReleaseImport.Json) ?? throw new InvalidDataException($"stored {typeof(T).Name} is empty");

    List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] args)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$r", release.Id);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(map(r));
        }

        return list;
    }

    public void Dispose()
    {
        feeScheduleQuery?.Dispose();
        ptpPairQuery?.Dispose();
        connection.Dispose();
    }
}
