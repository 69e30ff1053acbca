using System.Text;

namespace PayerAtlas.Tests.Safety.Fuzz;

/// <summary>What a hostile or broken file can look like, as seeded mutations of a real one.</summary>
public enum Mutation
{
    Truncate,
    FlipBytes,
    InsertBytes,
    DeleteBytes,
    HugeField,
    Utf16,
    Latin1,
    Utf8Where1252,
    LineEndings,
    DuplicateHeader,
    DuplicateLine,
    DeleteLine,
    SwapLines,
    SpliceField,
    DeepNesting,
    Empty,
}

/// <summary>
/// Applies 1–3 seeded <see cref="Mutation"/>s to a seed file's bytes. The same seed always gives the same bytes, so a
/// finding is reproduced from (target, seed, iteration) alone.
/// </summary>
public sealed class Mutator(Random random, TargetSyntax syntax)
{
    static readonly byte[] Specials = ",\"\n\r\t|:;-.0123456789AZaz \0\u00ff{}[]<>&'#"u8.ToArray();

    public (byte[] Bytes, List<Mutation> Applied) Mutate(byte[] seed)
    {
        var bytes = seed;
        var applied = new List<Mutation>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var mutation = Pick();
            applied.Add(mutation);
            bytes = Apply(mutation, bytes);
        }

