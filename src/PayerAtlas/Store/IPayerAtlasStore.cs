using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Policies;
using PayerAtlas.Search;
using PayerAtlas.Sources;

namespace PayerAtlas.Store;

/// <summary>
/// The store of releases. Implemented by the SQLite adapter (embedded default) and, later, PostgreSQL.
/// Reads are always of one release; writes happen only inside an <see cref="IReleaseImport"/>.
/// </summary>
public interface IPayerAtlasStore : IDisposable
{
    /// <summary>Creates or upgrades the schema. Safe to call on every open.</summary>
    void Migrate();

    IReadOnlyList<ReleaseInfo> ListReleases();

    /// <summary>The release with this label, or the current one when <paramref name="label"/> is null.</summary>
    ReleaseInfo? FindRelease(string? label = null);

    /// <summary>Starts one all-or-nothing import of a new release. Disposing without commit leaves the store untouched.</summary>
    IReleaseImport BeginImport(string label);

    IReleaseReader OpenReader(ReleaseInfo release);
}

/// <summary>One import transaction. Nothing is visible to readers until <see cref="Commit"/>.</summary>
public interface IReleaseImport : IDisposable
{
    string Label { get; }

    long AddSource(string file, SourceKind kind, string sha256);

    void SetSourceRows(long sourceId, long rows);

    long WriteFeeSchedule(long sourceId, IEnumerable<RvuRecord> rows);
    long WriteGpci(long sourceId, IEnumerable<GpciRecord> rows);
    long WriteLocalityCounties(long sourceId, IEnumerable<LocalityCountyRecord> rows);
    long WriteOppsCaps(long sourceId, IEnumerable<OppsCapRecord> rows);
    long WriteHcpcs(long sourceId, IEnumerable<HcpcsRecord> rows);
    long WritePlacesOfService(long sourceId, IEnumerable<PlaceOfServiceRecord> rows);
    long WriteEditorial(long sourceId, IEnumerable<EditorialEntry> entries);
    long WritePtpEdits(long sourceId, NcciSetting setting, IEnumerable<PtpEdit> rows);
    long WriteMues(long sourceId, NcciSetting setting, IEnumerable<MueRecord> rows);

    /// <summary>Adds policy versions (with their code mentions); a version already in this import is an error.</summary>
    long WritePolicies(long sourceId, IEnumerable<Policy> policies);

    /// <summary>The release's complete change history of its policies, computed over every version it holds.</summary>
    void WritePolicyUpdates(IEnumerable<PolicyUpdate> updates);

    /// <summary>Copies a dataset this import does not supply from an earlier release, keeping its provenance.</summary>
    long CarryForward(Dataset dataset, ReleaseInfo from);

    ReleaseInfo Commit();
}

/// <summary>Read access to one release.</summary>
public interface IReleaseReader : IDisposable
{
    ReleaseInfo Release { get; }

    /// <summary>Every code with a fee-schedule row, a HCPCS record or editorial content, sorted.</summary>
    IReadOnlyList<string> ListCodes();

    IReadOnlyList<Stored<RvuRecord>> GetFeeSchedule(string code);
    IReadOnlyList<Stored<GpciRecord>> GetGpcis();
    IReadOnlyList<Stored<LocalityCountyRecord>> GetLocalityCounties();

    /// <summary>OPPS-capped prices of a code per locality (imaging services whose PFS amount exceeds the OPPS amount).</summary>
    IReadOnlyList<Stored<OppsCapRecord>> GetOppsCaps(string code);
    Stored<HcpcsRecord>? GetHcpcs(string code);
    IReadOnlyList<Stored<HcpcsRecord>> GetHcpcsModifiers();
    IReadOnlyList<Stored<PlaceOfServiceRecord>> GetPlacesOfService();
    Stored<EditorialEntry>? GetEditorial(string code);

    /// <summary>Every PTP edit of one setting that names <paramref name="code"/> in either column, deleted ones too.</summary>
    IReadOnlyList<Stored<PtpEdit>> GetPtpEdits(string code, NcciSetting setting);

    /// <summary>The edits (one per effective period) with this column 1 and column 2 code.</summary>
    IReadOnlyList<Stored<PtpEdit>> GetPtpPair(string column1, string column2, NcciSetting setting);

    /// <summary>All PTP edits of one setting, streamed in no particular order (for bulk claim checks).</summary>
    IEnumerable<Stored<PtpEdit>> ReadPtpEdits(NcciSetting setting);

    Stored<MueRecord>? GetMue(string code, NcciSetting setting);
    /// <summary>Every policy version in the release, without document mentions (see <see cref="GetPolicyMentions"/>).</summary>
    IReadOnlyList<Stored<Policy>> ListPolicies();

    /// <summary>Every version of each policy that names <paramref name="code"/> in any version, without document mentions.</summary>
    IReadOnlyList<Stored<Policy>> GetPolicies(string code);

    /// <summary>Each place a policy version names <paramref name="code"/>: page or line, and sentence.</summary>
    IReadOnlyList<Stored<PolicyMention>> GetPolicyMentions(string code);

    IReadOnlyList<Stored<PolicyUpdate>> GetPolicyUpdates();
    long Count(Dataset dataset);

    /// <summary>
    /// Full-text search over code, descriptors, editorial title and plain description; an exact code ranks first.
    /// With no terms, every code in code order (the browsable index).
    /// </summary>
    SearchPage Search(SearchTerms? terms, int offset, int limit);
}
