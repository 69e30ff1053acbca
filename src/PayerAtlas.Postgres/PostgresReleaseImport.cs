using System.Text.Json;
using Npgsql;
using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Importing;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Postgres;

/// <summary>
/// One import transaction on its own connection: rows stream in by binary COPY, and the release row and all its rows
/// become visible together at commit. Disposing without commit rolls everything back.
/// </summary>
internal sealed partial class PostgresReleaseImport : IReleaseImport
{
    readonly NpgsqlConnection connection;
    readonly NpgsqlTransaction tx;
    readonly long releaseId;
    readonly HashSet<string> editorialCodes = new(StringComparer.Ordinal);
    bool committed;

    public PostgresReleaseImport(NpgsqlConnection connection, string label)
    {
        this.connection = connection;
        Label = label;
        tx = connection.BeginTransaction();
        // Microseconds: what timestamptz keeps, so the release reads back exactly as committed.
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % 10));
        releaseId = (long)connection.Scalar("INSERT INTO releases (label, imported_at, is_current) VALUES (@l, @t, false) RETURNING id", tx,
            ("l", label), ("t", now))!;
    }

    public string Label { get; }

    public long AddSource(string file, SourceKind kind, string sha256) => InsertSource(file, kind, sha256, 0, null);

    long InsertSource(string file, SourceKind kind, string sha256, long rows, string? carriedFrom) => (long)connection.Scalar(
        """
        INSERT INTO release_sources (release_id, file, kind, publisher, sha256, row_count, carried_from)
        VALUES (@r, @f, @k, @p, @s, @n, @c) RETURNING id
        """, tx,
        ("r", releaseId), ("f", file), ("k", kind.ToString()), ("p", kind.Publisher()), ("s", sha256), ("n", rows), ("c", carriedFrom))!;

    public void SetSourceRows(long sourceId, long rows) =>
        connection.Execute("UPDATE release_sources SET row_count = @n WHERE id = @id", tx, ("n", rows), ("id", sourceId));

    PostgresCopy Copy(string table) => new(connection, table);

    public long WriteFeeSchedule(long sourceId, IEnumerable<RvuRecord> rows)
    {
        using var copy = Copy("fee_schedule");
        foreach (var r in rows)
        {
            copy.Row().Long(releaseId).Long(sourceId).Long(r.Line).Text(r.Hcpcs).Text(r.Modifier).Text(r.Description).Text(r.StatusCode)
                .Text(r.NotUsedForMedicarePayment).Text(r.WorkRvu).Text(r.NonFacilityPeRvu).Text(r.NonFacilityNaIndicator).Text(r.FacilityPeRvu)
                .Text(r.FacilityNaIndicator).Text(r.MpRvu).Text(r.NonFacilityTotal).Text(r.FacilityTotal).Text(r.PcTcIndicator).Text(r.GlobalDays)
                .Text(r.PreOp).Text(r.IntraOp).Text(r.PostOp).Text(r.MultipleProcedure).Text(r.BilateralSurgery).Text(r.AssistantSurgery)
                .Text(r.CoSurgeons).Text(r.TeamSurgery).Text(r.EndoscopicBase).Text(r.ConversionFactor).Text(r.PhysicianSupervision)
                .Text(r.CalculationFlag).Text(r.DiagnosticImagingFamily).Text(r.OppsNonFacilityPe).Text(r.OppsFacilityPe).Text(r.OppsMp);
        }

        return copy.Complete();
    }

    public long WriteGpci(long sourceId, IEnumerable<GpciRecord> rows)
    {
        using var copy = Copy("gpci");
        foreach (var r in rows)
        {
            copy.Row().Long(releaseId).Long(sourceId).Long(r.Line).Text(r.Mac).Text(r.State).Text(r.LocalityNumber).Text(r.LocalityName)
                .Text(r.Footnote).Text(r.WorkGpci).Text(r.PeGpci).Text(r.MpGpci);
        }

        return copy.Complete();
    }

    public long WriteLocalityCounties(long sourceId, IEnumerable<LocalityCountyRecord> rows)
    {
        using var copy = Copy("locality_counties");
        foreach (var r in rows)
        {
            copy.Row().Long(releaseId).Long(sourceId).Long(r.Line).Text(r.Mac).Text(r.LocalityNumber).Text(r.State).Text(r.FeeScheduleArea).Text(r.Counties);
        }

        return copy.Complete();
    }

    public long WriteOppsCaps(long sourceId, IEnumerable<OppsCapRecord> rows)
    {
        using var copy = Copy("opps_cap");
        foreach (var r in rows)
        {
            copy.Row().Long(releaseId).Long(sourceId).Long(r.Line).Text(r.Hcpcs).Text(r.Modifier).Text(r.ProcStatus).Text(r.Mac)
                .Text(r.LocalityNumber).Text(r.FacilityPrice).Text(r.NonFacilityPrice);
        }

        return copy.Complete();
    }

    public long WriteHcpcs(long sourceId, IEnumerable<HcpcsRecord> rows)
    {
        using var copy = Copy("hcpcs");
        foreach (var r in rows)
        {
            copy.Row().Long(releaseId).Long(sourceId).Long(r.Line).Text(r.Code).Text(r.Kind.ToString()).Text(JsonSerializer.Serialize(r, StoredJson.Records));
        }

        return copy.Complete();
    }

    public long WritePlacesOfService(long sourceId, IEnumerable<PlaceOfServiceRecord> rows)
    {
        using var copy = Copy("places_of_service");
        foreach (var r in rows)
        {
            copy.Row().Long(releaseId).Long(sourceId).Text(r.Row).Text(r.Code).Text(r.Name).Text(r.Description);
        }

        return copy.Complete();
    }

    public long WriteEditorial(long sourceId, IEnumerable<EditorialEntry> entries)
    {
        // Checked here, not by the unique index: a COPY reports a violation only at its end, without the row.
        var list = entries.ToList();
        foreach (var e in list)
        {
            if (!editorialCodes.Add(e.Code))
            {
                throw new ImportException(e.File, 1, 1, $"a second content file for code {e.Code} in one import");
            }
        }

        using var copy = Copy("editorial");
        foreach (var e in list)
        {
            copy.Row().Long(releaseId).Long(sourceId).Long(1).Text(e.Code).Text(JsonSerializer.Serialize(e, StoredJson.Records));
        }

        return copy.Complete();
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
                var list = string.Join(", ", PostgresSchema.Columns[table].Where(c => c is not ("release_id" or "source_id")));
                var copied = connection.Execute(
                    $"INSERT INTO {table} (release_id, source_id, {list}) SELECT @r, @ns, {list} FROM {table} WHERE source_id = @os", tx,
                    ("r", releaseId), ("ns", newSource), ("os", source.Id));
                total += i == 0 ? copied : 0; // rows of the dataset's first table: what the report counts
            }
        }

        return total;
    }

    public ReleaseInfo Commit()
    {
        PostgresSearchIndex.Build(connection, tx, releaseId);
        // One import at a time switches the current release; each statement after the lock sees the other's commit.
        connection.Execute($"SELECT pg_advisory_xact_lock({PostgresStore.CommitLock})", tx);
        connection.Execute("UPDATE releases SET is_current = false WHERE is_current", tx);
        connection.Execute("UPDATE releases SET is_current = true WHERE id = @r", tx, ("r", releaseId));
        tx.Commit();
        committed = true;
        return PostgresStore.ReadReleases(connection, Label).Single();
    }

    public void Dispose()
    {
        try
        {
            if (!committed)
            {
                tx.Rollback();
            }
        }
        catch (NpgsqlException)
        {
            // A broken connection has already lost the transaction: the server rolls it back.
        }
        finally
        {
            tx.Dispose();
            connection.Dispose();
        }
    }
}
