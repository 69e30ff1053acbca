using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Hcpcs;

/// <summary>Reads the CMS alpha-numeric HCPCS file (HCPC20xx_ANWEB*.txt): Windows-1252, 320-character records.</summary>
public static class HcpcsReader
{
    public static IEnumerable<HcpcsRecord> Read(IEnumerable<TextLine> lines, string file)
    {
        // TODO(helper): implement the full layout.
        _ = lines;
        throw new ImportException(file, "HCPCS reader not implemented yet");
    }
}
