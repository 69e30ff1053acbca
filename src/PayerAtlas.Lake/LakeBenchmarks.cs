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
    const string Sql = """
        WITH rows AS (
            SELECT payer_name, state, billing_class, coalesce(modifiers, '') AS modifiers, rate,
                   coalesce(rate_is_percentage, false) AS pct,
                   coalesce(expiration_date < $as_of, false) AS expired, source_file
            FROM read_parquet($glob, hive_partitioning = true, hive_types_autocast = false, union_by_name = true)
            WHERE code_prefix = $prefix AND billing_code = $code
              AND ($payer IS NULL OR payer_name = $payer)
              AND ($state IS NULL OR state = $state)
        ),
        kept AS (SELECT * FROM rows WHERE $include_expired OR NOT expired),
        stats AS (
            SELECT payer_name, state, billing_class, modifiers,
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
            SELECT s.payer_name, s.state, s.billing_class, s.modifiers, count(*) AS n
            FROM kept k JOIN stats s
              ON k.payer_name IS NOT DISTINCT FROM s.payer_name AND k.state IS NOT DISTINCT FROM s.state
             AND k.billing_class IS NOT DISTINCT FROM s.billing_class AND k.modifiers = s.modifiers
            WHERE NOT k.pct AND k.rate IS NOT NULL
              AND (k.rate < s.q[2] - 3 * (s.q[4] - s.q[2]) OR k.rate > s.q[4] + 3 * (s.q[4] - s.q[2]))
            GROUP BY ALL
        ),
        expired AS (
            SELECT payer_name, state, billing_class, modifiers, count(*) AS n
            FROM rows WHERE expired AND NOT $include_expired
            GROUP BY ALL
        )
        SELECT s.payer_name, s.state, s.billing_class, s.modifiers, s.n, s.lo, s.q[1], s.q[2], s.q[3], s.q[4], s.q[5], s.hi,
               s.mean, coalesce(o.n, 0), s.pct_n, coalesce(e.n, 0), s.sources
        FROM stats s
        LEFT JOIN outliers o ON o.payer_name IS NOT DISTINCT FROM s.payer_name AND o.state IS NOT DISTINCT FROM s.state
             AND o.billing_class IS NOT DISTINCT FROM s.billing_class AND o.modifiers = s.modifiers
        LEFT JOIN expired e ON e.payer_name IS NOT DISTINCT FROM s.payer_name AND e.state IS NOT DISTINCT FROM s.state
             AND e.billing_class IS NOT DISTINCT FROM s.billing_class AND e.modifiers = s.modifiers
        WHERE s.n > 0
        ORDER BY s.payer_name, s.state NULLS FIRST, s.billing_class NULLS FIRST, s.modifiers
        """;

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

        lock (gate)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Sql;
            cmd.Parameters.Add(new DuckDBParameter("glob", LakeLayout.ParquetGlob(root)));
            cmd.Parameters.Add(new DuckDBParameter("prefix", LakeLayout.CodePrefix(code)));
            cmd.Parameters.Add(new DuckDBParameter("code", code));
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
                    BillingCode = code,
                    Payer = reader.GetString(0),
                    State = reader.IsDBNull(1) ? null : reader.GetString(1),
                    BillingClass = reader.IsDBNull(2) ? null : ParseClass(reader.GetString(2)),
                    Modifiers = reader.GetString(3),
                    Count = Convert.ToInt64(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
                    Min = Money(reader, 5),
                    P10 = Money(reader, 6),
                    P25 = Money(reader, 7),
                    Median = Money(reader, 8),
                    P75 = Money(reader, 9),
                    P90 = Money(reader, 10),
                    Max = Money(reader, 11),
                    Mean = Money(reader, 12),
                    OutlierCount = Convert.ToInt64(reader.GetValue(13), System.Globalization.CultureInfo.InvariantCulture),
                    PercentageCount = Convert.ToInt64(reader.GetValue(14), System.Globalization.CultureInfo.InvariantCulture),
                    ExpiredCount = Convert.ToInt64(reader.GetValue(15), System.Globalization.CultureInfo.InvariantCulture),
                    SourceFiles = ((IEnumerable)reader.GetValue(16)).Cast<object?>().Select(s => s?.ToString() ?? "").ToList(),
                });
            }

            return result;
        }
    }

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
