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
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    static readonly string[] SearchWords = ["mammography", "breast", "office visit", "aetna", "77054"];

    public string Total => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Parts.Select(p => $"{p.Key}={p.Value}")))));

    /// <summary>The methods whose results differ from <paramref name="other"/>'s.</summary>
    public IEnumerable<string> Differences(ReleaseDigest other) =>
        Parts.Keys.Union(other.Parts.Keys).Where(k => Parts.GetValueOrDefault(k) != other.Parts.GetValueOrDefault(k));

    static readonly HashSet<string> PerCodeMethods =
        ["GetFeeSchedule", "GetOppsCaps", "GetHcpcs", "GetEditorial", "GetPolicies", "GetPolicyMentions", "GetPtpEdits", "GetMue"];

    public bool SameAs(ReleaseDigest other) => !Differences(other).Any();

    public override string ToString() => Total;

    /// <param name="codeStride">1: the per-code methods over every code; n: over every n-th code of the sorted list (a
    /// fixed sample, so two digests with the same stride compare).</param>
    public static ReleaseDigest Of(IPayerAtlasStore store, ReleaseInfo release, int codeStride = 1)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> codes;
        using (var reader = store.OpenReader(release))
        {
            codes = reader.ListCodes();
            AddAll(parts, ReleaseWide(reader, codes));
        }

        // The per-code methods over two readers (two cores), each taking a fixed half; the halves' hashes combine in order.
        codes = codes.Where((_, i) => i % codeStride == 0).ToList();
        var halves = new[] { codes.Take(codes.Count / 2).ToList(), codes.Skip(codes.Count / 2).ToList() };
        var results = new Dictionary<string, string>[2];
        Parallel.For(0, 2, i =>
        {
            using var reader = store.OpenReader(release);
            results[i] = PerCode(reader, halves[i]);
        });
        foreach (var key in results[0].Keys)
        {
            parts[key] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(results[0][key] + results[1][key])));
        }

        return new ReleaseDigest(parts);
    }

    static void AddAll(Dictionary<string, string> into, Dictionary<string, string> from)
    {
        foreach (var (key, value) in from)
        {
            into[key] = value;
        }
    }

    static Dictionary<string, string> ReleaseWide(IReleaseReader reader, IReadOnlyList<string> codes)
    {
        var d = new Hasher(reader.Release.Label);

        // Sources without their ids (row ids are the store's business; a re-import allocates new ones).
        d.Add("Release.Sources", reader.Release.Sources.Select(s => new { s.File, s.Kind, s.Publisher, s.Sha256, s.Rows, s.CarriedFrom }));
        foreach (var dataset in Enum.GetValues<Dataset>())
        {
            d.Add("Count", new { dataset, n = reader.Count(dataset) });
        }

        d.Add("ListCodes", codes);
        d.Add("GetGpcis", reader.GetGpcis());
        d.Add("GetLocalityCounties", reader.GetLocalityCounties());
        d.Add("GetHcpcsModifiers", reader.GetHcpcsModifiers());
        d.Add("GetPlacesOfService", reader.GetPlacesOfService());
        d.Add("ListPolicies", reader.ListPolicies());
        d.Add("GetPolicyUpdates", reader.GetPolicyUpdates());
        d.Add("Search(all)", reader.Search(null, 0, codes.Count + 1));
        foreach (var words in SearchWords)
        {
            // Every hit, as a set: FTS5's bm25 ranks with statistics over the whole index (every release), so another
            // release landing may reorder an older release's hits; which hits, their titles and snippets must not change.
            var page = SearchTerms.TryParse(words, prefix: false, out var terms, out _) ? reader.Search(terms, 0, codes.Count + 1) : null;
            d.Add("Search(words)", page is null ? null : new { page.Total, hits = page.Hits.OrderBy(h => h.Code, StringComparer.Ordinal) });
        }

        foreach (var setting in Enum.GetValues<NcciSetting>())
        {
            // Streamed in no particular order: sort the rows before hashing them.
            d.Add("ReadPtpEdits", reader.ReadPtpEdits(setting).Select(d.Json).Order(StringComparer.Ordinal).ToList());
        }

        return d.Finish();
    }

    static Dictionary<string, string> PerCode(IReleaseReader reader, IEnumerable<string> codes)
    {
        var d = new Hasher(reader.Release.Label);
        foreach (var code in codes)
        {
            d.Add("GetFeeSchedule", reader.GetFeeSchedule(code));
            d.Add("GetOppsCaps", reader.GetOppsCaps(code));
            d.Add("GetHcpcs", reader.GetHcpcs(code));
            d.Add("GetEditorial", reader.GetEditorial(code));
            d.Add("GetPolicies", reader.GetPolicies(code));
            d.Add("GetPolicyMentions", reader.GetPolicyMentions(code));
            foreach (var setting in Enum.GetValues<NcciSetting>())
            {
                d.Add("GetPtpEdits", reader.GetPtpEdits(code, setting));
                d.Add("GetMue", reader.GetMue(code, setting));
            }
        }

        // Every per-code method has a part, even over no codes, so digests always have the same keys.
        foreach (var method in PerCodeMethods)
        {
            d.Add(method, null);
        }

        return d.Finish();
    }

    /// <summary>One incremental SHA-256 per method, over the JSON of its results with the release label neutralised.</summary>
    sealed class Hasher(string label)
    {
        readonly string placeholder = $"\"release\":{JsonSerializer.Serialize(label)}";
        readonly SortedDictionary<string, IncrementalHash> hashes = new(StringComparer.Ordinal);

        public string Json(object? value) =>
            JsonSerializer.Serialize(value, Options).Replace(placeholder, "\"release\":\"<this>\"", StringComparison.Ordinal);

        public void Add(string method, object? value)
        {
            if (!hashes.TryGetValue(method, out var hash))
            {
                hashes[method] = hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            }

            hash.AppendData(Encoding.UTF8.GetBytes(Json(value)));
        }

        public Dictionary<string, string> Finish()
        {
            var parts = hashes.ToDictionary(h => h.Key, h => Convert.ToHexStringLower(h.Value.GetHashAndReset()), StringComparer.Ordinal);
            foreach (var hash in hashes.Values)
            {
                hash.Dispose();
            }

            return parts;
        }
    }
}
