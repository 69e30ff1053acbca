using System.Globalization;
using System.Xml;
using PayerAtlas.Importing;

namespace PayerAtlas.Importers.PlaceOfService;

/// <summary>
/// Reads the CMS place-of-service code set: the HL7 FHIR CodeSystem XML, or its CSV export
/// (<c>pos_code,name,description</c>). Codes are two digits; an unpadded "1" is read as "01".
/// Text is kept as published apart from trimming: typographic quotes and the no-break spaces (U+00A0) CMS puts
/// inside some descriptions stay, because a renderer shows them as spaces and rewriting them would make the
/// stored text differ from the source it cites. (Trimming removes a no-break space at either end.)
/// </summary>
public static class PlaceOfServiceReader
{
    public const string FhirNamespace = "http://hl7.org/fhir";

    public static IEnumerable<PlaceOfServiceRecord> ReadCsv(IEnumerable<TextLine> lines, string file)
    {
        CsvRecord? header = null;
        int code = 0, name = 0, description = 0;
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var record in CsvFields.Read(lines, file))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (header is null)
            {
                header = record;
                code = Column(header, "pos_code", file);
                name = Column(header, "name", file);
                description = Column(header, "description", file);
                continue;
            }

            if (record.Fields.Count != header.Fields.Count)
            {
                throw new ImportException(file, record.Line, record.ColumnOf(Math.Min(record.Fields.Count, header.Fields.Count) - 1),
                    $"row has {record.Fields.Count} fields; the header has {header.Fields.Count} (truncated row or unquoted comma?)");
            }

            var pos = Code(record[code], file, record.Line, record.ColumnOf(code));
            if (!seen.TryAdd(pos, record.Line))
            {
                throw new ImportException(file, record.Line, record.ColumnOf(code), $"duplicate place-of-service code {pos} (first on line {seen[pos]})");
            }

            yield return new PlaceOfServiceRecord(pos, Name(record[name], file, record.Line, record.ColumnOf(name)),
                record[description].Trim(), record.Line.ToString(CultureInfo.InvariantCulture));
        }

        if (header is null)
        {
            throw new ImportException(file, "empty file: no 'pos_code,name,description' header");
        }
    }

    public static IEnumerable<PlaceOfServiceRecord> ReadFhirXml(Stream stream, string file)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        using var reader = XmlReader.Create(stream, settings);
        var concepts = new FhirConcepts(reader, file);
        while (concepts.Next() is { } record)
        {
            yield return record;
        }
    }

    static int Column(CsvRecord header, string wanted, string file)
    {
        for (var i = 0; i < header.Fields.Count; i++)
        {
            if (string.Equals(header[i].Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ImportException(file, header.Line, 1,
            $"header has no '{wanted}' column (expected pos_code,name,description; found {string.Join(",", header.Fields)})");
    }

    internal static string Code(string text, string file, long line, int column) =>
        FieldParser.Digits(text, 2, file, line, column, "place-of-service code");

    internal static string Name(string text, string file, long line, int column)
    {
        var name = text.Trim();
        return name.Length > 0 ? name : throw new ImportException(file, line, column, "place-of-service name is empty");
    }

    /// <summary>
    /// Walks a FHIR CodeSystem one top-level <c>concept</c> at a time. A non-iterator class so XmlException can be
    /// caught (C# forbids catch around yield) and turned into an ImportException at the parser's line and position.
    /// </summary>
    sealed class FhirConcepts(XmlReader reader, string file)
    {
                IXmlLineInfo Info => (IXmlLineInfo)reader;

        readonly Dictionary<string, string> seen = new(StringComparer.Ordinal);
        bool started;
        int index;

        public PlaceOfServiceRecord? Next()
        {
            try
            {
                if (!started && !Start())
                {
                    return null;
                }

                while (!reader.EOF)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
                    {
                        if (Is("concept"))
                        {
                            return Concept();
                        }

                        reader.Skip();
                        continue;
                    }

                    reader.Read();
                }

                return null;
            }
            catch (XmlException e)
            {
                throw new ImportException(file, e.LineNumber, e.LinePosition, $"malformed XML: {e.Message}");
            }
        }

        bool Start()
        {
            started = true;
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || !Is("CodeSystem"))
            {
                throw Error($"root element is <{reader.Name}> ({reader.NamespaceURI}); a FHIR CodeSystem is <CodeSystem xmlns=\"{FhirNamespace}\">");
            }

            return reader.Read(); // an empty <CodeSystem/> has no concepts
        }

        PlaceOfServiceRecord Concept()
        {
            index++;
            var row = $"concept[{index}]";
            var (line, position) = (Info.LineNumber, Info.LinePosition);
            string? code = null, display = null, definition = null;
            int codeLine = line, codePosition = position, displayLine = line, displayPosition = position;
            var depth = reader.Depth;
            var empty = reader.IsEmptyElement;
            reader.Read();
            while (!empty && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                {
                    if (Is("code"))
                    {
                        (codeLine, codePosition) = (Info.LineNumber, Info.LinePosition);
                        code = Value(code, row);
                    }
                    else if (Is("display"))
                    {
                        (displayLine, displayPosition) = (Info.LineNumber, Info.LinePosition);
                        display = Value(display, row);
                    }
                    else if (Is("definition"))
                    {
                        definition = Value(definition, row);
                    }
                    else if (Is("concept"))
                    {
                        throw Error($"{row} has nested concepts; the place-of-service code system is flat");
                    }

                    reader.Skip();
                    continue;
                }

                reader.Read();
            }

            if (!empty)
            {
                reader.Read(); // past </concept>
            }

            if (code is null)
            {
                throw new ImportException(file, line, position, $"{row} has no <code value=\"…\"/>");
            }

            var pos = Code(code, file, codeLine, codePosition);
            if (!seen.TryAdd(pos, row))
            {
                throw new ImportException(file, codeLine, codePosition, $"duplicate place-of-service code {pos} in {row} (first in {seen[pos]})");
            }

            return new PlaceOfServiceRecord(pos, Name(display ?? "", file, displayLine, displayPosition), (definition ?? "").Trim(), row);
        }

        /// <summary>FHIR XML puts a primitive's value in its <c>value</c> attribute.</summary>
        string Value(string? already, string row)
        {
            if (already is not null)
            {
                throw Error($"{row} has a second <{reader.LocalName}>");
            }

            return reader.GetAttribute("value") ?? throw Error($"<{reader.LocalName}> in {row} has no value attribute");
        }

        bool Is(string localName) =>
            reader.LocalName == localName && reader.NamespaceURI == FhirNamespace;

        ImportException Error(string reason) => new(file, Info.LineNumber, Info.LinePosition, reason);
    }
}
