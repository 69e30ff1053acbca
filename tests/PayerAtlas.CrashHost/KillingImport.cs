using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Policies;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.CrashHost;

/// <summary>Passes every call to the real import; counts rows as the store pulls them and dies at the kill point.</summary>
sealed class KillingImport(IReleaseImport inner, KillPoint point) : IReleaseImport
{
    long rows;
    int carries;

    public string Label => inner.Label;

    public long AddSource(string file, SourceKind kind, string sha256) => inner.AddSource(file, kind, sha256);

    public void SetSourceRows(long sourceId, long rows) => inner.SetSourceRows(sourceId, rows);

    public long WriteFeeSchedule(long sourceId, IEnumerable<RvuRecord> rows) => inner.WriteFeeSchedule(sourceId, Count(rows));

    public long WriteGpci(long sourceId, IEnumerable<GpciRecord> rows) => inner.WriteGpci(sourceId, Count(rows));

    public long WriteLocalityCounties(long sourceId, IEnumerable<LocalityCountyRecord> rows) => inner.WriteLocalityCounties(sourceId, Count(rows));

    public long WriteOppsCaps(long sourceId, IEnumerable<OppsCapRecord> rows) => inner.WriteOppsCaps(sourceId, Count(rows));

    public long WriteHcpcs(long sourceId, IEnumerable<HcpcsRecord> rows) => inner.WriteHcpcs(sourceId, Count(rows));

    public long WritePlacesOfService(long sourceId, IEnumerable<PlaceOfServiceRecord> rows) => inner.WritePlacesOfService(sourceId, Count(rows));

    public long WriteEditorial(long sourceId, IEnumerable<EditorialEntry> entries) => inner.WriteEditorial(sourceId, Count(entries));

    public long WritePtpEdits(long sourceId, NcciSetting setting, IEnumerable<PtpEdit> rows) => inner.WritePtpEdits(sourceId, setting, Count(rows));

    public long WriteMues(long sourceId, NcciSetting setting, IEnumerable<MueRecord> rows) => inner.WriteMues(sourceId, setting, Count(rows));

    public long WritePolicies(long sourceId, IEnumerable<Policy> policies) => inner.WritePolicies(sourceId, Count(policies));

    public void WritePolicyUpdates(IEnumerable<PolicyUpdate> updates) => inner.WritePolicyUpdates(updates);

    public long CarryForward(Dataset dataset, ReleaseInfo from)
    {
        if (++carries == point.BeforeCarry)
        {
            KillPoint.Now($"before carry-forward #{carries} ({dataset})");
        }

        return inner.CarryForward(dataset, from);
    }

    public ReleaseInfo Commit()
    {
        if (point.BeforeCommit)
        {
            KillPoint.Now("just before commit");
        }

        var release = inner.Commit();
        if (point.AfterCommit)
        {
            KillPoint.Now("just after commit");
        }

        return release;
    }

    public void Dispose() => inner.Dispose();

    IEnumerable<T> Count<T>(IEnumerable<T> source)
    {
        foreach (var row in source)
        {
            if (++rows == point.AfterRows)
            {
                KillPoint.Now($"after {rows:N0} rows");
            }

            yield return row;
        }
    }
}
