using System.IO.Compression;
using PayerAtlas.Claims.Input;
using PayerAtlas.Importing;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Hpt;

/// <summary>
/// Reads a hospital standard-charges file (CMS template v2.x or v3.x; CSV tall, CSV wide or JSON; plain or
/// gzip) into <see cref="RateObservation"/>s. The layout is recognised from the content: JSON by its first
/// byte, tall vs wide by the charge header, the version by the general data, never by the file name.
/// Structural errors (not a hospital file, missing required column, unknown version, malformed JSON) throw an
/// <see cref="ImportException"/> naming the file and line/column or byte offset and JSON path; a bad row is a
/// counted <see cref="HptRejection"/>.
/// </summary>
public static class HptReader
{
    /// <summary>How many rejections a report details (all are counted).</summary>
    public const int MaxRejectionDetails = 100;

    public static HptReport Read(string path, IRateSink sink, string? name = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, name ?? path, sink);
    }

    public static HptReport Read(Stream stream, string file, IRateSink sink)
    {
        var head = new byte[64];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n == 0)
        {
            throw new ImportException(file, "file is empty");
        }

        if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            using var gzip = new GZipStream(new ReplayStream(head.AsMemory(0, n), stream), CompressionMode.Decompress);
            return Read(gzip, file, sink);
        }

        var replay = stream.CanSeek ? Rewind(stream) : new ReplayStream(head.AsMemory(0, n), stream);
        return IsJson(head.AsSpan(0, n)) ? HptJsonReader.Read(replay, file, sink) : HptCsvReader.Read(replay, file, sink);
    }

    /// <summary>How much of a file's start <see cref="Recognises"/> wants.</summary>
    public const int SniffBytes = 16 * 1024;

    /// <summary>
    /// Whether a file's first bytes (plain, up to <see cref="SniffBytes"/>) look like a hospital standard-charges file,
    /// so an ingest can tell it from a TiC file: a CSV whose first line names <c>hospital_name</c> and <c>version</c>,
    /// or JSON with a <c>hospital_name</c> or <c>standard_charge_information</c> property near the top.
    /// </summary>
    public static bool Recognises(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        if (IsJson(head))
        {
            return head.IndexOf("\"hospital_name\""u8) >= 0 || head.IndexOf("\"standard_charge_information\""u8) >= 0;
        }

        var newline = head.IndexOf((byte)'\n');
        var first = newline < 0 ? head : head[..newline];
        return first.IndexOf("hospital_name"u8) >= 0 && first.IndexOf("version"u8) >= 0;
    }

    static Stream Rewind(Stream stream)
    {
        stream.Position = 0;
        return stream;
    }

    static bool IsJson(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var trimmed = head.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] == (byte)'{';
    }
}
