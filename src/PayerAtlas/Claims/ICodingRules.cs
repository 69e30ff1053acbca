using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Claims;

/// <summary>The reference data claim checks read: one release's fee schedule, NCCI tables and payer rules.</summary>
public interface ICodingRules
{
    string Release { get; }

    /// <summary>True when the release holds this dataset; a rule whose data is missing says so instead of passing lines.</summary>
    bool Has(Dataset dataset);

    IReadOnlyList<Stored<RvuRecord>> FeeSchedule(string code);

    Stored<HcpcsRecord>? Hcpcs(string code);

    /// <summary>The PTP edits (one per effective period) with this column 1 and column 2 code.</summary>
    IReadOnlyList<Stored<PtpEdit>> PtpPair(string column1, string column2, NcciSetting setting);

    Stored<MueRecord>? Mue(string code, NcciSetting setting);

    IReadOnlyList<PayerRule> PayerRules(string payer, string code, DateOnly dateOfService);
}

/// <summary>
/// What one payer's policy requires of one code, as the policy importer extracts it. Empty lists mean the policy
/// says nothing on that point.
/// </summary>
public sealed record PayerRule
{
    public required string Payer { get; init; }
    /// <summary>The policy's own number or title, e.g. "CPB 0584".</summary>
    public required string Policy { get; init; }
    public required SourceRef Source { get; init; }
    public bool PriorAuthorization { get; init; }
    /// <summary>Places of service the policy covers the code in; a line elsewhere is denied.</summary>
    public IReadOnlyList<string> PlacesOfService { get; init; } = [];
    /// <summary>The line must carry one of these modifiers (e.g. RT or LT).</summary>
    public IReadOnlyList<string> RequiredModifiers { get; init; } = [];
    /// <summary>Modifiers the payer does not accept on this code.</summary>
    public IReadOnlyList<string> DeniedModifiers { get; init; } = [];
}

/// <summary>Where payer rules come from: implemented over the policy store when the release has policies.</summary>
public interface IPayerRuleSource
{
    IReadOnlyList<PayerRule> For(string payer, string code, DateOnly dateOfService);
}
