using PayerAtlas.Importers.Tic;

namespace PayerAtlas.Tests.Tic;

/// <summary>The reader's byte-keyed cache: a key finds its own value and no other, at every length around the inline 16 bytes.</summary>
public sealed class Utf8CacheTests
{
    [Fact]
    public void Every_key_finds_its_value_and_a_key_one_byte_away_finds_only_its_own()
    {
        var random = new Random(3);
        var cache = new Utf8Cache<string>();
        var added = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<byte[]>();
        for (var length = 0; length <= 40; length++)
        {
            for (var n = 0; n < 20; n++)
            {
                var key = new byte[length];
                random.NextBytes(key);
                keys.Add(key);
                if (added.Add(Convert.ToHexString(key)))
                {
                    cache.Add(key, Convert.ToHexString(key));
                }
            }
        }

        foreach (var key in keys)
        {
            AssertLookup(key);
            if (key.Length > 0)
            {
                var other = (byte[])key.Clone();
                other[random.Next(other.Length)] ^= (byte)(1 << random.Next(8));
                AssertLookup(other);

                // Shorter or longer with the same leading bytes: the zero padding of short keys must not make them equal.
                AssertLookup(key[..^1]);
            }

            AssertLookup([.. key, 0]);
        }

        void AssertLookup(byte[] probe)
        {
            var hex = Convert.ToHexString(probe);
            Assert.Equal(added.Contains(hex), cache.TryGet(probe, out var value));
            Assert.Equal(added.Contains(hex) ? hex : null, value);
        }
    }
}
