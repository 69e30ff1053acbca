using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Rendering.Json;

/// <summary>
/// The JSON contract (also the API's): { code, release, title, sections: [ { id, title, blocks, gaps: [ { fact, message } ] } ],
/// facts: [ { id, value, label, source: { file, release, row, document? }, derivation? } ] }; document = { payer, id, title, version, effective, url }
/// for facts from payer policies.
/// </summary>
public sealed class JsonRenderer(bool indented = true) : IPublicationRenderer
{
    static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format => "json";
    public string FileExtension => ".json";

    public void Render(Publication publication, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        Write(publication, buffer);
        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Writes UTF-8 straight to a stream (files, HTTP responses) without a string in between.</summary>
    public void Write(Publication publication, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, indented ? Indented : Compact);
        json.WriteStartObject();
        json.WriteString("code", publication.Code);
        json.WriteString("release", publication.Release);
        json.WriteString("title", publication.Title);
        json.WriteStartArray("sections");
        foreach (var section in publication.Sections)
        {
            json.WriteStartObject();
            json.WriteString("id", section.Id);
            json.WriteString("title", section.Title);
            json.WriteStartArray("blocks");
            foreach (var block in section.Blocks)
            {
                WriteBlock(json, block);
                FlushIfLarge(json);
            }

            json.WriteEndArray();
            json.WriteStartArray("gaps");
            foreach (var gap in section.Gaps)
            {
                json.WriteStartObject();
                json.WriteString("fact", gap.Fact);
                json.WriteString("label", gap.Label);
                json.WriteString("message", gap.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("facts");
        foreach (var fact in publication.Facts)
        {
            WriteFact(json, fact);
            FlushIfLarge(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Hands pending bytes to the stream before the writer's buffer outgrows the large-object heap.</summary>
    static void FlushIfLarge(Utf8JsonWriter json)
    {
        if (json.BytesPending > 16 * 1024)
        {
            json.Flush();
        }
    }

    static void WriteFact(Utf8JsonWriter json, Fact fact)
    {
        json.WriteStartObject();
        json.WriteString("id", fact.Id);
        json.WriteString("value", fact.Value);
        json.WriteString("label", fact.Label);
        json.WriteStartObject("source");
        json.WriteString("file", fact.Source.File);
        json.WriteString("release", fact.Source.Release);
        json.WriteString("row", fact.Source.Row);
        if (fact.Source.Document is { } doc)
        {
            json.WriteStartObject("document");
            json.WriteString("payer", doc.Payer);
            json.WriteString("id", doc.Id);
            json.WriteString("title", doc.Title);
            json.WriteString("version", doc.Version);
            Optional(json, "effective", doc.Effective);
            Optional(json, "url", doc.Url);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (fact.Derivation is { } d)
        {
            json.WriteStartObject("derivation");
            json.WriteString("formula", d.Formula);
            if (d.Inputs.Count > 0)
            {
                json.WriteStartArray("inputs");
                foreach (var input in d.Inputs)
                {
                    json.WriteStringValue(input);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    static void WriteBlock(Utf8JsonWriter json, Block block)
    {
        json.WriteStartObject();
        switch (block)
        {
            case HeadingBlock h:
                json.WriteString("type", "heading");
                json.WriteString("id", h.Id);
                json.WriteString("text", h.Text);
                break;
            case ParagraphBlock p:
                json.WriteString("type", "paragraph");
                WriteInlines(json, p.Inlines);
                break;
            case ListBlock l:
                json.WriteString("type", "list");
                json.WriteStartArray("items");
                foreach (var item in l.Items)
                {
                    json.WriteStartObject();
                    WriteInlines(json, item);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
            case FigureBlock f:
                json.WriteString("type", "figure");
                json.WriteString("id", f.Id);
                json.WriteString("caption", f.Caption);
                json.WriteString("src", f.Src);
                json.WriteString("alt", f.Alt);
                break;
            case TableBlock t:
                json.WriteString("type", "table");
                json.WriteString("caption", t.Caption);
                json.WriteStartArray("columns");
                foreach (var c in t.Columns)
                {
                    json.WriteStringValue(c);
                }

                json.WriteEndArray();
                json.WriteStartArray("rows");
                foreach (var row in t.Rows)
                {
                    json.WriteStartArray();
                    foreach (var cell in row)
                    {
                        json.WriteStartObject();
                        WriteInlines(json, cell);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
                break;
        }

        json.WriteEndObject();
    }

    static void WriteInlines(Utf8JsonWriter json, IReadOnlyList<Inline> inlines)
    {
        json.WriteStartArray("inlines");
        foreach (var inline in inlines)
        {
            json.WriteStartObject();
            switch (inline)
            {
                case TextInline t:
                    json.WriteString("text", t.Text);
                    break;
                case StrongInline s:
                    json.WriteString("strong", s.Text);
                    break;
                case FactInline f:
                    json.WriteString("fact", f.FactId);
                    json.WriteString("text", f.Text);
                    break;
                case GapInline g:
                    json.WriteString("gap", g.FactId);
                    json.WriteString("text", Gap.NotAvailable);
                    break;
                case LinkInline l:
                    json.WriteString("href", l.Href);
                    json.WriteString("text", l.Text);
                    break;
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
