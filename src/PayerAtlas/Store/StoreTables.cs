using PayerAtlas.Importers.Ncci;
using PayerAtlas.Policies;
using PayerAtlas.Sources;

namespace PayerAtlas.Store;

/// <summary>
/// What every store adapter lays out the same way: the tables that hold each dataset (the same names in SQLite and
/// PostgreSQL), NCCI dates as yyyymmdd integers, and which codes any policy of a release names.
/// </summary>
public static class StoreTables
{
    /// <summary>The tables holding a dataset's rows; the first is the one a row count reports.</summary>
    public static IReadOnlyList<string> Of(Dataset dataset) => dataset switch
    {
        Dataset.FeeSchedule => ["fee_schedule"],
        Dataset.Gpci => ["gpci"],
        Dataset.LocalityCounties => ["locality_counties"],
        Dataset.OppsCap => ["opps_cap"],
        Dataset.HcpcsLevel2 => ["hcpcs"],
        Dataset.PlacesOfService => ["places_of_service"],
        Dataset.Editorial => ["editorial"],
        Dataset.Policies => ["policy_versions", "policy_mentions"],
        Dataset.NcciPtpPractitioner or Dataset.NcciPtpHospital => ["ncci_ptp"],
        Dataset.NcciMuePractitioner or Dataset.NcciMueOutpatientHospital or Dataset.NcciMueDme => ["ncci_mue"],
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, null),
    };

    /// <summary>The NCCI setting whose rows of the shared NCCI table form this dataset, or null for other datasets.</summary>
    public static NcciSetting? NcciSettingOf(Dataset dataset) => dataset switch
    {
        Dataset.NcciPtpPractitioner or Dataset.NcciMuePractitioner => NcciSetting.Practitioner,
        Dataset.NcciPtpHospital or Dataset.NcciMueOutpatientHospital => NcciSetting.OutpatientHospital,
        Dataset.NcciMueDme => NcciSetting.Dme,
        _ => null,
    };

    public static int Yyyymmdd(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static DateOnly FromYyyymmdd(int yyyymmdd) => new(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
}

/// <summary>
/// Whether any policy of a release names a code, answered from memory: a site build asks for every code, and almost
/// all of them are named by no policy, so a store only queries for the few that are.
/// </summary>
public sealed class PolicyCodeIndex
{
    readonly HashSet<string> singles;
    readonly List<CodeRange> ranges;

    /// <param name="named">Every distinct (low, high) code range the release's policy mentions hold.</param>
    public PolicyCodeIndex(IEnumerable<CodeRange> named)
    {
        var all = named.ToList();
        singles = all.Where(r => r.IsSingle).Select(r => r.Low).ToHashSet(StringComparer.Ordinal);
        ranges = all.Where(r => !r.IsSingle).ToList();
    }

    public bool Names(string code) => singles.Contains(code) || ranges.Exists(r => r.Contains(code));
}
