using System.Collections;
using System.Data.Common;
using DuckDB.NET.Data;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// Benchmarks straight off the lake's Parquet with DuckDB: per code × payer × state × billing class × modifiers, the
/// dollar observations' count, P10/P25/median/P75/P90 (<c>quantile_cont</c>: linear interpolation), mean, min, max;
/// percentage rows counted apart, expired rates dropped (and counted) unless asked for, and outliers
/// (outside P25 − 3·IQR … P75 + 3·IQR) counted. Every user value is a query parameter.
/// </summary>
public sealed class LakeBenchmarks : IRateBenchmarks, IDisposable
{
    const string Template = """
        WITH rows AS (
            SELECT billing_code, payer_name, state, billing_class, coalesce(modifiers, '') AS modifiers, rate,
                   coalesce(rate_is_percentage, false) AS pct,
                   coalesce(expiration_date < $as_of, false) AS expired, source_file
            FROM read_parquet($glob, hive_partitioning = true, hive_types_autocast = false, union_by_name = true)
            WHERE {codes}
              AND coalesce(payer_name, '') <> ''
              AND ($payer IS NULL OR payer_name = $payer)
              AND ($state IS NULL OR state = $state)
        ),
        kept AS (SELECT * FROM rows WHERE $include_expired OR NOT expired),
        stats AS (
            SELECT billing_code, payer_name, state, billing_class, modifiers,
                   count(rate) FILTER (WHERE NOT pct) AS n,
                   min(rate) FILTER (WHERE NOT pct) AS lo,
                   max(rate) FILTER (WHERE NOT pct) AS hi,
                   avg(rate) FILTER (WHERE NOT pct) AS mean,
                   quantile_cont(rate, [0.1, 0.25, 0.5, 0.75, 0.9]) FILTER (WHERE NOT pct) AS q,
                   count(*) FILTER (WHERE pct) AS pct_n,
                   list_sort(list_distinct(list(source_file))) AS sources
            FROM kept
            GROUP BY ALL
        ),
        outliers AS (
            SELECT s.billing_code, s.payer_name, s.state, s.billing_class, s.modifiers, count(*) AS n
            FROM kept k JOIN stats s
              ON k.billing_code = s.billing_code AND k.payer_name IS NOT DISTINCT FROM s.payer_name AND k.state IS NOT DISTINCT FROM s.state
             AND k.billing_class IS NOT DISTINCT FROM s.billing_class AND k.modifiers = s.modifiers
            WHERE NOT k.pct AND k.rate IS NOT NULL
              AND (k.rate < s.q[2] - 3 * (s.q[4] - s.q[2]) OR k.rate > s.q[4] + 3 * (s.q[4] - s.q[2]))
            GROUP BY ALL
        ),
        expired AS (
            SELECT billing_code, payer_name, state, billing_class, modifiers, count(*) AS n
            FROM rows WHERE expired AND NOT $include_expired
            GROUP BY ALL
        )
        SELECT s.billing_code, s.payer_name, s.state, s.billing_class, s.modifiers, s.n, s.lo, s.q[1], s.q[2], s.q[3], s.q[4], s.q[5], s.hi,
               s.mean, coalesce(o.n, 0), s.pct_n, coalesce(e.n, 0), s.sources
        FROM stats s
        LEFT JOIN outliers o ON o.billing_code = s.billing_code AND o.payer_name IS NOT DISTINCT FROM s.payer_name AND o.state IS NOT DISTINCT FROM s.state
             AND o.billing_class IS NOT DISTINCT FROM s.billing_class AND o.modifiers = s.modifiers
        LEFT JOIN expired e ON e.billing_code = s.billing_code AND e.payer_name IS NOT DISTINCT FROM s.payer_name AND e.state IS NOT DISTINCT FROM s.state
             AND e.billing_class IS NOT DISTINCT FROM s.billing_class AND e.modifiers = s.modifiers
        WHERE s.n > 0
        ORDER BY s.billing_code, s.payer_name, s.state NULLS FIRST, s.billing_class NULLS FIRST, s.modifiers
        """;

    /// <summary>One code: the Hive partition of its prefix, then the code.</summary>
    static readonly string OneCode = Template.Replace("{codes}", "code_prefix = $prefix AND billing_code = $code", StringComparison.Ordinal);

    /// <summary>Every code of the lake at once (the same figures, grouped by code as well).</summary>
    static readonly string AllCodes = Template.Replace("{codes}", "billing_code IS NOT NULL", StringComparison.Ordinal);

    /// <summary>
    /// The hospitals' payer-independent charges (payer empty, one row per charge kind), folded per item in C#. The
    /// parts are read together with an empty relation of the numeric locator columns, so a lake written before they
    /// existed (its locators all text) reads too.
    /// </summary>
    const string HospitalTemplate = """
        SELECT billing_code, reporting_entity, state, setting, coalesce(modifiers, '') AS modifiers, negotiated_type, rate,
               source_file, {locator} AS locator
        FROM (SELECT * FROM read_parquet($glob, hive_partitioning = true, hive_types_autocast = false, union_by_name = true)
              UNION ALL BY NAME {locatorColumns})
        WHERE {codes}
          AND coalesce(payer_name, '') = ''
          AND negotiated_type IN ({types})
          AND rate IS NOT NULL AND NOT coalesce(rate_is_percentage, false)
        """;

    static readonly string HospitalTypes = HospitalTemplate.Replace("{locator}", LakeSchema.LocatorSql, StringComparison.Ordinal).Replace("{locatorColumns}", LakeSchema.LocatorColumnsSql, StringComparison.Ordinal).Replace("{types}", string.Join(", ", HospitalCharge.Types.Select(t => $"'{t}'")), StringComparison.Ordinal);
    static readonly string HospitalOneCode = HospitalTypes.Replace("{codes}", "code_prefix = $prefix AND billing_code = $code", StringComparison.Ordinal);
    static readonly string HospitalAllCodes = HospitalTypes.Replace("{codes}", "billing_code IS NOT NULL", StringComparison.Ordinal);

