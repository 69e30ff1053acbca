using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Search;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Safety;

/// <summary>
/// SHA-256s over everything a release reads back: every <see cref="IReleaseReader"/> method, for every code it lists,
/// serialized as JSON, one hash per method (so a difference names the method). Two releases with equal digests read
/// back identically. The release's own label is replaced by a placeholder, so a release imported again from the same
/// files under another label digests the same.
/// </summary>
public sealed record ReleaseDigest(IReadOnlyDictionary<string, string> Parts)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    static readonly string[] SearchWords = ["mammography", "breast", "office visit", "aetna", "77054"];

    public string Total => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Parts.Select(p => $"{p.Key}={p.Value}")))));

    /// <summary>The methods whose results differ from <paramref name="other"/>'s.</summary>
    public IEnumerable<string> Differences(ReleaseDigest other) =>
        Parts.Keys.Union(other.Parts.Keys).Where(k => Parts.GetValueOrDefault(k) != other.Parts.GetValueOrDefault(k));

    /// <summary>Only the release-wide parts (what <c>everyCode: false</c> computes).</summary>
    public ReleaseDigest ReleaseWide() => new(Parts.Where(p => !PerCode.Contains(p.Key)).ToDictionary(StringComparer.Ordinal));

    static readonly HashSet<string> PerCode =
        ["GetFeeSchedule", "GetOppsCaps", "GetHcpcs", "GetEditorial", "GetPolicies", "GetPolicyMentions", "GetPtpEdits", "GetMue"];

    public bool SameAs(ReleaseDigest other) => !Differences(other).Any();

    public override string ToString() => Total;

    public static ReleaseDigest Of(IPayerAtlasStore store, ReleaseInfo release, bool everyCode = true)
    {
        using var reader = store.OpenReader(release);
        return Of(reader, everyCode);
    }

    /// <param name="everyCode">false: only the release-wide methods (sources, counts, lists, search), not the per-code ones.</param>
    public static ReleaseDigest Of(IReleaseReader reader, bool everyCode = true)
    {
        var placeholder = $"\"release\":{JsonSerializer.Serialize(reader.Release.Label)}";
        var hashes = new SortedDictionary<string, IncrementalHash>(StringComparer.Ordinal);
        void Add(string method, object? value)
        {
            if (!hashes.TryGetValue(method, out var hash))
            {
                hashes[method] = hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            }

            var json = JsonSerializer.Serialize(value, Json).Replace(placeholder, "\"release\":\"<this>\"", StringComparison.Ordinal);
            hash.AppendData(Encoding.UTF8.GetBytes(json));
        }

        // Sources without their ids (row ids are the store's business; a re-import allocates new ones).
        Add("Release.Sources", reader.Release.Sources.Select(s => new { s.File, s.Kind, s.Publisher, s.Sha256, s.Rows, s.CarriedFrom }));
        foreach (var dataset in Enum.GetValues<Dataset>())
        {
            Add("Count", new { dataset, n = reader.Count(dataset) });
        }

        var codes = reader.ListCodes();
        Add("ListCodes", codes);
        Add("GetGpcis", reader.GetGpcis());
        Add("GetLocalityCounties", reader.GetLocalityCounties());
        Add("GetHcpcsModifiers", reader.GetHcpcsModifiers());
        Add("GetPlacesOfService", reader.GetPlacesOfService());
        Add("ListPolicies", reader.ListPolicies());
        Add("GetPolicyUpdates", reader.GetPolicyUpdates());
        Add("Search(all)", reader.Search(null, 0, codes.Count + 1));
        foreach (var words in SearchWords)
        {
            // Every hit, as a set: FTS5's bm25 ranks with statistics over the whole index (every release), so another
            // release landing may reorder an older release's hits; which hits, their titles and snippets must not change.
            var page = SearchTerms.TryParse(words, prefix: false, out var terms, out _) ? reader.Search(terms, 0, codes.Count + 1) : null;
            Add("Search(words)", page is null ? null : new { page.Total, hits = page.Hits.OrderBy(h => h.Code, StringComparer.Ordinal) });
        }

        foreach (var setting in Enum.GetValues<NcciSetting>())
        {
            // Streamed in no particular order: sort the rows before hashing them.
            Add("ReadPtpEdits", reader.ReadPtpEdits(setting).Select(e => JsonSerializer.Serialize(e, Json).Replace(placeholder, "\"release\":\"<this>\"", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList());
        }

        foreach (var code in everyCode ? codes : [])
        {
            Add("GetFeeSchedule", reader.GetFeeSchedule(code));
            Add("GetOppsCaps", reader.GetOppsCaps(code));
            Add("GetHcpcs", reader.GetHcpcs(code));
            Add("GetEditorial", reader.GetEditorial(code));
            Add("GetPolicies", reader.GetPolicies(code));
            Add("GetPolicyMentions", reader.GetPolicyMentions(code));
            foreach (var setting in Enum.GetValues<NcciSetting>())
            {
                Add("GetPtpEdits", reader.GetPtpEdits(code, setting));
                Add("GetMue", reader.GetMue(code, setting));
            }
        }

        var parts = hashes.ToDictionary(h => h.Key, h => Convert.ToHexStringLower(h.Value.GetHashAndReset()), StringComparer.Ordinal);
        foreach (var hash in hashes.Values)
        {
            hash.Dispose();
        }

        return new ReleaseDigest(parts);
    }
}
