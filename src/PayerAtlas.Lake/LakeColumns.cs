using PayerAtlas.Lake.Parquet;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Rows of one partition as columns, filled from its spill (<see cref="SpillCodec.Read"/>) and written as a Parquet row
/// group in <see cref="LakeSchema.Fields"/> order: the string columns as the runs the spill stores (never expanded into
/// rows), the others row by row. Arrays grow to the largest row group and are reused.
/// </summary>
internal sealed class LakeColumns
{
    /// <summary>The string columns as runs of equal values (one instance per value: <see cref="SpillStrings"/>).</summary>
    public readonly StringRuns[] Strings = [.. Enumerable.Range(0, LakeStrings.Count).Select(_ => new StringRuns())];

    /// <summary>The strings read back, shared by every partition this writer compacts.</summary>
    public SpillStrings Interned { get; } = new();
    public RateLocator[] Locators = [];
    public double?[] Rates = [];
    public bool?[] Percentages = [];
    public double?[] BilledCharges = [];
    public int?[] NpiCounts = [];
    public int?[] TinCounts = [];
    public DateOnly?[] Expirations = [];

    public int Count { get; private set; }

    /// <summary>Makes room for <paramref name="rows"/> more rows, counts them and returns the first one's index.</summary>
    public int Extend(int rows)
    {
        var start = Count;
        if (start + rows > Locators.Length)
        {
            var size = Math.Max(start + rows, Locators.Length * 2);
            Array.Resize(ref Locators, size);
            Array.Resize(ref Rates, size);
            Array.Resize(ref Percentages, size);
            Array.Resize(ref BilledCharges, size);
            Array.Resize(ref NpiCounts, size);
            Array.Resize(ref TinCounts, size);
            Array.Resize(ref Expirations, size);
        }

        Count += rows;
        return start;
    }

    /// <summary>Empties the columns, dropping the string references.</summary>
    public void Clear()
    {
        foreach (var column in Strings)
        {
            column.Clear();
        }

        Array.Clear(Locators, 0, Count);
        Count = 0;
    }

    /// <summary>Writes every row held as one row group.</summary>
    public void WriteRowGroup(ParquetFileWriter writer)
    {
        var n = Count;
        var g = writer.BeginRowGroup(n);
        Text(g, 0);
        Text(g, 1);
        g.WriteUtf8(new LocatorRows(Locators));
        for (var c = 2; c <= 15; c++)
        {
            Text(g, c);
        }

        g.WriteDoubles(Rates.AsSpan(0, n));
        g.WriteBooleans(Percentages.AsSpan(0, n));
        g.WriteDoubles(BilledCharges.AsSpan(0, n));
        Text(g, 16);
        Text(g, 17);
        Text(g, 18);
        Text(g, 19);
        g.WriteInt32s(NpiCounts.AsSpan(0, n));
        g.WriteInt32s(TinCounts.AsSpan(0, n));
        Text(g, 20);
        g.WriteDates(Expirations.AsSpan(0, n));
        Text(g, 21);
        g.End();
    }

    void Text(ParquetRowGroup g, int column) => g.WriteStringRuns(Strings[column].Values, Strings[column].Lengths);

    /// <summary>The locator column: formatted as UTF-8 straight into the page, no string per row.</summary>
    readonly struct LocatorRows(RateLocator[] locators) : IUtf8Rows
    {
        public int Format(int row, Span<byte> destination)
        {
            var n = locators[row].FormatUtf8(destination);
            return n >= 0 ? n : IUtf8Rows.TooSmall(System.Text.Encoding.UTF8.GetByteCount(locators[row].ToString()));
        }
    }
}
