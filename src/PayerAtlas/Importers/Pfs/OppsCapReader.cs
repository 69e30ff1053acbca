using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Pfs;

/// <summary>Reads OPPSCAP_*.csv: a one-line header (HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE), then rows.</summary>
public static class OppsCapReader
{
    public static IEnumerable<OppsCapRecord> Read(IEnumerable<TextLine> lines, string file)
    {
        var header = true;
        foreach (var record in CsvFields.Read(lines, file))
        {
            if (header)
            {
                header = false;
                if (record.Fields.Count < 7 || record[2].Trim() != "PROCSTAT")
                {
                    throw new ImportException(file, record.Line, 1, "header must be HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE");
                }

                continue;
            }

            if (record.IsBlank)
            {
                continue;
            }

            if (record.Fields.Count != 7)
            {
                throw new ImportException(file, record.Line, record.ColumnOf(Math.Min(record.Fields.Count, 7) - 1),
                    $"row has {record.Fields.Count} fields; an OPPSCAP row has 7 (truncated row?)");
            }

            var hcpcs = record[0].Trim();
            if (!BillingCodes.IsValid(hcpcs))
            {
                throw new ImportException(file, record.Line, 1, $"HCPCS: '{hcpcs}' is not a 5-character billing code");
            }

            yield return new OppsCapRecord(
                hcpcs,
                record[1].Trim(),
                record[2].Trim(),
                FieldParser.Digits(record[3], 5, file, record.Line, record.ColumnOf(3), "CARRIER"),
                FieldParser.Digits(record[4], 2, file, record.Line, record.ColumnOf(4), "LOCALITY"),
                FieldParser.Decimal(record[5], file, record.Line, record.ColumnOf(5), "FACILITY PRICE"),
                FieldParser.Decimal(record[6], file, record.Line, record.ColumnOf(6), "NON-FACILTY PRICE"),
                record.Line);
        }
    }
}
