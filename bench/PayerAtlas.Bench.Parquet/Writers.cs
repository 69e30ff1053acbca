using System.Text;
using System.Globalization;
using Parquet;
using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Bench.Parquet;

/// <summary>The two writers under test, each writing the same rows in row groups of the same size.</summary>
internal static class Writers
{
    static readonly ParquetOptions Snappy = new() { CompressionMethod = CompressionMethod.Snappy };

    /// <summary>Parquet.Net 6.1 as <c>PartFileWriter</c> uses it today: one WriteAsync per column per row group.</summary>
    public static async Task ParquetNetAsync(LakeRows rows, int groupRows, Stream output)
    {
        await using var writer = await ParquetWriter.CreateAsync(LakeSchema.Schema, output, Snappy);
        for (var start = 0; start < rows.Rows; start += groupRows)
        {
            var n = Math.Min(groupRows, rows.Rows - start);
            using var g = writer.CreateRowGroup();
            for (var c = 0; c < rows.Fields.Length; c++)
            {
                var field = rows.Fields[c];
                switch (rows.Columns[c])
                {
                    case string?[] s:
                        await g.WriteAsync(field, new ArraySegment<string>(s!, start, n), null);
                        break;
                    case double?[] d:
                        await g.WriteAsync<double>(field, d.AsMemory(start, n));
                        break;
                    case bool?[] b:
                        await g.WriteAsync<bool>(field, b.AsMemory(start, n));
                        break;
                    case int?[] i:
                        await g.WriteAsync<int>(field, i.AsMemory(start, n));
                        break;
                    case DateOnly?[] dates:
                        await g.WriteAsync<DateOnly>(field, dates.AsMemory(start, n));
                        break;
                }
            }
        }
    }

    public static ParquetField[] Fields(LakeRows rows) =>
    [
        .. rows.Fields.Select(f => new ParquetField(f.Name, LakeRows.ClrType(f) switch
        {
            var t when t == typeof(string) => ParquetType.Utf8,
            var t when t == typeof(double?) => ParquetType.Double,
            var t when t == typeof(bool?) => ParquetType.Boolean,
            var t when t == typeof(int?) => ParquetType.Int32,
            _ => ParquetType.Date,
        })),
    ];

    /// <summary>
    /// <see cref="ParquetFileWriter"/>: dictionary strings, except the near-unique locator, written PLAIN through
    /// <see cref="IUtf8Rows"/> (here formatted from the string; the lake can format it from its parts).
    /// </summary>
    public static void PayerAtlas(LakeRows rows, ParquetField[] fields, int groupRows, Stream output, int only = -1, bool locatorFromParts = false)
    {
        using var writer = new ParquetFileWriter(output, only < 0 ? fields : [fields[only]]);
        var locator = Array.IndexOf(rows.Fields, LakeSchema.Locator);
        for (var start = 0; start < rows.Rows; start += groupRows)
        {
            var n = Math.Min(groupRows, rows.Rows - start);
            var g = writer.BeginRowGroup(n);
            for (var c = 0; c < rows.Fields.Length; c++)
            {
                if (only >= 0 && c != only)
                {
                    continue;
                }

                switch (rows.Columns[c])
                {
                    case string?[] when c == locator && locatorFromParts:
                        g.WriteUtf8(new LocatorParts(start));
                        break;
                    case string?[] s when c == locator:
                        g.WriteUtf8(new StringRows(s, start));
                        break;
                    case string?[] s:
                        g.WriteStrings(s.AsSpan(start, n));
                        break;
                    case double?[] d:
                        g.WriteDoubles(d.AsSpan(start, n));
                        break;
                    case bool?[] b:
                        g.WriteBooleans(b.AsSpan(start, n));
                        break;
                    case int?[] i:
                        g.WriteInt32s(i.AsSpan(start, n));
                        break;
                    case DateOnly?[] dates:
                        g.WriteDates(dates.AsSpan(start, n));
                        break;
                }
            }

            g.End();
        }

        writer.Close();
    }

    /// <summary>The locator formatted from its parts (the row's indices), as the lake could: no string per row.</summary>
    readonly struct LocatorParts(int start) : IUtf8Rows
    {
        public int Format(int row, Span<byte> destination)
        {
            var i = start + row;
            var n = Put(destination, 0, "in_network["u8);
            n += Number(destination[n..], i / 11);
            n = Put(destination, n, "].negotiated_rates["u8);
            n += Number(destination[n..], i % 11 / 4);
            n = Put(destination, n, "].negotiated_prices["u8);
            n += Number(destination[n..], i % 4);
            return Put(destination, n, "]"u8);
        }

        static int Put(Span<byte> destination, int at, ReadOnlySpan<byte> text)
        {
            text.CopyTo(destination[at..]);
            return at + text.Length;
        }

        static int Number(Span<byte> destination, int value)
        {
            value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
            return written;
        }
    }

    readonly struct StringRows(string?[] values, int start) : IUtf8Rows
    {
        public int Format(int row, Span<byte> destination)
        {
            var s = values[start + row];
            if (s is null)
            {
                return IUtf8Rows.Null;
            }

            return Encoding.UTF8.TryGetBytes(s, destination, out var written) ? written : IUtf8Rows.TooSmall(Encoding.UTF8.GetByteCount(s));
        }
    }
}
