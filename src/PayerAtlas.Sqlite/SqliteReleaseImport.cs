using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Sqlite;

/// <summary>One import transaction on its own connection: the release row and all its rows become visible together at commit.</summary>
internal sealed partial class SqliteReleaseImport : IReleaseImport
{
    internal static readonly JsonSerializerOptions Json = StoredJson.Records;

    readonly SqliteConnection connection;
    readonly SqliteTransaction tx;
    readonly long releaseId;
    bool committed;

    public SqliteReleaseImport(SqliteConnection connection, string label)
    {
        this.connection = connection;
        Label = label;
        tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO releases (label, imported_at, is_current) VALUES ($l, $t, 0) RETURNING id";
        cmd.Parameters.AddWithValue("$l", label);
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        releaseId = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public string Label { get; }

    public long AddSource(string file, SourceKind kind, string sha256) => InsertSource(file, kind, sha256, 0, null);

    long InsertSource(string file, SourceKind kind, string sha256, long rows, string? carriedFrom)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO release_sources (release_id, file, kind, publisher, sha256, row_count, carried_from)
            VALUES ($r, $f, $k, $p, $s, $n, $c) RETURNING id
            """;
        cmd.Parameters.AddWithValue("$r", releaseId);
        cmd.Parameters.AddWithValue("$f", file);
        cmd.Parameters.AddWithValue("$k", kind.ToString());
        cmd.Parameters.AddWithValue("$p", kind.Publisher());
        cmd.Parameters.AddWithValue("$s", sha256);
        cmd.Parameters.AddWithValue("$n", rows);
        cmd.Parameters.AddWithValue("$c", (object?)carriedFrom ?? DBNull.Value);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void SetSourceRows(long sourceId, long rows)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE release_sources SET row_count = $n WHERE id = $id";
        cmd.Parameters.AddWithValue("$n", rows);
        cmd.Parameters.AddWithValue("$id", sourceId);
        cmd.ExecuteNonQuery();
    }

    public long WriteFeeSchedule(long sourceId, IEnumerable<RvuRecord> rows)
    {
        using var insert = new SqliteInserter(connection, tx, "fee_schedule", FeeScheduleColumns);
        long n = 0;
        foreach (var r in rows)
        {
            insert.Insert(releaseId, sourceId, r.Line, r.Hcpcs, r.Modifier, r.Description, r.StatusCode, r.NotUsedForMedicarePayment,
                r.WorkRvu, r.NonFacilityPeRvu, r.NonFacilityNaIndicator, r.FacilityPeRvu, r.FacilityNaIndicator, r.MpRvu,
                r.NonFacilityTotal, r.FacilityTotal, r.PcTcIndicator, r.GlobalDays, r.PreOp, r.IntraOp, r.PostOp,
                r.MultipleProcedure, r.BilateralSurgery, r.AssistantSurgery, r.CoSurgeons, r.TeamSurgery, r.EndoscopicBase,
                r.ConversionFactor, r.PhysicianSupervision, r.CalculationFlag, r.DiagnosticImagingFamily,
                r.OppsNonFacilityPe, r.OppsFacilityPe, r.OppsMp);
            n++;
        }

        return n;
    }

    internal static readonly string[] FeeScheduleColumns =
    [
        "release_id", "source_id", "line", "hcpcs", "modifier", "description", "status_code", "not_used", "work_rvu",
        "nf_pe_rvu", "nf_na", "f_pe_rvu", "f_na", "mp_rvu", "nf_total", "f_total", "pctc", "global_days", "pre_op",
        "intra_op", "post_op", "mult_proc", "bilat_surg", "asst_surg", "co_surg", "team_surg", "endo_base",
        "conv_factor", "supervision", "calc_flag", "imaging_family", "opps_nf_pe", "opps_f_pe", "opps_mp",
    ];

    public long WriteGpci(long sourceId, IEnumerable<GpciRecord> rows)
    {
        using var insert = new SqliteInserter(connection, tx, "gpci",
            "release_id", "source_id", "line", "mac", "state", "locality", "name", "footnote", "work", "pe", "mp");
        long n = 0;
        foreach (var r in rows)
        {
            insert.Insert(releaseId, sourceId, r.Line, r.Mac, r.State, r.LocalityNumber, r.LocalityName, r.Footnote, r.WorkGpci, r.PeGpci, r.MpGpci);
            n++;
        }

        return n;
    }

    public long WriteLocalityCounties(long sourceId, IEnumerable<LocalityCountyRecord> rows)
    {
        using var insert = new SqliteInserter(connection, tx, "locality_counties",
            "release_id", "source_id", "line", "mac", "locality", "state", "area", "counties");
        long n = 0;
        foreach (var r in rows)
        {
            insert.Insert(releaseId, sourceId, r.Line, r.Mac, r.LocalityNumber, r.State, r.FeeScheduleArea, r.Counties);
            n++;
        }

        return n;
    }

    public long WriteOppsCaps(long sourceId, IEnumerable<OppsCapRecord> rows)
    {
        using var insert = new SqliteInserter(connection, tx, "opps_cap",
            "release_id", "source_id", "line", "hcpcs", "modifier", "proc_status", "mac", "locality", "facility_price", "nonfacility_price");
        long n = 0;
        foreach (var r in rows)
        {
            insert.Insert(releaseId, sourceId, r.Line, r.Hcpcs, r.Modifier, r.ProcStatus, r.Mac, r.LocalityNumber, r.FacilityPrice, r.NonFacilityPrice);
            n++;
        }

        return n;
    }

    public long WriteHcpcs(long sourceId, IEnumerable<HcpcsRecord> rows)
    {
        using var insert = new SqliteInserter(connection, tx, "hcpcs", "release_id", "source_id", "line", "code", "kind", "record");
        long n = 0;
        foreach (var r in rows)
        {
            insert.Insert(releaseId, sourceId, r.Line, r.Code, r.Kind.ToString(), JsonSerializer.Serialize(r, Json));
            n++;
        }

        return n;
    }

    public long WritePlacesOfService(long sourceId, IEnumerable<PlaceOfServiceRecord> rows)
    {
        using var insert = new SqliteInserter(connection, tx, "places_of_service", "release_id", "source_id", "row_ref", "code", "name", "description");
        long n = 0;
        foreach (var r in rows)
        {
            insert.Insert(releaseId, sourceId, r.Row, r.Code, r.Name, r.Description);
            n++;
        }

        return n;
    }

    public long WriteEditorial(long sourceId, IEnumerable<EditorialEntry> entries)
    {
        using var insert = new SqliteInserter(connection, tx, "editorial", "release_id", "source_id", "line", "code", "entry");
        long n = 0;
        foreach (var e in entries)
        {
            try
            {
                insert.Insert(releaseId, sourceId, 1, e.Code, JsonSerializer.Serialize(e, Json));
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 2067)
            {
                throw new Importing.ImportException(e.File, 1, 1, $"a second content file for code {e.Code} in one import");
            }

            n++;
        }

        return n;
    }

    public long CarryForward(Dataset dataset, ReleaseInfo from)
    {
        string[] tables = dataset switch
        {
            Dataset.FeeSchedule => ["fee_schedule"],
            Dataset.Gpci => ["gpci"],
            Dataset.LocalityCounties => ["locality_counties"],
            Dataset.OppsCap => ["opps_cap"],
            Dataset.HcpcsLevel2 => ["hcpcs"],
            Dataset.PlacesOfService => ["places_of_service"],
            Dataset.Editorial => ["editorial"],
            Dataset.Policies => ["policy_versions", "policy_mentions"],
            _ => [NcciTable(dataset)],
        };
        long total = 0;
        foreach (var source in from.Sources.Where(s => s.Dataset == dataset))
        {
            var newSource = InsertSource(source.File, source.Kind, source.Sha256, source.Rows, source.CarriedFrom ?? from.Label);
            foreach (var (table, i) in tables.Select((t, i) => (t, i)))
            {
                var columns = TableColumns(table).Where(c => c is not ("release_id" or "source_id")).ToList();
                var list = string.Join(", ", columns);
                using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"INSERT INTO {table} (release_id, source_id, {list}) SELECT $r, $ns, {list} FROM {table} WHERE source_id = $os";
                cmd.Parameters.AddWithValue("$r", releaseId);
                cmd.Parameters.AddWithValue("$ns", newSource);
                cmd.Parameters.AddWithValue("$os", source.Id);
                var copied = cmd.ExecuteNonQuery();
                total += i == 0 ? copied : 0; // rows of the dataset's first table: what the report counts
            }
        }

        return total;
    }

    List<string> TableColumns(string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    public ReleaseInfo Commit()
    {
        connection.Execute("UPDATE releases SET is_current = 0 WHERE is_current = 1", tx);
        connection.Execute($"UPDATE releases SET is_current = 1 WHERE id = {releaseId}", tx);
        SqliteSearchIndex.Build(connection, tx, releaseId);
        tx.Commit();
        committed = true;
        return SqliteStore.ReadReleases(connection, Label).Single();
    }

    public void Dispose()
    {
        if (!committed)
        {
            tx.Rollback();
        }

        tx.Dispose();
        connection.Dispose();
    }
}
