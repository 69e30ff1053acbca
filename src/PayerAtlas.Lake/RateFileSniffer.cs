using System.Text;
using PayerAtlas.Importers.Hpt;

namespace PayerAtlas.Lake;

/// <summary>
/// Tells price-transparency layouts apart from the first bytes (after decompression), never from the name. TiC files
/// are one JSON object whose header keys come first; an in-network file's <c>in_network</c> may start only after
/// megabytes of <c>provider_references</c>, so a TiC object that names none of the other files' keys is in-network.
/// Hospital files are recognised by <see cref="HptReader.Recognises"/> (one rule for the lake and the reader).
/// </summary>
public static class RateFileSniffer
{
    public const int HeadBytes = 64 * 1024;

    public static RateFileKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        head = head.TrimStart(" \t\r\n"u8);
        if (head.IsEmpty)
        {
            return RateFileKind.Unknown;
        }

        if (head[0] == (byte)'{')
        {
            if (Has(head, "\"reporting_structure\""))
            {
                return RateFileKind.TicTableOfContents;
            }

            if (Has(head, "\"out_of_network\""))
            {
                return RateFileKind.TicAllowedAmounts;
            }

            if (HptReader.Recognises(head))
            {
                return RateFileKind.HospitalJson;
            }

            if (Has(head, "\"in_network\"") || Has(head, "\"reporting_entity_name\""))
            {
                return RateFileKind.TicInNetwork;
            }

            return Has(head, "\"provider_groups\"") ? RateFileKind.TicProviderReference : RateFileKind.Unknown;
        }

        return HptReader.Recognises(head) ? RateFileKind.HospitalCsv : RateFileKind.Unknown;
    }

    static bool Has(ReadOnlySpan<byte> head, string key) => head.IndexOf(Encoding.UTF8.GetBytes(key)) >= 0;
}
