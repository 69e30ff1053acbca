using System.Buffers.Binary;
using System.Text;

namespace PayerAtlas.Lake;

/// <summary>A growable byte buffer a spill batch is encoded into (one write to the file per batch).</summary>
internal sealed class SpillBuffer
{
    byte[] bytes = new byte[1 << 16];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => bytes.AsSpan(0, Length);

    public void Reset() => Length = 0;

    public void Byte(byte value)
    {
        Room(1);
        bytes[Length++] = value;
    }

    public void Int32(int value)
    {
        Room(4);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Length), value);
        Length += 4;
    }

    public void Double(double value)
    {
        Room(8);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(Length), value);
        Length += 8;
    }

    /// <summary>7-bit varint of the value's unsigned bits.</summary>
    public void Varint(ulong value)
    {
        Room(10);
        while (value >= 0x80)
        {
            bytes[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        bytes[Length++] = (byte)value;
    }

    /// <summary>Byte length (4 bytes) and UTF-8 bytes, encoded once straight into the buffer.</summary>
    public void String(string value)
    {
        Room(Encoding.UTF8.GetMaxByteCount(value.Length) + 4);
        var n = Encoding.UTF8.GetBytes(value, bytes.AsSpan(Length + 4));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Length), n);
        Length += 4 + n;
    }

    void Room(int more)
    {
        if (bytes.Length - Length < more)
        {
            Array.Resize(ref bytes, Math.Max(bytes.Length * 2, Length + more));
        }
    }
}

/// <summary>Reads what a <see cref="SpillBuffer"/> wrote, from a spill file loaded whole.</summary>
internal ref struct SpillReader(ReadOnlySpan<byte> bytes)
{
    readonly ReadOnlySpan<byte> bytes = bytes;
    int position;

    public readonly bool End => position >= bytes.Length;

    public byte Byte() => bytes[position++];

    public int Int32()
    {
        var v = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
        position += 4;
        return v;
    }

    public double Double()
    {
        var v = BinaryPrimitives.ReadDoubleLittleEndian(bytes[position..]);
        position += 8;
        return v;
    }

    public ulong Varint()
    {
        ulong v = 0;
        var shift = 0;
        while (true)
        {
            var b = bytes[position++];
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return v;
            }

            shift += 7;
            if (shift > 63)
            {
                throw new InvalidDataException("spill file is corrupt: a varint runs past 64 bits");
            }
        }
    }

    public string String()
    {
        var n = Int32();
        var s = Encoding.UTF8.GetString(bytes.Slice(position, n));
        position += n;
        return s;
    }

    /// <summary>The next string, the same instance as an equal one read before through <paramref name="strings"/>.</summary>
    public string String(SpillStrings strings)
    {
        var n = Int32();
        var s = strings.Get(bytes.Slice(position, n));
        position += n;
        return s;
    }
}
