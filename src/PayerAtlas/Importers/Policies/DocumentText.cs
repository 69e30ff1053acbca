namespace PayerAtlas.Importers.Policies;

/// <summary>
/// The text of a payer document, as blocks with their places: one block per PDF page ("page 3"), or one per HTML
/// block element ("line 42"). Lines inside a block are separated by '\n'.
/// </summary>
public sealed record DocumentText(string? Title, IReadOnlyList<DocumentBlock> Blocks)
{
    /// <summary>The document's own address when it states one (an HTML canonical link).</summary>
    public string? Url { get; init; }
}

/// <param name="Page">1-based page for PDFs; null for HTML.</param>
/// <param name="Location">How provenance names the place: "page 3", "line 42".</param>
public sealed record DocumentBlock(int? Page, string Location, string Text);

/// <summary>
/// Reads the text of a PDF. Implemented outside the core (PayerAtlas.Pdf, over PdfPig) so the core references no
/// PDF library; a malformed PDF is an <see cref="Importing.ImportException"/> naming the file.
/// </summary>
public interface IPdfTextReader
{
    DocumentText Read(Stream pdf, string file);
}
