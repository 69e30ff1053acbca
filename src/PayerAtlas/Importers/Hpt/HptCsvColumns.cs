using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Hpt;

/// <summary>Where one payer × plan's fields are (tall: the shared columns with payer_name/plan_name; wide: one set per payer).</summary>
internal sealed class HptPayerColumns
{
    public string? Payer { get; init; }
    public string? Plan { get; init; }
    public int PayerName { get; set; } = -1;
    public int PlanName { get; set; } = -1;
    public int Dollar { get; set; } = -1;
    public int Percentage { get; set; } = -1;
    public int Algorithm { get; set; } = -1;
    public int Methodology { get; set; } = -1;
    public int Median { get; set; } = -1;
    public int P10 { get; set; } = -1;
    public int P90 { get; set; } = -1;
    public int Count { get; set; } = -1;
    public int Estimated { get; set; } = -1;
    public int Notes { get; set; } = -1;

    /// <summary>The field a header name's last part names, or false when it is not a payer field.</summary>
    public bool Assign(string field, int index)
    {
        switch (field)
        {
            case "negotiated_dollar": Dollar = index; break;
            case "negotiated_percentage": Percentage = index; break;
            case "negotiated_algorithm": Algorithm = index; break;
            case "methodology": Methodology = index; break;
            case "median_amount": Median = index; break;
            case "10th_percentile": P10 = index; break;
            case "90th_percentile": P90 = index; break;
            case "count": Count = index; break;
            case "estimated_amount": Estimated = index; break;
            case "additional_payer_notes": Notes = index; break;
            default: return false;
        }

        return true;
    }
}

/// <summary>
/// The charge table's header (row 3) mapped to column indexes. Names are compared with the spaces around
/// <c>|</c> removed and in lower case (the v3 tall example writes <c>code | 1</c>, the wide one <c>code|1</c>);
/// payer and plan names inside wide headers keep their spelling.
/// </summary>
internal sealed class HptCsvColumns
{
    public int Description = -1;
    public int Setting = -1;
    public int Modifiers = -1;
    public int Gross = -1;
    public int DiscountedCash = -1;
    public int Minimum = -1;
    public int Maximum = -1;
    public int GenericNotes = -1;
    public readonly List<(int Code, int Type, int Number)> Codes = [];
    public readonly List<HptPayerColumns> Payers = [];
    public HptLayout Layout;

    public static string[] Parts(string header) => header.Split('|').Select(p => p.Trim()).ToArray();

    public static HptCsvColumns Read(CsvRecord header, string file)
    {
        var columns = new HptCsvColumns();
        var tall = new HptPayerColumns();
        var wide = new Dictionary<(string, string), HptPayerColumns>();
        var codes = new Dictionary<int, (int Code, int Type)>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var parts = Parts(header[i]);
            var name = parts[0].ToLowerInvariant();
            if (name.Length == 0)
            {
                continue;
            }

            if (name == "code" && parts.Length is 2 or 3 && int.TryParse(parts[1], out var n) && n > 0)
            {
                var (code, type) = codes.GetValueOrDefault(n, (-1, -1));
                codes[n] = parts.Length == 2 ? (i, type) : parts[2].Equals("type", StringComparison.OrdinalIgnoreCase) ? (code, i) : (code, type);
                continue;
            }

            if (parts.Length == 1)
            {
                switch (name)
                {
                    case "description": columns.Description = i; break;
                    case "setting": columns.Setting = i; break;
                    case "modifiers": columns.Modifiers = i; break;
                    case "additional_generic_notes": columns.GenericNotes = i; break;
                    case "payer_name": tall.PayerName = i; break;
                    case "plan_name": tall.PlanName = i; break;
                    default: tall.Assign(name, i); break;
                }

                continue;
            }

            var last = parts[^1].ToLowerInvariant();
            if (name == "standard_charge" && parts.Length == 2)
            {
                switch (last)
                {
                    case "gross": columns.Gross = i; break;
                    case "discounted_cash": columns.DiscountedCash = i; break;
                    case "min": columns.Minimum = i; break;
                    case "max": columns.Maximum = i; break;
                    default: tall.Assign(last, i); break;
                }

                continue;
            }

            // Wide: standard_charge|payer|plan|field, or field|payer|plan (median_amount, count, additional_payer_notes…).
            var (payer, plan, field) = name == "standard_charge" && parts.Length == 4 ? (parts[1], parts[2], last)
                : parts.Length == 3 ? (parts[1], parts[2], name) : (null, null, null);
            if (payer is null || plan is null || field is null)
            {
                continue;
            }

            if (!wide.TryGetValue((payer, plan), out var set))
            {
                set = new HptPayerColumns { Payer = payer, Plan = plan };
                wide[(payer, plan)] = set;
                columns.Payers.Add(set);
            }

            if (!set.Assign(field, i))
            {
                throw new ImportException(file, header.Line, header.ColumnOf(i), $"unknown payer-specific column '{header[i]}'");
            }
        }

        foreach (var (number, (code, type)) in codes.OrderBy(c => c.Key))
        {
            if (code < 0 || type < 0)
            {
                throw new ImportException(file, header.Line, header.ColumnOf(Math.Max(code, type)), $"code|{number} needs both its code and its code|{number}|type column");
            }

            columns.Codes.Add((code, type, number));
        }

        var isTall = tall.PayerName >= 0 || tall.PlanName >= 0;
        if (isTall && columns.Payers.Count > 0)
        {
            throw new ImportException(file, header.Line, header.ColumnOf(tall.PayerName >= 0 ? tall.PayerName : tall.PlanName),
                "the header mixes the tall layout (payer_name, plan_name) with payer-specific (wide) columns");
        }

        if (isTall)
        {
            if (tall.PayerName < 0 || tall.PlanName < 0)
            {
                throw new ImportException(file, header.Line, 0, "a tall file needs both payer_name and plan_name columns");
            }

            columns.Payers.Add(tall);
        }

        columns.Layout = isTall ? HptLayout.CsvTall : HptLayout.CsvWide;
        Require(columns.Description, "description", header, file);
        Require(columns.Setting, "setting", header, file);
        if (columns.Codes.Count == 0)
        {
            throw new ImportException(file, header.Line, 0, "missing required column 'code|1' (and 'code|1|type') in the charge header");
        }

        return columns;
    }

    static void Require(int index, string name, CsvRecord header, string file)
    {
        if (index < 0)
        {
            throw new ImportException(file, header.Line, 0, $"missing required column '{name}' in the charge header");
        }
    }
}
