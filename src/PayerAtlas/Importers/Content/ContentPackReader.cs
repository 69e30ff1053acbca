using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Content;

/// <summary>Reads one content-pack file: YAML front matter between '---' lines, then a Markdown body.</summary>
public static class ContentPackReader
{
    public static EditorialEntry Read(IEnumerable<TextLine> lines, string file)
    {
        _ = lines;
        throw new ImportException(file, "content reader not implemented yet");
    }
}