    readonly string root;
    readonly DuckDBConnection connection;
    readonly Lock gate = new();

    public LakeBenchmarks(string lakeRoot)
    {
        root = Path.GetFullPath(lakeRoot);
        connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
    }

    public IReadOnlyList<RateBenchmark> For(RateBenchmarkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var code = query.BillingCode.Trim().ToUpperInvariant();
        if (code.Length == 0 || !HasParts())
        {
            return [];
        }

        return Run(OneCode, query, code);
    }

    /// <summary>
    /// The benchmarks of every code in the lake in one pass over the Parquet (what <see cref="For"/> gives per code,
    /// for a query without payer or state), keyed by code. A site build asks once per code; this asks once.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RateBenchmark>> ForAllCodes(DateOnly? asOf = null, bool includeExpired = false)
    {
        if (!HasParts())
        {
            return new Dictionary<string, IReadOnlyList<RateBenchmark>>(StringComparer.Ordinal);
        }

        var rows = Run(AllCodes, new RateBenchmarkQuery { BillingCode = "", AsOf = asOf, IncludeExpired = includeExpired }, null);
        return rows.GroupBy(b => b.BillingCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RateBenchmark>)g.ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyList<HospitalCharge> HospitalCharges(string billingCode)
    {
        var code = billingCode.Trim().ToUpperInvariant();
        return code.Length == 0 || !HasParts() ? [] : HospitalCharge.Fold(HospitalRows(HospitalOneCode, code));
    }

    /// <summary>Every code's hospital charges in one pass over the Parquet (what <see cref="HospitalCharges"/> gives per code), keyed by code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<HospitalCharge>> HospitalChargesForAllCodes() =>
        !HasParts()
            ? new Dictionary<string, IReadOnlyList<HospitalCharge>>(StringComparer.Ordinal)
            : HospitalCharge.Fold(HospitalRows(HospitalAllCodes, null))
                .GroupBy(c => c.BillingCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<HospitalCharge>)g.ToList(), StringComparer.Ordinal);

    List<HospitalChargeRow> HospitalRows(string sql, string? code)
    {
        lock (gate)
        {
            using var cmd = Command(sql, code);
            using var reader = cmd.ExecuteReader();
            var rows = new List<HospitalChargeRow>();
            while (reader.Read())
            {
                rows.Add(new HospitalChargeRow(
                    reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4), reader.GetString(5), Money(reader, 6), reader.GetString(7), reader.GetString(8)));
            }

            return rows;
        }
    }

    List<RateBenchmark> Run(string sql, RateBenchmarkQuery query, string? code)
    {
        lock (gate)
        {
            using var cmd = Command(sql, code);
            cmd.Parameters.Add(new DuckDBParameter("payer", (object?)query.Payer ?? DBNull.Value));
            cmd.Parameters.Add(new DuckDBParameter("state", (object?)query.State?.Trim().ToUpperInvariant() ?? DBNull.Value));
            cmd.Parameters.Add(new DuckDBParameter("as_of", query.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow)));
            cmd.Parameters.Add(new DuckDBParameter("include_expired", query.IncludeExpired));
            using var reader = cmd.ExecuteReader();
            var result = new List<RateBenchmark>();
            while (reader.Read())
            {
                result.Add(new RateBenchmark
                {
                    BillingCode = code ?? reader.GetString(0),
                    Payer = reader.GetString(1),
                    State = reader.IsDBNull(2) ? null : reader.GetString(2),
                    BillingClass = reader.IsDBNull(3) ? null : ParseClass(reader.GetString(3)),
                    Modifiers = reader.GetString(4),
                    Count = Count(reader, 5),
                    Min = Money(reader, 6),
                    P10 = Money(reader, 7),
                    P25 = Money(reader, 8),
                    Median = Money(reader, 9),
                    P75 = Money(reader, 10),
                    P90 = Money(reader, 11),
                    Max = Money(reader, 12),
                    Mean = Money(reader, 13),
                    OutlierCount = Count(reader, 14),
                    PercentageCount = Count(reader, 15),
                    ExpiredCount = Count(reader, 16),
                    SourceFiles = ((IEnumerable)reader.GetValue(17)).Cast<object?>().Select(s => s?.ToString() ?? "").ToList(),
                });
            }

            return result;
        }
    }

    /// <summary>A query over the lake's parts: the glob, and for one code its partition prefix and the code.</summary>
    DuckDBCommand Command(string sql, string? code)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.Add(new DuckDBParameter("glob", LakeLayout.ParquetGlob(root)));
        if (code is not null)
        {
            cmd.Parameters.Add(new DuckDBParameter("prefix", LakeLayout.CodePrefix(code)));
            cmd.Parameters.Add(new DuckDBParameter("code", code));
        }

        return cmd;
    }

    static long Count(DbDataReader reader, int i) => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Rates are stored as DOUBLE; figures come back as decimals rounded to four places (DECIMAL(18,4)).</summary>
    static decimal Money(DbDataReader reader, int i) => Math.Round((decimal)Convert.ToDouble(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture), 4, MidpointRounding.AwayFromZero);

    static BillingClass? ParseClass(string text) => text switch
    {
        "professional" => BillingClass.Professional,
        "institutional" => BillingClass.Institutional,
        "both" => BillingClass.Both,
        _ => null,
    };

    bool HasParts() => Directory.Exists(root) && Directory.EnumerateDirectories(root, "payer=*").Any();

    public void Dispose() => connection.Dispose();
}