        return (bytes, applied);
    }

    Mutation Pick()
    {
        // Local damage (one row) most of the time, so the rest of the file still reaches the reader.
        var roll = random.Next(100);
        return roll switch
        {
            < 14 => Mutation.FlipBytes,
            < 26 => Mutation.InsertBytes,
            < 34 => Mutation.DeleteBytes,
            < 42 => Mutation.Truncate,
            < 48 => Mutation.HugeField,
            < 52 => Mutation.Utf16,
            < 56 => Mutation.Latin1,
            < 60 => Mutation.Utf8Where1252,
            < 65 => Mutation.LineEndings,
            < 70 => Mutation.DuplicateHeader,
            < 76 => Mutation.DuplicateLine,
            < 81 => Mutation.DeleteLine,
            < 85 => Mutation.SwapLines,
            < 93 => Mutation.SpliceField,
            < 99 => Mutation.DeepNesting,
            _ => Mutation.Empty,
        };
    }

    public byte[] Apply(Mutation mutation, byte[] b) => mutation switch
    {
        Mutation.Truncate => b[..random.Next(b.Length + 1)],
        Mutation.FlipBytes => FlipBytes(b),
        Mutation.InsertBytes => Insert(b, random.Next(b.Length + 1), RandomBytes(random.Next(1, 17))),
        Mutation.DeleteBytes => Delete(b),
        Mutation.HugeField => Insert(b, random.Next(b.Length + 1), HugeField()),
        Mutation.Utf16 => Utf16(b),
        Mutation.Latin1 => Latin1(b),
        Mutation.Utf8Where1252 => Utf8Where1252(b),
        Mutation.LineEndings => LineEndings(b),
        Mutation.DuplicateHeader => Lines(b, lines => lines.Insert(random.Next(Math.Min(lines.Count, 12) + 1), lines[random.Next(Math.Min(lines.Count, 12))])),
        Mutation.DuplicateLine => Lines(b, lines => lines.Insert(random.Next(lines.Count + 1), lines[random.Next(lines.Count)])),
        Mutation.DeleteLine => Lines(b, lines => lines.RemoveAt(random.Next(lines.Count))),
        Mutation.SwapLines => Lines(b, lines =>
        {
            var (i, j) = (random.Next(lines.Count), random.Next(lines.Count));
            (lines[i], lines[j]) = (lines[j], lines[i]);
        }),
        Mutation.SpliceField => SpliceField(b),
        Mutation.DeepNesting => DeepNesting(b),
        Mutation.Empty => random.Next(3) switch { 0 => [], 1 => "\uFEFF"u8.ToArray(), _ => "\r\n"u8.ToArray() },
        _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
    };

    byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        for (var i = 0; i < n; i++)
        {
            bytes[i] = random.Next(3) == 0 ? (byte)random.Next(256) : Specials[random.Next(Specials.Length)];
        }

        return bytes;
    }

    byte[] FlipBytes(byte[] b)
    {
        if (b.Length == 0)
        {
            return b;
        }

        var copy = (byte[])b.Clone();
        for (var n = random.Next(1, 9); n > 0; n--)
        {
            var i = random.Next(copy.Length);
            copy[i] = random.Next(2) == 0 ? (byte)(copy[i] ^ (1 << random.Next(8))) : Specials[random.Next(Specials.Length)];
        }

        return copy;
    }

    byte[] Delete(byte[] b)
    {
        if (b.Length == 0)
        {
            return b;
        }

        var start = random.Next(b.Length);
        var length = Math.Min(random.Next(1, 65), b.Length - start);
        return [.. b[..start], .. b[(start + length)..]];
    }

    static byte[] Insert(byte[] b, int at, byte[] what) => [.. b[..at], .. what, .. b[at..]];

    /// <summary>A field of 64 KB to 4 MB: one repeated character, digits, quotes or separators.</summary>
    byte[] HugeField()
    {
        var length = random.Next(64 * 1024, 4 * 1024 * 1024);
        var fill = random.Next(5) switch { 0 => (byte)'A', 1 => (byte)'9', 2 => (byte)'"', 3 => (byte)',', _ => (byte)' ' };
        var field = new byte[length];
        Array.Fill(field, fill);
        return field;
    }

    byte[] Utf16(byte[] b)
    {
        var text = Encoding.Latin1.GetString(b);
        return random.Next(3) switch
        {
            0 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            1 => Encoding.Unicode.GetBytes(text),
            _ => Encoding.BigEndianUnicode.GetBytes(text),
        };
    }

    /// <summary>UTF-8 text re-encoded as Latin-1 (with a non-ASCII character put in, so there is something to get wrong).</summary>
    byte[] Latin1(byte[] b)
    {
        var text = Encoding.UTF8.GetString(b);
        var at = random.Next(text.Length + 1);
        text = text[..at] + "é–" + text[at..];
        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>Windows-1252 text re-encoded as UTF-8: each byte above 0x7F becomes two or three.</summary>
    byte[] Utf8Where1252(byte[] b)
    {
        var text = TextLines1252.GetString(b);
        var at = random.Next(text.Length + 1);
        return Encoding.UTF8.GetBytes(text[..at] + "’" + text[at..]);
    }

    static readonly Encoding TextLines1252 = Lenient1252();

    static Encoding Lenient1252()
    {
        _ = PayerAtlas.Importing.TextLines.Windows1252; // registers the code-pages provider
        return Encoding.GetEncoding(1252);
    }

    byte[] LineEndings(byte[] b)
    {
        var text = Encoding.Latin1.GetString(b);
        text = random.Next(3) switch
        {
            0 => text.Replace("\r\n", "\n", StringComparison.Ordinal),
            1 => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal),
            _ => text.Replace("\r\n", "\r", StringComparison.Ordinal).Replace('\n', '\r'),
        };
        return Encoding.Latin1.GetBytes(text);
    }

    static byte[] Lines(byte[] b, Action<List<string>> change)
    {
        var lines = Encoding.Latin1.GetString(b).Split('\n').ToList();
        if (lines.Count > 0)
        {
            change(lines);
        }

        return Encoding.Latin1.GetBytes(string.Join('\n', lines));
    }

    /// <summary>A field of one row replaced by a field from another row (a value in the wrong column).</summary>
    byte[] SpliceField(byte[] b) => Lines(b, lines =>
    {
        var separator = syntax.Separator;
        var (i, j) = (random.Next(lines.Count), random.Next(lines.Count));
        var to = lines[i].Split(separator);
        var from = lines[j].Split(separator);
        to[random.Next(to.Length)] = from[random.Next(from.Length)];
        lines[i] = string.Join(separator, to);
    });

    /// <summary>Thousands of nested arrays/objects/elements/sequences, in the target's own syntax.</summary>
    byte[] DeepNesting(byte[] b)
    {
        var depth = random.Next(1_000, 100_000);
        string open, close;
        switch (syntax.Nesting)
        {
            case Nesting.Json:
                (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
                break;
            case Nesting.Xml:
                (open, close) = ("<a>", "</a>");
                break;
            case Nesting.Yaml:
                (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{a: ", "}");
                break;
            default:
                (open, close) = ("\"", "\"");
                depth = random.Next(1, 1_000);
                break;
        }

        var nested = new StringBuilder();
        nested.Insert(0, open, depth);
        if (random.Next(2) == 0)
        {
            nested.Insert(nested.Length, close, depth);
        }

        return Insert(b, random.Next(b.Length + 1), Encoding.UTF8.GetBytes(nested.ToString()));
    }
}
