using PayerAtlas.Importing;

namespace PayerAtlas.Claims.Input;

/// <summary>
/// Claim lines from CSV with the header <c>claim_id,line,date_of_service,code,modifiers,units,place_of_service,payer</c>
/// (any order; modifiers joined with <c>:</c>), plus optional <c>setting</c> and <c>patient</c> columns. Streams: one
/// record in memory at a time.
/// </summary>
public static class ClaimLineCsv
{
    public static readonly string[] RequiredColumns = ["claim_id", "line", "date_of_service", "code", "modifiers", "units", "place_of_service", "payer"];

    public static IEnumerable<ClaimLine> Read(IEnumerable<TextLine> lines, string file)
    {
        Dictionary<string, int>? columns = null;
        foreach (var record in CsvFields.Read(lines, file))
        {
            if (record.IsBlank)
            {
                continue;
            }

            if (columns is null)
            {
                columns = Header(record, file);
                continue;
            }

            string? Field(string name) => columns.TryGetValue(name, out var i) && i < record.Fields.Count ? record[i] : null;
            var fields = new ClaimFields(record.Line);
            var extra = record.Fields.Count > columns.Values.Max() + 1 && record.Fields.Skip(columns.Values.Max() + 1).Any(f => f.Trim().Length > 0);
            var line = fields.Build(
                fields.Required(Field("claim_id"), "claim_id"),
                fields.LineNumber(Field("line")),
                fields.Date(Field("date_of_service")),
                ClaimFields.Code(fields.Required(Field("code"), "code")),
                ClaimFields.Modifiers([Field("modifiers")]),
                fields.Units(Field("units")),
                fields.PlaceOfService(Field("place_of_service")),
                Field("payer")?.Trim() ?? "",
                fields.Setting(Field("setting")),
                Field("patient"));
            if (record.Fields.Count < columns.Count && line.Invalid is null)
            {
                line = line with { Invalid = $"row has {record.Fields.Count} fields; the header has {columns.Count}" };
            }
            else if (extra && line.Invalid is null)
            {
                line = line with { Invalid = $"row has {record.Fields.Count} fields; the header has {columns.Count} (unquoted comma?)" };
            }

            yield return line;
        }

        if (columns is null)
        {
            throw new ImportException(file, $"empty input: expected the header {string.Join(',', RequiredColumns)}");
        }
    }

    static Dictionary<string, int> Header(CsvRecord record, string file)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new List<int>();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var name = record[i].Trim().ToLowerInvariant() switch
            {
                "patient_id" => "patient",
                var n => n,
            };
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                repeated.Add(i);
            }
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportException(file, record.Line, 1,
                $"header lacks {string.Join(", ", missing)}; expected {string.Join(',', RequiredColumns)} (plus optional setting, patient)");
        }

        if (repeated.Count > 0)
        {
            throw new ImportException(file, record.Line, record.ColumnOf(repeated[0]), $"column '{record[repeated[0]].Trim()}' appears twice in the header");
        }

        return columns;
    }
}
