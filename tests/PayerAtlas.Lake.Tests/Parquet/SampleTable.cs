using System.Text;
using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>
/// Columns of every type with nulls in every position (first row, last row, runs, alternating), empty strings,
/// non-ASCII text, a constant column, an all-null column, a near-unique column (dictionary fallback to PLAIN) and a
/// locator column written through <see cref="IUtf8Rows"/> (some values longer than the 512-byte first try).
/// Generated from a seed; the test compares what a reader returns with these arrays.
/// </summary>
internal sealed class SampleTable
{
    public static readonly ParquetField[] Fields =
    [
        new("code", ParquetType.Utf8),
        new("constant", ParquetType.Utf8),
        new("nothing", ParquetType.Utf8),
        new("serial", ParquetType.Utf8),
        new("locator", ParquetType.Utf8),
        new("rate", ParquetType.Double),
        new("flag", ParquetType.Boolean),
        new("count", ParquetType.Int32),
        new("big", ParquetType.Int64),
        new("expires", ParquetType.Date),
    ];

    static readonly string[] Codes = ["99213", "", "é-café", "中文编码", "emoji 😀 ok", "G0202", "0001U", "a\"quote'", "tab\tnew\nline"];

    public SampleTable(int rows, int seed = 1)
    {
        Rows = rows;
        var random = new Random(seed);
        Code = new string?[rows];
        Constant = new string?[rows];
        Nothing = new string?[rows];
        Unique = new string?[rows];
        Locator = new string?[rows];
        Rate = new double?[rows];
        Flag = new bool?[rows];
        Count = new int?[rows];
        Big = new long?[rows];
        Expires = new DateOnly?[rows];
        var constant = "Acme Health Plan — Ünïcode";
        for (var i = 0; i < rows; i++)
        {
            // A code changes every ~11 rows; the instances repeat, as the readers' interned strings do.
            Code[i] = Null(random, i, rows) ? null : Codes[(i / 11) % Codes.Length];
            Constant[i] = constant;
            Unique[i] = Null(random, i, rows) ? null : $"u-{i:D7}-{random.Next():x8}-ü";
            Locator[i] = (i % 97) switch
            {
                3 => null,
                5 => new string('x', 700) + "中" + i,
                7 => "",
                _ => $"in_network[{i / 11}].negotiated_rates[{i % 11}]",
            };
            Rate[i] = (i % 53) switch
            {
                0 => null,
                1 => double.NaN,
                2 => -0.0,
                3 => double.PositiveInfinity,
                _ => Math.Round(random.NextDouble() * 1000, 2) - 100,
            };
            Flag[i] = (i % 7) switch { 0 => null, 1 or 2 => true, _ => random.Next(2) == 0 };
            Count[i] = i % 13 == 5 ? null : random.Next(-1000, 100_000);
            Big[i] = i % 17 == 9 ? null : (long)random.Next() * random.Next() - (1L << 40);
            Expires[i] = i % 5 == 0 ? null : new DateOnly(1965, 1, 1).AddDays(random.Next(0, 40_000));
        }
    }

    public int Rows { get; }
    public string?[] Code { get; }
    public string?[] Constant { get; }
    public string?[] Nothing { get; }
    public string?[] Unique { get; }
    public string?[] Locator { get; }
    public double?[] Rate { get; }
    public bool?[] Flag { get; }
    public int?[] Count { get; }
    public long?[] Big { get; }
    public DateOnly?[] Expires { get; }

    /// <summary>Nulls at the first and last row, in runs (rows 20-39 of every 100) and scattered.</summary>
    static bool Null(Random random, int i, int rows) => i == 0 || i == rows - 1 || i % 100 is >= 20 and < 40 || random.Next(10) == 0;

    /// <summary>The values of row <paramref name="row"/> in field order, as a reader should give them back.</summary>
    public object?[] Row(int row) =>
        [Code[row], Constant[row], Nothing[row], Unique[row], Locator[row], Rate[row], Flag[row], Count[row], Big[row], Expires[row]];

    /// <summary>Writes the table in row groups of the given sizes (they must add up to <see cref="Rows"/>).</summary>
    public IReadOnlyList<RowGroupInfo> Write(string path, IReadOnlyList<int> rowGroups, ParquetWriterOptions? options = null)
    {
        using var stream = File.Create(path);
        using var writer = new ParquetFileWriter(stream, Fields, options);
        var start = 0;
        foreach (var rows in rowGroups)
        {
            var g = writer.BeginRowGroup(rows);
            g.WriteStrings(Code.AsSpan(start, rows));
            g.WriteStrings(Constant.AsSpan(start, rows));
            g.WriteStrings(Nothing.AsSpan(start, rows));
            g.WriteStrings(Unique.AsSpan(start, rows));
            g.WriteUtf8(new Utf8Rows(Locator, start));
            g.WriteDoubles(Rate.AsSpan(start, rows));
            g.WriteBooleans(Flag.AsSpan(start, rows));
            g.WriteInt32s(Count.AsSpan(start, rows));
            g.WriteInt64s(Big.AsSpan(start, rows));
            g.WriteDates(Expires.AsSpan(start, rows));
            g.End();
            start += rows;
        }

        Assert.Equal(Rows, start);
        writer.Close();
        Assert.Equal(Rows, writer.RowCount);
        Assert.Equal(rowGroups.Count, writer.RowGroupCount);
        return writer.RowGroups;
    }

    /// <summary>Formats strings as a caller of <see cref="IUtf8Rows"/> would: asks for more room when a value does not fit.</summary>
    internal readonly struct Utf8Rows(string?[] values, int start) : IUtf8Rows
    {
        public int Format(int row, Span<byte> destination)
        {
            var s = values[start + row];
            if (s is null)
            {
                return IUtf8Rows.Null;
            }

            var needed = Encoding.UTF8.GetByteCount(s);
            return needed > destination.Length ? IUtf8Rows.TooSmall(needed) : Encoding.UTF8.GetBytes(s, destination);
        }
    }
}
