using PayerAtlas.Importing;

namespace PayerAtlas.Importers.PlaceOfService;

/// <summary>Reads the CMS place-of-service code set: the HL7 FHIR CodeSystem XML, or its CSV export.</summary>
public static class PlaceOfServiceReader
{
    public static IEnumerable<PlaceOfServiceRecord> ReadCsv(IEnumerable<TextLine> lines, string file)
    {
        _ = lines;
        throw new ImportException(file, "POS CSV reader not implemented yet");
    }

    public static IEnumerable<PlaceOfServiceRecord> ReadFhirXml(Stream stream, string file)
    {
        _ = stream;
        throw new ImportException(file, "POS XML reader not implemented yet");
    }
}
