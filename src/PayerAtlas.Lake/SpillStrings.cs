using System.Text;

namespace PayerAtlas.Lake;

/// <summary>
/// The strings a compaction reads back, one instance per distinct value: runs of equal values then compare by
/// reference, and the values a file repeats in every batch (payer, plan, entity) are allocated once, not per batch.
/// Bounded: past <see cref="MaxEntries"/> distinct values it starts over.
/// </summary>
internal sealed class SpillStrings
{
    const int MaxEntries = 1 << 16;
    readonly Dictionary<string, string> known = new(StringComparer.Ordinal);
    readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> byChars;
    char[] chars = new char[256];

    public SpillStrings() => byChars = known.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (chars.Length < utf8.Length)
        {
            chars = new char[Math.Max(utf8.Length, chars.Length * 2)];
        }

        var text = chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, chars));
        if (byChars.TryGetValue(text, out var s))
        {
            return s;
        }

        if (known.Count >= MaxEntries)
        {
            known.Clear();
        }

        s = new string(text);
        known.Add(s, s);
        return s;
    }
}
