using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Search;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Postgres;

/// <summary>Reads one release over its own pooled connection (opened on first use), so reads never wait for an import.</summary>
internal sealed partial class PostgresReleaseReader(NpgsqlDataSource dataSource, ReleaseInfo release) : IReleaseReader
{
    readonly Dictionary<long, string> files = release.Sources.ToDictionary(s => s.Id, s => s.File);
    NpgsqlConnection? connection;
    IReadOnlyList<Stored<GpciRecord>>? gpcis;
    IReadOnlyList<Stored<LocalityCountyRecord>>? counties;
    IReadOnlyList<Stored<PlaceOfServiceRecord>>? places;
    IReadOnlyList<Stored<HcpcsRecord>>? modifiers;
    NpgsqlCommand? feeScheduleQuery;

    public ReleaseInfo Release => release;

    NpgsqlConnection Connection => connection ??= dataSource.OpenConnection();

    SourceRef Source(long sourceId, string row) => new(files.GetValueOrDefault(sourceId, "?"), release.Label, row);

    SourceRef Source(long sourceId, long line) => Source(sourceId, line.ToString(CultureInfo.InvariantCulture));

    public IReadOnlyList<string> ListCodes() => Query(
        """
        SELECT hcpcs FROM fee_schedule WHERE release_id = @r
        UNION SELECT code FROM hcpcs WHERE release_id = @r AND kind = 'Procedure'
        UNION SELECT code FROM editorial WHERE release_id = @r
        ORDER BY 1
        """,
        r => r.GetString(0));

    public IReadOnlyList<Stored<RvuRecord>> GetFeeSchedule(string code)
    {
        if (feeScheduleQuery is null)
        {
            feeScheduleQuery = new NpgsqlCommand(
                $"SELECT source_id, {string.Join(", ", PostgresSchema.FeeScheduleColumns.Skip(2))} FROM fee_schedule WHERE release_id = @r AND hcpcs = @c ORDER BY line",
                Connection);
            feeScheduleQuery.Parameters.AddWithValue("r", release.Id);
            feeScheduleQuery.Parameters.Add("c", NpgsqlDbType.Text);
            feeScheduleQuery.Prepare();
        }

        feeScheduleQuery.Parameters["c"].Value = code;
        using var r = feeScheduleQuery.ExecuteReader();
        var rows = new List<Stored<RvuRecord>>();
        while (r.Read())
        {
            var line = r.GetInt64(1);
            rows.Add(new Stored<RvuRecord>(ReadRvu(r, line), Source(r.GetInt64(0), line)));
        }

        return rows;
    }

    static RvuRecord ReadRvu(NpgsqlDataReader r, long line)
    {
        var i = 2;
        string S() => r.GetString(i++);
        decimal D() => decimal.Parse(r.GetString(i++), CultureInfo.InvariantCulture);
        return new RvuRecord
        {
            Line = line,
            Hcpcs = S(), Modifier = S(), Description = S(), StatusCode = S(), NotUsedForMedicarePayment = S(),
            WorkRvu = D(), NonFacilityPeRvu = D(), NonFacilityNaIndicator = S(), FacilityPeRvu = D(), FacilityNaIndicator = S(),
            MpRvu = D(), NonFacilityTotal = D(), FacilityTotal = D(), PcTcIndicator = S(), GlobalDays = S(),
            PreOp = D(), IntraOp = D(), PostOp = D(), MultipleProcedure = S(), BilateralSurgery = S(), AssistantSurgery = S(),
            CoSurgeons = S(), TeamSurgery = S(), EndoscopicBase = S(), ConversionFactor = D(), PhysicianSupervision = S(),
            CalculationFlag = S(), DiagnosticImagingFamily = S(), OppsNonFacilityPe = D(), OppsFacilityPe = D(), OppsMp = D(),
        };
    }

