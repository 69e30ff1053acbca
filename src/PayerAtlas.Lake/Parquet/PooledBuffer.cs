using System.Buffers;

namespace PayerAtlas.Lake.Parquet;

/// <summary>A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/> and reused across pages and chunks.</summary>
internal sealed class PooledBuffer(int initialBytes = 4096) : IDisposable
{
    byte[] array = ArrayPool<byte>.Shared.Rent(initialBytes);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => array.AsSpan(0, Length);

    /// <summary>The written bytes, writable (to patch a length prefix).</summary>
    public Span<byte> WrittenSpan => array.AsSpan(0, Length);

    public void Reset() => Length = 0;

    /// <summary>The free tail, at least <paramref name="bytes"/> long; <see cref="Advance"/> commits what was written.</summary>
    public Span<byte> GetFree(int bytes)
    {
        if (array.Length - Length < bytes)
        {
            Grow(bytes);
        }

        return array.AsSpan(Length);
    }

    public void Advance(int bytes) => Length += bytes;

    public void WriteByte(byte value)
    {
        if (Length == array.Length)
        {
            Grow(1);
        }

        array[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetFree(bytes.Length));
        Length += bytes.Length;
    }

    public void WriteVarint(ulong value)
    {
        var free = GetFree(10);
        var i = 0;
        while (value >= 0x80)
        {
            free[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        free[i++] = (byte)value;
        Length += i;
    }

    void Grow(int bytes)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(array.Length * 2, Length + bytes));
        array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(array);
        array = bigger;
    }

    public void Dispose()
    {
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
            array = [];
            Length = 0;
        }
    }
}
