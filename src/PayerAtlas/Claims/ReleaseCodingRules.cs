using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Claims;

/// <summary>
/// <see cref="ICodingRules"/> over one release reader, with per-code caches. With <paramref name="preloadPtp"/> a
/// setting's whole PTP table is loaded into a <see cref="PtpIndex"/> on first use (a second or two for a full CMS
/// table, then lookups in memory): right for bulk files. Without it each code pair is one indexed query: right for a
/// single claim. Not thread-safe: one instance per reader.
/// </summary>
public sealed class ReleaseCodingRules(IReleaseReader reader, IPayerRuleSource? payers = null, bool preloadPtp = false) : ICodingRules
{
    const int PairCacheLimit = 200_000;

    readonly HashSet<Dataset> datasets = reader.Release.Sources.Select(s => s.Dataset).ToHashSet();
    readonly Dictionary<string, IReadOnlyList<Stored<RvuRecord>>> feeSchedule = new(StringComparer.Ordinal);
    readonly Dictionary<string, Stored<HcpcsRecord>?> hcpcs = new(StringComparer.Ordinal);
    readonly Dictionary<(string, NcciSetting), Stored<MueRecord>?> mues = [];
    readonly Dictionary<(string, string, NcciSetting), IReadOnlyList<Stored<PtpEdit>>> pairs = [];
    readonly Dictionary<NcciSetting, PtpIndex> indexes = [];

    public string Release => reader.Release.Label;

    public bool Has(Dataset dataset) => datasets.Contains(dataset);

    public IReadOnlyList<Stored<RvuRecord>> FeeSchedule(string code)
    {
        if (!feeSchedule.TryGetValue(code, out var rows))
        {
            rows = reader.GetFeeSchedule(code);
            feeSchedule[code] = rows;
        }

        return rows;
    }

    public Stored<HcpcsRecord>? Hcpcs(string code)
    {
        if (!hcpcs.TryGetValue(code, out var row))
        {
            row = reader.GetHcpcs(code);
            hcpcs[code] = row;
        }

        return row;
    }

    public IReadOnlyList<Stored<PtpEdit>> PtpPair(string column1, string column2, NcciSetting setting)
    {
        if (setting == NcciSetting.Dme || !Has(setting.PtpDataset()))
        {
            return [];
        }

        if (preloadPtp)
        {
            if (!indexes.TryGetValue(setting, out var index))
            {
                index = PtpIndex.Load(reader, setting);
                indexes[setting] = index;
            }

            return index.Pair(column1, column2);
        }

        if (!pairs.TryGetValue((column1, column2, setting), out var edits))
        {
            if (pairs.Count >= PairCacheLimit)
            {
                pairs.Clear();
            }

            edits = reader.GetPtpPair(column1, column2, setting);
            pairs[(column1, column2, setting)] = edits;
        }

        return edits;
    }

    public Stored<MueRecord>? Mue(string code, NcciSetting setting)
    {
        if (!mues.TryGetValue((code, setting), out var row))
        {
            row = Has(setting.MueDataset()) ? reader.GetMue(code, setting) : null;
            mues[(code, setting)] = row;
        }

        return row;
    }

    public IReadOnlyList<PayerRule> PayerRules(string payer, string code, DateOnly dateOfService) =>
        payers is null || payer.Length == 0 ? [] : payers.For(payer, code, dateOfService);
}
