using PayerAtlas.Lake.Parquet;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// The encoder's scratch columns: a batch's rows turned into one array per <see cref="LakeSchema.Fields"/> column and
/// written as one row group. Reused from batch to batch (one set per encoder thread).
/// </summary>
internal sealed class LakeColumns
{
    string?[] text = [];
    RateLocator[] locators = [];
    double?[] doubles = [];
    bool?[] booleans = [];
    int?[] ints = [];
    DateOnly?[] dates = [];

    /// <summary>Writes <paramref name="rows"/> as one row group, columns in <see cref="LakeSchema.Fields"/> order.</summary>
    public void Write(ParquetFileWriter writer, ReadOnlySpan<RateObservation> rows)
    {
        var n = rows.Length;
        Ensure(n);
        var g = writer.BeginRowGroup(n);
        Strings(g, rows, static (in RateObservation o) => o.SourceFile);
        Strings(g, rows, static (in RateObservation o) => RowBatch.KindName(o.SourceKind));
        for (var i = 0; i < n; i++)
        {
            locators[i] = rows[i].Locator;
        }

        g.WriteUtf8(new LocatorRows(locators));
        Strings(g, rows, static (in RateObservation o) => o.ReportingEntity);
        Strings(g, rows, static (in RateObservation o) => o.ReportingEntityType);
        Strings(g, rows, static (in RateObservation o) => o.Payer);
        Strings(g, rows, static (in RateObservation o) => o.Plan);
        Strings(g, rows, static (in RateObservation o) => o.PlanId);
        Strings(g, rows, static (in RateObservation o) => o.PlanIdType);
        Strings(g, rows, static (in RateObservation o) => o.PlanMarketType);
        Strings(g, rows, static (in RateObservation o) => o.Network);
        Strings(g, rows, static (in RateObservation o) => o.BillingCode);
        Strings(g, rows, static (in RateObservation o) => o.BillingCodeType);
        Strings(g, rows, static (in RateObservation o) => o.BillingCodeTypeVersion);
        Strings(g, rows, static (in RateObservation o) => o.Modifiers);
        Strings(g, rows, static (in RateObservation o) => o.NegotiationArrangement);
        Strings(g, rows, static (in RateObservation o) => o.NegotiatedType);
        for (var i = 0; i < n; i++)
        {
            doubles[i] = rows[i].Rate is { } r ? (double)r : null;
        }

        g.WriteDoubles(doubles.AsSpan(0, n));
        for (var i = 0; i < n; i++)
        {
            booleans[i] = rows[i].RateIsPercentage;
        }

        g.WriteBooleans(booleans.AsSpan(0, n));
        for (var i = 0; i < n; i++)
        {
            doubles[i] = rows[i].BilledCharge is { } c ? (double)c : null;
        }

        g.WriteDoubles(doubles.AsSpan(0, n));
        Strings(g, rows, static (in RateObservation o) => o.Algorithm);
        Strings(g, rows, static (in RateObservation o) => RowBatch.ClassName(o.BillingClass));
        Strings(g, rows, static (in RateObservation o) => o.Setting);
        Strings(g, rows, static (in RateObservation o) => o.PlacesOfService);
        for (var i = 0; i < n; i++)
        {
            ints[i] = rows[i].ProviderNpiCount;
        }

        g.WriteInt32s(ints.AsSpan(0, n));
        for (var i = 0; i < n; i++)
        {
            ints[i] = rows[i].ProviderTinCount;
        }

        g.WriteInt32s(ints.AsSpan(0, n));
        Strings(g, rows, static (in RateObservation o) => o.State);
        for (var i = 0; i < n; i++)
        {
            dates[i] = rows[i].ExpirationDate;
        }

        g.WriteDates(dates.AsSpan(0, n));
        Strings(g, rows, static (in RateObservation o) => o.AdditionalInformation);
        g.End();

        // Drop the references so the scratch keeps no source data alive between batches.
        text.AsSpan(0, n).Clear();
        locators.AsSpan(0, n).Clear();
    }

    delegate string? Field(in RateObservation o);

    void Strings(ParquetRowGroup g, ReadOnlySpan<RateObservation> rows, Field field)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            text[i] = field(in rows[i]);
        }

        g.WriteStrings(text.AsSpan(0, rows.Length));
    }

    void Ensure(int n)
    {
        if (text.Length < n)
        {
            text = new string?[n];
            locators = new RateLocator[n];
            doubles = new double?[n];
            booleans = new bool?[n];
            ints = new int?[n];
            dates = new DateOnly?[n];
        }
    }

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
