using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake;

/// <summary>
/// The Parquet columns of a lake file, in file order. Plain types every engine reads unchanged: UTF-8 strings, DOUBLE,
/// BOOLEAN, INT32 and DATE, every column optional. The partition keys (<c>payer</c> slug, <c>code_prefix</c>) live only
/// in the folder names; the payer's full name is the column <c>payer_name</c> so it never clashes with the partition
/// column. <c>locator</c> says where in the source file the row was read (JSON path and byte offset, or CSV line).
/// </summary>
public static class LakeSchema
{
    internal static readonly IReadOnlyList<ParquetField> Fields =
    [
        new("source_file", ParquetType.Utf8),
        new("source_kind", ParquetType.Utf8),
        new("locator", ParquetType.Utf8),
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

    /// <summary>The column names in file order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = [.. Fields.Select(f => f.Name)];
}