    public IReadOnlyList<Stored<GpciRecord>> GetGpcis() => gpcis ??= Query(
        "SELECT source_id, line, mac, state, locality, name, footnote, work, pe, mp FROM gpci WHERE release_id = @r ORDER BY state, name",
        r => new Stored<GpciRecord>(
            new GpciRecord(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), Dec(r, 7), Dec(r, 8), Dec(r, 9), r.GetInt64(1)),
            Source(r.GetInt64(0), r.GetInt64(1))));

    public IReadOnlyList<Stored<LocalityCountyRecord>> GetLocalityCounties() => counties ??= Query(
        "SELECT source_id, line, mac, locality, state, area, counties FROM locality_counties WHERE release_id = @r ORDER BY line",
        r => new Stored<LocalityCountyRecord>(
            new LocalityCountyRecord(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt64(1)),
            Source(r.GetInt64(0), r.GetInt64(1))));

    public IReadOnlyList<Stored<OppsCapRecord>> GetOppsCaps(string code) => Query(
        "SELECT source_id, line, hcpcs, modifier, proc_status, mac, locality, facility_price, nonfacility_price FROM opps_cap WHERE release_id = @r AND hcpcs = @c ORDER BY line",
        r => new Stored<OppsCapRecord>(
            new OppsCapRecord(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), Dec(r, 7), Dec(r, 8), r.GetInt64(1)),
            Source(r.GetInt64(0), r.GetInt64(1))),
        ("c", code));

    public Stored<HcpcsRecord>? GetHcpcs(string code) => Query(
        "SELECT source_id, line, record FROM hcpcs WHERE release_id = @r AND code = @c AND kind = 'Procedure'",
        r => new Stored<HcpcsRecord>(StoredJson.Read<HcpcsRecord>(r.GetString(2), StoredJson.Records), Source(r.GetInt64(0), r.GetInt64(1))),
        ("c", code)).FirstOrDefault();

    public IReadOnlyList<Stored<HcpcsRecord>> GetHcpcsModifiers() => modifiers ??= Query(
        "SELECT source_id, line, record FROM hcpcs WHERE release_id = @r AND kind = 'Modifier' ORDER BY code",
        r => new Stored<HcpcsRecord>(StoredJson.Read<HcpcsRecord>(r.GetString(2), StoredJson.Records), Source(r.GetInt64(0), r.GetInt64(1))));

    public IReadOnlyList<Stored<PlaceOfServiceRecord>> GetPlacesOfService() => places ??= Query(
        "SELECT source_id, row_ref, code, name, description FROM places_of_service WHERE release_id = @r ORDER BY code",
        r => new Stored<PlaceOfServiceRecord>(new PlaceOfServiceRecord(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(1)),
            Source(r.GetInt64(0), r.GetString(1))));

    public Stored<EditorialEntry>? GetEditorial(string code) => Query(
        "SELECT source_id, line, entry FROM editorial WHERE release_id = @r AND code = @c",
        r => new Stored<EditorialEntry>(StoredJson.Read<EditorialEntry>(r.GetString(2), StoredJson.Records), Source(r.GetInt64(0), r.GetInt64(1))),
        ("c", code)).FirstOrDefault();

    public long Count(Dataset dataset)
    {
        var table = dataset switch
        {
            Dataset.FeeSchedule => "fee_schedule",
            Dataset.Gpci => "gpci",
            Dataset.LocalityCounties => "locality_counties",
            Dataset.OppsCap => "opps_cap",
            Dataset.HcpcsLevel2 => "hcpcs",
            Dataset.PlacesOfService => "places_of_service",
            Dataset.Editorial => "editorial",
            Dataset.Policies => "policy_versions",
            _ => null,
        };
        return table is null ? CountNcci(dataset) : Query($"SELECT COUNT(*) FROM {table} WHERE release_id = @r", r => r.GetInt64(0))[0];
    }

    public SearchPage Search(SearchTerms? terms, int offset, int limit) => PostgresSearchIndex.Search(Connection, release.Id, terms, offset, limit);

    static decimal Dec(NpgsqlDataReader r, int i) => decimal.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> map, params (string Name, object Value)[] args)
    {
        using var cmd = new NpgsqlCommand(sql, Connection);
        cmd.Parameters.AddWithValue("r", release.Id);
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
        connection?.Dispose();
    }
}
