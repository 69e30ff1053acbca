using PayerAtlas.Lake.Parquet;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Rows of one partition as columns, filled from its <see cref="PartitionRows"/> and written as a Parquet row group in
/// <see cref="LakeSchema.Fields"/> order: the string columns as runs of equal heads (never expanded into rows), the
/// others row by row. Arrays grow to the largest row group and are reused.
/// </summary>
internal sealed class LakeColumns
{
    /// <summary>The item columns as runs of equal values (the price columns' entries stay empty).</summary>
    public readonly Runs<string?>[] Strings = [.. Enumerable.Range(0, LakeStrings.Count).Select(_ => new Runs<string?>(StringComparer.Ordinal))];

    /// <summary>The price columns as runs of equal price heads: each column's value is its head's (written keyed).</summary>
    readonly Runs<int> priceHeads = new(EqualityComparer<int>.Default);
    HeadTable<PriceColumns>? prices;

    /// <summary>Text locators (CSV lines, readers' own paths); null where the numbers below say where.</summary>
    public readonly Runs<string?> LocatorTexts = new(StringComparer.Ordinal);

    /// <summary>A numeric locator's array indices, outermost first (<see cref="RateLocator.Indices"/>), and its byte offset.</summary>
    public int?[] JsonItems = [];
    public int?[] JsonRates = [];
    public int?[] JsonPrices = [];
    public int?[] JsonProviders = [];
    public long?[] ByteOffsets = [];
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
        if (start + rows > Rates.Length)
        {
            var size = Math.Max(start + rows, Rates.Length * 2);
            Array.Resize(ref JsonItems, size);
            Array.Resize(ref JsonRates, size);
            Array.Resize(ref JsonPrices, size);
            Array.Resize(ref JsonProviders, size);
            Array.Resize(ref ByteOffsets, size);
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

    /// <summary>
    /// Appends the partition's rows: their numbers row by row, their string columns as one run per stretch of equal
    /// item heads and one per stretch of equal price heads.
    /// </summary>
    public void Fill(PartitionRows rows, HeadTable<ItemColumns> items, HeadTable<PriceColumns> prices)
    {
        var i = Extend(rows.Count);
        var texts = rows.Texts;
        int itemHead = -1, itemRun = 0, priceHead = -1, priceRun = 0;
        var offset = 0L;
        foreach (var (block, used) in rows.Blocks())
        {
            var reader = new PartitionRows.RowReader(block.AsSpan(0, used));
            while (!reader.End)
            {
                reader.Next(ref offset, out var row);
                if (row.Item != itemHead)
                {
                    AddRun(LakeStrings.ItemColumns, itemHead < 0 ? null : items[itemHead], itemRun);
                    itemHead = row.Item;
                    itemRun = 0;
                }

                if (row.Price != priceHead)
                {
                    AddPriceRun(priceHead, priceRun);
                    priceHead = row.Price;
                    priceRun = 0;
                }

                itemRun++;
                priceRun++;
                if (row.Shape == RateLocatorShape.Text)
                {
                    LocatorTexts.Add(texts[row.Text], 1);
                    JsonItems[i] = JsonRates[i] = JsonPrices[i] = JsonProviders[i] = null;
                    ByteOffsets[i] = null;
                }
                else
                {
                    LocatorTexts.Add(null, 1);
                    JsonItems[i] = row.A;
                    JsonRates[i] = row.B;
                    JsonPrices[i] = row.C;
                    JsonProviders[i] = row.Shape == RateLocatorShape.AllowedAmountProvider ? row.D : null;
                    ByteOffsets[i] = row.Offset;
                }

                Rates[i] = row.Rate;
                BilledCharges[i] = row.Billed;
                Percentages[i] = row.IsPercentage;
                NpiCounts[i] = row.NpiCount;
                TinCounts[i] = row.TinCount;
                Expirations[i] = row.Expiration;
                i++;
            }
        }

        AddRun(LakeStrings.ItemColumns, itemHead < 0 ? null : items[itemHead], itemRun);
        AddPriceRun(priceHead, priceRun);
        this.prices = prices;
    }

    void AddPriceRun(int head, int rows)
    {
        if (head >= 0 && rows > 0)
        {
            priceHeads.Add(head, rows);
        }
    }

    void AddRun(ReadOnlySpan<int> columns, string?[]? head, int rows)
    {
        if (head is null || rows == 0)
        {
            return;
        }

        for (var c = 0; c < columns.Length; c++)
        {
            Strings[columns[c]].Add(head[c], rows);
        }
    }

    /// <summary>Empties the columns, dropping the string references.</summary>
    public void Clear()
    {
        foreach (var column in Strings)
        {
            column.Clear();
        }

        LocatorTexts.Clear();
        priceHeads.Clear();
        prices = null;
        Count = 0;
    }

    /// <summary>Writes every row held as one row group.</summary>
    public void WriteRowGroup(ParquetFileWriter writer)
    {
        var n = Count;
        var g = writer.BeginRowGroup(n);
        Text(g, 0);
        Text(g, 1);
        g.WriteStringRuns(LocatorTexts.Values, LocatorTexts.Lengths);
        g.WriteInt32s(JsonItems.AsSpan(0, n));
        g.WriteInt32s(JsonRates.AsSpan(0, n));
        g.WriteInt32s(JsonPrices.AsSpan(0, n));
        g.WriteInt32s(JsonProviders.AsSpan(0, n));
        g.WriteInt64s(ByteOffsets.AsSpan(0, n));
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

    void Text(ParquetRowGroup g, int column)
    {
        var position = LakeStrings.PricePosition(column);
        if (position < 0)
        {
            g.WriteStringRuns(Strings[column].Values, Strings[column].Lengths);
        }
        else if (!prices!.Varies(position))
        {
            // The same value in every head so far: one run, however often the heads change.
            g.WriteStringRuns([prices[priceHeads.Values[0]][position]], [Count]);
        }
        else
        {
            g.WriteKeyedRuns(priceHeads.Values, priceHeads.Lengths, new HeadColumn<PriceColumns>(prices, position));
        }
    }

    /// <summary>One column of a head table, as the Parquet writer's table of values.</summary>
    readonly struct HeadColumn<T>(HeadTable<T> table, int position) : IStringTable
        where T : struct, IHeadColumns
    {
        public int Count => table.Count;

        public string? this[int key] => table[key][position];
    }
}
