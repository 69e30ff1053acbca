using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake;

/// <summary>
/// The Parquet columns of a lake file, in file order. Plain types every engine reads unchanged: UTF-8 strings, DOUBLE,
/// BOOLEAN, INT32, INT64 and DATE, every column optional. The partition keys (<c>payer</c> slug, <c>code_prefix</c>) live
/// only in the folder names; the payer's full name is the column <c>payer_name</c> so it never clashes with the
/// partition column.
/// <para>
/// Where in the source file a row was read: for a TiC price, the JSON array indices (<c>json_item</c> in
/// <c>in_network</c> or <c>out_of_network</c>, <c>json_rate</c> in <c>negotiated_rates</c> or <c>allowed_amounts</c>,
/// <c>json_price</c> in <c>negotiated_prices</c> or <c>payments</c>, <c>json_provider</c> in <c>providers</c> for
/// allowed amounts only) and <c>byte_offset</c> in the uncompressed JSON, as numbers (a JSON path per row as text was
/// half the lake's bytes); for other rows the text in <c>locator</c> (a CSV line, a reader's own path).
/// <see cref="LocatorSql"/> gives the citation text either way.
/// </para>
/// </summary>
public static class LakeSchema
{
    internal static readonly IReadOnlyList<ParquetField> Fields =
    [
        new("source_file", ParquetType.Utf8),
        new("source_kind", ParquetType.Utf8),
        new("locator", ParquetType.Utf8),
        new("json_item", ParquetType.Int32),
        new("json_rate", ParquetType.Int32),
        new("json_price", ParquetType.Int32),
        new("json_provider", ParquetType.Int32),
        new("byte_offset", ParquetType.Int64),
        new("reporting_entity", ParquetType.Utf8),
        new("reporting_entity_type", ParquetType.Utf8),
        new("payer_name", ParquetType.Utf8),
        new("plan_name", ParquetType.Utf8),
        new("plan_id", ParquetType.Utf8),
        new("plan_id_type", ParquetType.Utf8),
        new("plan_market_type", ParquetType.Utf8),
        new("network", ParquetType.Utf8),
        new("billing_code", ParquetType.Utf8),
        new("billing_code_type", ParquetType.Utf8),
        new("billing_code_type_version", ParquetType.Utf8),
        new("modifiers", ParquetType.Utf8),
        new("negotiation_arrangement", ParquetType.Utf8),
        new("negotiated_type", ParquetType.Utf8),
        new("rate", ParquetType.Double),
        new("rate_is_percentage", ParquetType.Boolean),
        new("billed_charge", ParquetType.Double),
        new("algorithm", ParquetType.Utf8),
        new("billing_class", ParquetType.Utf8),
        new("setting", ParquetType.Utf8),
        new("places_of_service", ParquetType.Utf8),
        new("provider_npi_count", ParquetType.Int32),
        new("provider_tin_count", ParquetType.Int32),
        new("state", ParquetType.Utf8),
        new("expiration_date", ParquetType.Date),
        new("additional_information", ParquetType.Utf8),
    ];

    /// <summary>
    /// A SQL expression (DuckDB, Spark, Trino: standard <c>||</c>, <c>CASE</c>, <c>coalesce</c>) for a row's locator as
    /// <see cref="PayerAtlas.Rates.RateLocator"/> writes it: <c>$.in_network[12].negotiated_rates[0].negotiated_prices[1] @ 48213</c>.
    /// </summary>
    public const string LocatorSql = """
        coalesce(locator, CASE WHEN json_provider IS NULL
          THEN '$.in_network[' || json_item || '].negotiated_rates[' || json_rate || '].negotiated_prices[' || json_price || '] @ ' || byte_offset
          ELSE '$.out_of_network[' || json_item || '].allowed_amounts[' || json_rate || '].payments[' || json_price || '].providers[' || json_provider || '] @ ' || byte_offset
        END)
        """;

    /// <summary>
    /// An empty relation of the numeric locator columns, typed: <c>UNION ALL BY NAME</c> with the parts makes
    /// <see cref="LocatorSql"/> work on a lake whose files all predate those columns (every locator text).
    /// </summary>
    public const string LocatorColumnsSql =
        "SELECT NULL::INTEGER AS json_item, NULL::INTEGER AS json_rate, NULL::INTEGER AS json_price, NULL::INTEGER AS json_provider, NULL::BIGINT AS byte_offset WHERE false";

    /// <summary>The column names in file order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = [.. Fields.Select(f => f.Name)];
}
