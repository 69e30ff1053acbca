namespace PayerAtlas.Lake;

/// <summary>
/// The staging spill format: a batch as a row count and its columns one after another. A string equal (same instance
/// or same text) to the row above is one byte, so the many columns that are constant across a file cost almost
/// nothing to write or read back, and read-back shares one string instance for the run.
/// </summary>
internal static class SpillCodec
{
    const byte Null = 0, Same = 1, Value = 2;

    public static void Write(BinaryWriter w, RowBatch b)
    {
        var n = b.Count;
        w.Write(n);
        foreach (var column in Strings(b))
        {
            string? previous = null;
            for (var i = 0; i < n; i++)
            {
                var v = column[i];
                if (v is null)
                {
                    w.Write(Null);
                }
                else if (previous is not null && (ReferenceEquals(v, previous) || v == previous))
                {
                    w.Write(Same);
                }
                else
                {
                    w.Write(Value);
                    w.Write(v);
                    previous = v;
                }
            }
        }

        Doubles(w, b.Rate, n);
        Doubles(w, b.BilledCharge, n);
        for (var i = 0; i < n; i++)
        {
            w.Write(b.RateIsPercentage[i] is { } p ? (byte)(p ? 2 : 1) : (byte)0);
        }

        Ints(w, b.ProviderNpiCount, n);
        Ints(w, b.ProviderTinCount, n);
        for (var i = 0; i < n; i++)
        {
            w.Write(b.ExpirationDate[i] is { } d ? d.DayNumber : -1);
        }
    }

    /// <summary>Appends the next spilled batch to <paramref name="b"/>; false at the end of the spill.</summary>
    public static bool Read(BinaryReader r, RowBatch b)
    {
        if (r.BaseStream.Position >= r.BaseStream.Length)
        {
            return false;
        }

        var n = r.ReadInt32();
        var start = b.Extend(n);
        foreach (var column in Strings(b))
        {
            string? previous = null;
            for (var i = start; i < start + n; i++)
            {
                switch (r.ReadByte())
                {
                    case Null:
                        column[i] = null;
                        break;
                    case Same:
                        column[i] = previous;
                        break;
                    default:
                        column[i] = previous = r.ReadString();
                        break;
                }
            }
        }

        ReadDoubles(r, b.Rate, start, n);
        ReadDoubles(r, b.BilledCharge, start, n);
        for (var i = start; i < start + n; i++)
        {
            var p = r.ReadByte();
            b.RateIsPercentage[i] = p == 0 ? null : p == 2;
        }

        ReadInts(r, b.ProviderNpiCount, start, n);
        ReadInts(r, b.ProviderTinCount, start, n);
        for (var i = start; i < start + n; i++)
        {
            var day = r.ReadInt32();
            b.ExpirationDate[i] = day < 0 ? null : DateOnly.FromDayNumber(day);
        }

        return true;
    }

    static string?[][] Strings(RowBatch b) =>
    [
        b.SourceFile, b.SourceKind, b.Locator, b.ReportingEntity, b.ReportingEntityType, b.PayerName, b.Plan, b.PlanId, b.PlanIdType,
        b.PlanMarketType, b.Network, b.BillingCode, b.BillingCodeType, b.BillingCodeTypeVersion, b.Modifiers, b.NegotiationArrangement,
        b.NegotiatedType, b.Algorithm, b.BillingClass, b.Setting, b.PlacesOfService, b.State, b.AdditionalInformation,
    ];

    static void Doubles(BinaryWriter w, double?[] values, int n)
    {
        for (var i = 0; i < n; i++)
        {
            if (values[i] is { } v)
            {
                w.Write((byte)1);
                w.Write(v);
            }
            else
            {
                w.Write((byte)0);
            }
        }
    }

    static void ReadDoubles(BinaryReader r, double?[] values, int start, int n)
    {
        for (var i = start; i < start + n; i++)
        {
            values[i] = r.ReadByte() == 0 ? null : r.ReadDouble();
        }
    }

    static void Ints(BinaryWriter w, int?[] values, int n)
    {
        for (var i = 0; i < n; i++)
        {
            w.Write(values[i] ?? int.MinValue);
        }
    }

    static void ReadInts(BinaryReader r, int?[] values, int start, int n)
    {
        for (var i = start; i < start + n; i++)
        {
            var v = r.ReadInt32();
            values[i] = v == int.MinValue ? null : v;
        }
    }
}
