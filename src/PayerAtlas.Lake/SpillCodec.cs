using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// The staging spill format: a batch of one partition as a row count and its columns one after another. String
/// columns are runs (count, value): the many columns that are constant across a file cost a few bytes per batch, a
/// code a run per price list. Locators keep their numbers (7-bit varints), rates their double (the lake's type).
/// </summary>
internal static class SpillCodec
{
    /// <param name="runs">The encoder's scratch: the string columns' runs, gathered in one pass over the rows.</param>
    public static void Write(SpillBuffer w, ReadOnlySpan<RateObservation> rows, StringRuns[] runs)
    {
        var n = rows.Length;
        w.Int32(n);
        if (n == 0)
        {
            return;
        }

        // One pass over the rows (each row's fields read once, no per-column dispatch), then the runs column by column.
        foreach (ref readonly var o in rows)
        {
            LakeStrings.AddRow(runs, in o);
        }

        foreach (var column in runs)
        {
            for (var r = 0; r < column.Values.Length; r++)
            {
                Run(w, column.Lengths[r], column.Values[r]);
            }

            column.Clear();
        }

        foreach (ref readonly var o in rows)
        {
            var l = o.Locator;
            w.Byte((byte)l.Shape);
            if (l.Shape == RateLocatorShape.Text)
            {
                w.String(l.TextValue ?? "");
                continue;
            }

            var (a, b, cc, d) = l.Indices;
            w.Varint((uint)a);
            w.Varint((uint)b);
            w.Varint((uint)cc);
            w.Varint((uint)d);
            w.Varint((ulong)l.RawOffset);
        }

        foreach (ref readonly var o in rows)
        {
            Double(w, o.Rate is { } r ? (double)r : null);
            Double(w, o.BilledCharge is { } b ? (double)b : null);
            w.Byte(o.RateIsPercentage ? (byte)1 : (byte)0);
            w.Varint((uint)o.ProviderNpiCount);
            w.Varint((uint)o.ProviderTinCount);
            w.Varint(o.ExpirationDate is { } e ? (uint)(e.DayNumber + 1) : 0);
        }
    }

    /// <summary>Appends the next spilled batch to <paramref name="columns"/>; false at the end of the spill.</summary>
    public static bool Read(ref SpillReader r, LakeColumns columns)
    {
        if (r.End)
        {
            return false;
        }

        var n = r.Int32();
        var start = columns.Extend(n);
        var end = start + n;
        for (var c = 0; c < LakeStrings.Count; c++)
        {
            var column = columns.Strings[c];
            for (var i = start; i < end;)
            {
                var run = checked((int)r.Varint());
                var value = r.Byte() == 0 ? null : r.String(columns.Interned);
                if (run <= 0 || i + run > end)
                {
                    throw new InvalidDataException("spill file is corrupt: a run overruns its batch");
                }

                column.Add(value, run);
                i += run;
            }
        }

        for (var i = start; i < end; i++)
        {
            var shape = (RateLocatorShape)r.Byte();
            columns.Locators[i] = shape == RateLocatorShape.Text
                ? RateLocator.Text(r.String())
                : RateLocator.FromParts(shape, null, (int)r.Varint(), (int)r.Varint(), (int)r.Varint(), (int)r.Varint(), (long)r.Varint());
        }

        for (var i = start; i < end; i++)
        {
            columns.Rates[i] = ReadDouble(ref r);
            columns.BilledCharges[i] = ReadDouble(ref r);
            columns.Percentages[i] = r.Byte() != 0;
            columns.NpiCounts[i] = (int)r.Varint();
            columns.TinCounts[i] = (int)r.Varint();
            var day = (int)r.Varint();
            columns.Expirations[i] = day == 0 ? null : DateOnly.FromDayNumber(day - 1);
        }

        return true;
    }

    static void Run(SpillBuffer w, int run, string? value)
    {
        w.Varint((uint)run);
        if (value is null)
        {
            w.Byte(0);
        }
        else
        {
            w.Byte(1);
            w.String(value);
        }
    }

    static void Double(SpillBuffer w, double? value)
    {
        if (value is { } v)
        {
            w.Byte(1);
            w.Double(v);
        }
        else
        {
            w.Byte(0);
        }
    }

    static double? ReadDouble(ref SpillReader r) => r.Byte() == 0 ? null : r.Double();
}
