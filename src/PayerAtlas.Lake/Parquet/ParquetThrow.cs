using System.Diagnostics.CodeAnalysis;

namespace PayerAtlas.Lake.Parquet;

/// <summary>Throw helpers, kept out of the hot loops.</summary>
internal static class ParquetThrow
{
    [DoesNotReturn]
    public static void Misuse(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    public static void FormatTooSmall(ParquetField field, int row, int given, int result) => throw new InvalidOperationException(
        $"IUtf8Rows.Format for column '{field.Name}' row {row} returned {result} (too small) again after being given {given} bytes.");

    [DoesNotReturn]
    public static void FormatOverran(ParquetField field, int row, int length, int given) => throw new InvalidOperationException(
        $"IUtf8Rows.Format for column '{field.Name}' row {row} returned length {length}, more than the {given} bytes it was given.");
}
