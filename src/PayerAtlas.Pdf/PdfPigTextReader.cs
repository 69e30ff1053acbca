using System.Globalization;
using PayerAtlas.Importers.Policies;
using PayerAtlas.Importing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace PayerAtlas.Pdf;

/// <summary>
/// Reads a PDF's text page by page with PdfPig. <c>page.Text</c> glues lines together without spaces, so the
/// text comes from PdfPig's content-order extractor, which keeps words and line breaks. The title is the PDF's
/// own Title metadata when set, else the first line of page 1.
/// </summary>
public sealed class PdfPigTextReader : IPdfTextReader
{
    public DocumentText Read(Stream pdf, string file)
    {
        // PdfPig needs a seekable stream; ZIP entries and pipes are not.
        using var buffer = new MemoryStream();
        pdf.CopyTo(buffer);
        buffer.Position = 0;
        try
        {
            using var document = PdfDocument.Open(buffer);
            var blocks = new List<DocumentBlock>(document.NumberOfPages);
            foreach (var page in document.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page, true).Replace("\r\n", "\n", StringComparison.Ordinal);
                blocks.Add(new DocumentBlock(page.Number, "page " + page.Number.ToString(CultureInfo.InvariantCulture), text));
            }

            var title = document.Information.Title?.Trim() is { Length: > 0 } t
                ? t
                : blocks.FirstOrDefault()?.Text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
            return new DocumentText(title, blocks);
        }
        catch (Exception e) when (e is not (ImportException or OutOfMemoryException))
        {
            // PdfPig is a parser of hostile bytes: a damaged file surfaces as its own exceptions (PdfDocumentFormatException,
            // InvalidFontFormatException, NotImplementedException for unknown fonts) or as IndexOutOfRange/ArgumentOutOfRange
            // deep inside it. Whatever it throws, the file is not readable; say so instead of crashing the import.
            throw new ImportException(file, $"not a readable PDF: {(e is PdfDocumentFormatException ? "" : e.GetType().Name + ": ")}{e.Message}");
        }
    }
}
