namespace PayerAtlas.Importers.Tic;

/// <summary>
/// A Transparency-in-Coverage file that cannot be read as its schema says: the file, the byte offset in the
/// uncompressed JSON, the JSON path of the value at fault and why.
/// </summary>
public sealed class TicFormatException : Exception
{
    public TicFormatException(string file, long byteOffset, string jsonPath, string reason, Exception? inner = null)
        : base($"{file} @ byte {byteOffset} ({jsonPath}): {reason}", inner)
    {
        File = file;
        ByteOffset = byteOffset;
        JsonPath = jsonPath;
        Reason = reason;
    }

    public string File { get; }

    /// <summary>Offset of the offending token in the uncompressed JSON (for a gzip file: after decompression).</summary>
    public long ByteOffset { get; }

    /// <summary>Where in the document, e.g. <c>$.in_network[3].negotiated_rates[0].negotiated_prices[1].negotiated_rate</c>.</summary>
    public string JsonPath { get; }

    public string Reason { get; }
}
