using System.Text;
using PayerAtlas.Importing;

namespace PayerAtlas.Tests.Store;

/// <summary>The real files read straight through the format readers, to compare with what a store gives back.</summary>
public static class ContractFiles
{
    public static IEnumerable<TextLine> Lines(string path, Encoding? encoding = null)
    {
        using var stream = File.OpenRead(path);
        foreach (var line in TextLines.Read(stream, encoding ?? TextLines.StrictUtf8, path))
        {
            yield return line;
        }
    }

    /// <summary>The one input (file, or ZIP entry) whose name ends with <paramref name="suffix"/>, as the importer sees it.</summary>
    public static ImportInput Input(string path, string suffix) =>
        ImportInput.Expand([path]).Single(i => i.Name.EndsWith(suffix, StringComparison.Ordinal));

    public static IEnumerable<TextLine> Lines(ImportInput input, Encoding encoding)
    {
        using var stream = input.Open();
        foreach (var line in TextLines.Read(stream, encoding, input.Name))
        {
            yield return line;
        }
    }
}
