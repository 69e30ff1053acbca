using PayerAtlas.Publishing.Model;
using PayerAtlas.Sources;

namespace PayerAtlas.Publishing;

/// <summary>Collects the facts of one publication; ids are unique and the first registration wins.</summary>
public sealed class FactBook
{
    readonly List<Fact> facts = [];
    readonly Dictionary<string, Fact> byId = new(StringComparer.Ordinal);

    public IReadOnlyList<Fact> All => facts;

    public Fact Add(string id, string value, string label, SourceRef source, Derivation? derivation = null)
    {
        if (byId.TryGetValue(id, out var existing))
        {
            return existing;
        }

        var fact = new Fact(id, value, label, source) { Derivation = derivation };
        facts.Add(fact);
        byId[id] = fact;
        return fact;
    }

    public Fact? Find(string id) => byId.GetValueOrDefault(id);
}
