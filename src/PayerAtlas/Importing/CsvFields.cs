using System.Text;

namespace PayerAtlas.Importing;

/// <summary>One CSV record: its fields, the line it starts on, and the 1-based column each field starts at.</summary>
public sealed record CsvRecord(long Line, IReadOnlyList<string> Fields, IReadOnlyList<int> Columns)
{
    public string this[int index] => index < Fields.Count ? Fields[index] : "";

    public int ColumnOf(int index) => index < Columns.Count ? Columns[index] : 0;

    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// RFC 4180 records over <see cref="TextLines"/>: quoted fields, doubled quotes, and quoted line breaks.
/// Kept small and exact so every error can name its line and column.
/// </summary>
public static class CsvFields
{
    public static IEnumerable<CsvRecord> Read(IEnumerable<TextLine> lines, string file)
    {
        var fields = new List<string>();
        var columns = new List<int>();
        var field = new StringBuilder();
        var inQuotes = false;
        long startLine = 0;
        var fieldColumn = 1;

        foreach (var (number, text) in lines)
        {
            if (!inQuotes)
            {
                startLine = number;
                fields = [];
                columns = [];
                field.Clear();
                fieldColumn = 1;
            }
            else
            {
                field.Append('\n');
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    inQuotes = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    columns.Add(fieldColumn);
                    field.Clear();
                    fieldColumn = i + 2;
                }
                else
                {
                    field.Append(c);
                }
            }

            if (!inQuotes)
            {
                fields.Add(field.ToString());
                columns.Add(fieldColumn);
                yield return new CsvRecord(startLine, fields, columns);
            }
        }

        if (inQuotes)
        {
            throw new ImportException(file, startLine, fieldColumn, "quoted field is never closed (truncated file?)");
        }
    }
}
