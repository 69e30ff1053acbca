namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// A string column whose values the caller formats straight into the page buffer (no string per value), for
/// near-unique values such as locators; see <see cref="ParquetRowGroup.WriteUtf8{T}"/>.
/// </summary>
internal interface IUtf8Rows
{
    /// <summary>
    /// Writes the UTF-8 bytes of row <paramref name="row"/> into <paramref name="destination"/> (at least
    /// <see cref="MinDestination"/> bytes) and returns their length; returns <see cref="Null"/> for a null value. When the
    /// value does not fit, returns <c>-2 - neededLength</c> (see <see cref="TooSmall"/>): the writer grows the buffer to
    /// at least that many bytes and calls again for the same row.
    /// </summary>
    int Format(int row, Span<byte> destination);

    /// <summary>The smallest destination <see cref="Format"/> is given.</summary>
    const int MinDestination = 512;

    /// <summary>What <see cref="Format"/> returns for a null value.</summary>
    const int Null = -1;

    /// <summary>What <see cref="Format"/> returns when the value needs <paramref name="neededLength"/> bytes and the destination is shorter.</summary>
    static int TooSmall(int neededLength) => -2 - neededLength;
}
