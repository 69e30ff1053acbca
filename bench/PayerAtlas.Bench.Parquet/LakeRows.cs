using System.Globalization;
using Parquet.Schema;

namespace PayerAtlas.Bench.Parquet;

/// <summary>
/// Rows of the lake's 29 columns (<see cref="LakeSchema"/>) as one array per column, shaped like an in-network file:
/// most strings constant for the whole file (one instance, as the readers intern them), a billing code and class that
/// change every ~11 rows (instances from a small pool), a few low-cardinality columns, a rate, counts, and a unique
/// locator per row. Like the readers' interned strings, equal values are the same instance (literals and pool entries).
/// </summary>
internal sealed class LakeRows
{
    public LakeRows(int rows, int seed = 42)
    {
        Rows = rows;
        var random = new Random(seed);
        var fields = LakeSchema.Schema.GetDataFields();
        Fields = fields;
        Columns = new Array[fields.Length];
        for (var c = 0; c < fields.Length; c++)
        {
            Columns[c] = ClrType(fields[c]) switch
            {
                var t when t == typeof(string) => new string?[rows],
                var t when t == typeof(double?) => new double?[rows],
                var t when t == typeof(bool?) => new bool?[rows],
                var t when t == typeof(int?) => new int?[rows],
                var t when t == typeof(DateOnly?) => new DateOnly?[rows],
                var t => throw new NotSupportedException(t.Name),
            };
        }

        var codes = Enumerable.Range(0, 400).Select(i => (70_000 + i * 37).ToString(CultureInfo.InvariantCulture)).ToArray();
        string[] classes = ["professional", "institutional"];
        string[] negotiatedTypes = ["negotiated", "fee schedule", "derived", "percentage"];
        string[] places = ["11", "11|22", "21|22|23"];
        string[] states = ["CA", "NY", "TX"];
        var expiration = new DateOnly(9999, 12, 31);
        for (var i = 0; i < rows; i++)
        {
            var item = i / 11;
            Text(LakeSchema.SourceFile, i, "2025-01-01_Acme-Health_in-network-rates.json.gz");
            Text(LakeSchema.SourceKind, i, "in-network");
            Text(LakeSchema.Locator, i, $"in_network[{item}].negotiated_rates[{i % 11 / 4}].negotiated_prices[{i % 4}]");
            Text(LakeSchema.ReportingEntity, i, "Acme Health Insurance Company");
            Text(LakeSchema.ReportingEntityType, i, "health insurance issuer");
            Text(LakeSchema.PayerName, i, "Acme Health");
            Text(LakeSchema.Plan, i, "Acme Gold PPO");
            Text(LakeSchema.PlanId, i, "12-3456789");
            Text(LakeSchema.PlanIdType, i, "EIN");
            Text(LakeSchema.PlanMarketType, i, "group");
            Text(LakeSchema.Network, i, "Acme Open Access");
            Text(LakeSchema.BillingCode, i, codes[item % codes.Length]);
            Text(LakeSchema.BillingCodeType, i, "CPT");
            Text(LakeSchema.BillingCodeTypeVersion, i, "2025");
            Text(LakeSchema.Modifiers, i, item % 9 == 0 ? "26" : null);
            Text(LakeSchema.NegotiationArrangement, i, "ffs");
            Text(LakeSchema.NegotiatedType, i, negotiatedTypes[item % 7 == 0 ? 1 : item % 13 == 0 ? 3 : 0]);
            Number(LakeSchema.Rate, i, Math.Round(20 + random.NextDouble() * 900, 2));
            Flag(LakeSchema.RateIsPercentage, i, item % 13 == 0);
            Number(LakeSchema.BilledCharge, i, item % 5 == 0 ? Math.Round(random.NextDouble() * 2000, 2) : null);
            Text(LakeSchema.Algorithm, i, null);
            Text(LakeSchema.BillingClass, i, classes[item % 3 == 0 ? 1 : 0]);
            Text(LakeSchema.Setting, i, item % 3 == 0 ? "both" : null);
            Text(LakeSchema.PlacesOfService, i, places[item % 3]);
            Count(LakeSchema.ProviderNpiCount, i, 1 + random.Next(40));
            Count(LakeSchema.ProviderTinCount, i, 1 + random.Next(3));
            Text(LakeSchema.State, i, item % 4 == 3 ? null : states[item % 3]);
            Date(LakeSchema.ExpirationDate, i, expiration);
            Text(LakeSchema.AdditionalInformation, i, null);
        }
    }

    public int Rows { get; }
    public DataField[] Fields { get; }
    public Array[] Columns { get; }

    /// <summary>The CLR type a lake column is declared with (LakeSchema's <c>DataField&lt;T&gt;</c>).</summary>
    public static Type ClrType(DataField field) => field.GetType().GetGenericArguments()[0];

    public Array Column(DataField field) => Columns[Array.IndexOf(Fields, field)];

    void Text(DataField field, int row, string? value) => ((string?[])Column(field))[row] = value;

    void Number(DataField field, int row, double? value) => ((double?[])Column(field))[row] = value;

    void Flag(DataField field, int row, bool? value) => ((bool?[])Column(field))[row] = value;

    void Count(DataField field, int row, int? value) => ((int?[])Column(field))[row] = value;

    void Date(DataField field, int row, DateOnly? value) => ((DateOnly?[])Column(field))[row] = value;
}
