using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake.Tests;

public sealed class WideVarintTests
{
    public static TheoryData<ulong> Edges()
    {
        var data = new TheoryData<ulong> { 0, 1, ulong.MaxValue, ulong.MaxValue - 1 };
        for (var bits = 7; bits < 64; bits += 7)
        {
            data.Add((1UL << bits) - 1);
            data.Add(1UL << bits);
            data.Add((1UL << bits) + 1);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void Writes_the_bytes_of_plain_leb128_and_reads_them_back_anywhere_in_a_buffer(ulong value)
    {
        Span<byte> plain = stackalloc byte[10];
        var length = Uleb128.Write(plain, value);
        Assert.Equal(length, WideVarint.Length(value));

        var wide = new byte[16];
        Assert.Equal(length, WideVarint.Write(wide, value));
        Assert.Equal(plain[..length].ToArray(), wide.AsSpan(0, length).ToArray());

        // Followed by a one-byte value, then at every distance from the end (the last eight bytes take the byte loop).
        for (var slack = 0; slack <= 12; slack++)
        {
            var buffer = new byte[length + 1 + slack];
            buffer.AsSpan().Fill(0xEE);
            plain[..length].CopyTo(buffer);
            buffer[length] = 0x05;
            var position = 0;
            Assert.Equal(value, WideVarint.Read(buffer, ref position));
            Assert.Equal(length, position);
            Assert.Equal(5UL, WideVarint.Read(buffer, ref position));
        }
    }

    [Fact]
    public void A_run_of_random_values_reads_back_in_order()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 10_000).Select(_ => (ulong)random.NextInt64() >> random.Next(64)).ToArray();
        var buffer = new byte[(values.Length * 10) + 10];
        var at = 0;
        foreach (var v in values)
        {
            at += WideVarint.Write(buffer.AsSpan(at), v);
        }

        var bytes = buffer.AsSpan(0, at);
        var position = 0;
        foreach (var v in values)
        {
            Assert.Equal(v, WideVarint.Read(bytes, ref position));
        }

        Assert.Equal(at, position);
    }
}
