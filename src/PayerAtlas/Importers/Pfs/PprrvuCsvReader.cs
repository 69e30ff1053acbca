using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Pfs;

/// <summary>
/// Reads PPRRVU*.csv: a title/copyright preamble, a header split over several lines, then 31-column rows.
/// The header's last line starts with "HCPCS,MOD,DESCRIPTION"; its columns must match the layout.
/// </summary>
public static class PprrvuCsvReader
{
    public static IEnumerable<RvuRecord> Read(IEnumerable<TextLine> lines, string file)
    {
        var headerSeen = false;
        foreach (var record in CsvFields.Read(lines, file))
        {
            if (!headerSeen)
            {
                if (record[0].Trim() == "HCPCS" && record[1].Trim() == "MOD")
                {
                    CheckHeader(record, file);
                    headerSeen = true;
                }

                continue;
            }

            if (record.IsBlank)
            {
                continue;
            }

            if (record.Fields.Count != RvuLayout.FieldCount)
            {
                throw new ImportException(file, record.Line, record.ColumnOf(Math.Min(record.Fields.Count, RvuLayout.FieldCount) - 1),
                    $"row has {record.Fields.Count} fields; a PPRRVU row has {RvuLayout.FieldCount} (truncated row or unquoted comma?)");
            }

            yield return RvuRecordParser.Parse(
                f => record[(int)f],
                f => record.ColumnOf((int)f),
                file,
                record.Line);
        }

        if (!headerSeen)
        {
            throw new ImportException(file, "no 'HCPCS,MOD,DESCRIPTION,…' header line found: not a PPRRVU CSV");
        }
    }

    static void CheckHeader(CsvRecord header, string file)
    {
        if (header.Fields.Count != RvuLayout.FieldCount)
        {
            throw new ImportException(file, header.Line, 1,
                $"header has {header.Fields.Count} columns; the PPRRVU layout has {RvuLayout.FieldCount}");
        }
    }
}
