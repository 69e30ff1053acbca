namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// PLAIN encoding of one fixed-width type plus its chunk statistics, as a mutable struct so the generic page loop in
/// <see cref="ColumnChunkWriter"/> is specialised per type (no delegate, no boxing). Little-endian hosts only.
/// </summary>
internal interface IPlainCodec<T>
    where T : struct
{
    static abstract int Width { get; }

    void Append(ref byte destination, T value);

    void Finish(ColumnChunkInfo chunk);
}
