using System.Globalization;
using System.Text.RegularExpressions;
using PayerAtlas.Importing;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Hpt;

/// <summary>
/// The CSV templates (v2.x and v3.x, tall and wide). Row 1 names the general data and row 2 holds it (hospital,
/// version, <c>license_number|XX</c>, addresses…); row 3 is the charge table's header; charges follow, one record
/// per row (quoted line breaks allowed). The layout and version come from these rows, never from the file name.
/// </summary>
internal static partial class HptCsvReader
{
    const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public static HptReport Read(Stream stream, string file, IRateSink sink)
    {
        var tally = new HptTally();
        var lines = TextLines.Read(stream, TextLines.StrictUtf8, file, TextLines.Windows1252, tally.Windows1252Lines.Add);
        using var records = CsvFields.Read(lines, file).GetEnumerator();
        var names = Next(records, file, "the general-data header (row 1)");
        var values = Next(records, file, "the general-data values (row 2)");
        var general = General(names, values, file);
        var header = Next(records, file, "the charge table header (row 3)");
        var columns = HptCsvColumns.Read(header, file);
        var hospital = general with { Layout = columns.Layout };
        var observations = new HptObservations(hospital, sink, tally);
        while (records.MoveNext())
        {
            var row = records.Current;
            if (row.IsBlank)
            {
                continue;
            }

            tally.Rows++;
            Row(row, columns, observations, tally, file);
        }

        return tally.Report(hospital);
    }

    static CsvRecord Next(IEnumerator<CsvRecord> records, string file, string what) =>
        records.MoveNext() ? records.Current : throw new ImportException(file, "the file ends before " + what + ": not a CMS hospital standard-charges CSV");

    static HptFile General(CsvRecord names, CsvRecord values, string file)
    {
        int Find(string name)
        {
            for (var i = 0; i < names.Fields.Count; i++)
            {
                if (HptCsvColumns.Parts(names[i])[0].Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        var hospital = Find("hospital_name");
        var version = Find("version");
        if (hospital < 0 || version < 0)
        {
            throw new ImportException(file, names.Line, 1, "row 1 lacks the general-data headers hospital_name and version: not a CMS hospital standard-charges CSV");
        }

        var versionText = values[version].Trim();
        if (!Version().IsMatch(versionText))
        {
            throw new ImportException(file, values.Line, values.ColumnOf(version), $"unsupported template version '{versionText}': this reader knows versions 2.x and 3.x");
        }

        var license = Find("license_number");
        var licenseState = license < 0 ? null : HptCsvColumns.Parts(names[license]) is { Length: 2 } p && p[1].Length == 2 ? p[1].ToUpperInvariant() : null;
        var location = Find("location_name") is var l and >= 0 ? l : Find("hospital_location");
        var addresses = Multi(values, Find("hospital_address"));
        return new HptFile
        {
            File = file,
            Layout = HptLayout.CsvWide, // set from the charge header
            Version = versionText,
            HospitalName = values[hospital].Trim().Length > 0
                ? values[hospital].Trim()
                : throw new ImportException(file, values.Line, values.ColumnOf(hospital), "hospital_name is empty"),
            LastUpdatedOn = Find("last_updated_on") is var u and >= 0 ? values[u].Trim() : null,
            Locations = Multi(values, location),
            Addresses = addresses,
            State = licenseState ?? HptFile.StateOfAddresses(addresses),
            LicenseNumber = license >= 0 && values[license].Trim() is { Length: > 0 } n ? n : null,
            Type2Npis = Multi(values, Find("type_2_npi")),
        };
    }

    /// <summary>A pipe-separated multi-value field ("a|b", "0000000001 | 0000000002").</summary>
    static IReadOnlyList<string> Multi(CsvRecord values, int index) =>
        index < 0 ? [] : values[index].Split('|').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

    static void Row(CsvRecord row, HptCsvColumns columns, HptObservations observations, HptTally tally, string file)
    {
        var locator = "line " + row.Line.ToString(CultureInfo.InvariantCulture);
        var codes = new List<HptCode>(columns.Codes.Count);
        foreach (var (code, type, number) in columns.Codes)
        {
            var value = row[code].Trim();
            var kind = row[type].Trim();
            if (value.Length == 0)
            {
                continue;
            }

            if (kind.Length == 0)
            {
                tally.Reject(locator, row.ColumnOf(type), $"code|{number} '{value}' has no code|{number}|type");
                return;
            }

            codes.Add(new HptCode(value, kind.ToUpperInvariant()));
        }

        var modifiers = columns.Modifiers < 0 || row[columns.Modifiers].Length == 0 ? "" : HptObservations.Modifiers([row[columns.Modifiers]]);
        if (codes.Count == 0)
        {
            if (modifiers.Length > 0)
            {
                tally.ModifierRows++; // a modifier's payment adjustment, not an item
            }
            else
            {
                tally.Reject(locator, row.ColumnOf(columns.Codes[0].Code), "row has no code");
            }

            return;
        }

        try
        {
            var payers = new List<HptPayerCharge>(columns.Payers.Count);
            foreach (var set in columns.Payers)
            {
                if (Payer(row, set, columns, locator) is { } charge)
                {
                    payers.Add(charge);
                }
            }

            var charge0 = new HptCharge
            {
                Locator = locator,
                Setting = Text(row, columns.Setting),
                Modifiers = modifiers,
                Gross = Amount(row, columns.Gross, "standard_charge|gross"),
                DiscountedCash = Amount(row, columns.DiscountedCash, "standard_charge|discounted_cash"),
                Minimum = Amount(row, columns.Minimum, "standard_charge|min"),
                Maximum = Amount(row, columns.Maximum, "standard_charge|max"),
                Payers = payers,
            };
            observations.Emit(codes, charge0, dedupePayerIndependent: true);
        }
        catch (RowRejected e)
        {
            tally.Reject(locator, e.Column, e.Message);
        }
    }

    static HptPayerCharge? Payer(CsvRecord row, HptPayerColumns set, HptCsvColumns columns, string locator)
    {
        var charge = new HptPayerCharge
        {
            Payer = set.Payer ?? row[set.PayerName].Trim(),
            Plan = set.Plan ?? row[set.PlanName].Trim(),
            Locator = locator,
            Methodology = Text(row, set.Methodology),
            Dollar = Amount(row, set.Dollar, "negotiated_dollar"),
            Percentage = Amount(row, set.Percentage, "negotiated_percentage"),
            Algorithm = Text(row, set.Algorithm),
            Notes = Notes(row, set, columns),
        };
        if (charge.IsEmpty)
        {
            return null;
        }

        if (charge.Payer.Length == 0)
        {
            throw new RowRejected(row.ColumnOf(set.PayerName), "a negotiated charge without payer_name");
        }

        return charge;
    }

    /// <summary>The payer's notes, then the v3 allowed-amount figures or the v2 estimated amount, as stated.</summary>
    static string? Notes(CsvRecord row, HptPayerColumns set, HptCsvColumns columns)
    {
        List<string>? parts = null;
        // The v3 tall template has no payer-notes column: additional_generic_notes holds the row's (payer's) notes.
        if (Text(row, set.Notes >= 0 ? set.Notes : columns.Layout == HptLayout.CsvTall ? columns.GenericNotes : -1) is { } notes)
        {
            (parts ??= []).Add(notes);
        }

        Figure(ref parts, row, set.Median, "median_amount");
        Figure(ref parts, row, set.P10, "10th_percentile");
        Figure(ref parts, row, set.P90, "90th_percentile");
        if (Text(row, set.Count) is { } count)
        {
            (parts ??= []).Add("count " + count);
        }

        Figure(ref parts, row, set.Estimated, "estimated_amount");
        return parts is null ? null : string.Join("; ", parts);
    }

    static void Figure(ref List<string>? parts, CsvRecord row, int index, string name)
    {
        if (Amount(row, index, name) is { } value)
        {
            (parts ??= []).Add($"{name} {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    static string? Text(CsvRecord row, int index) => index >= 0 && row[index].Trim() is { Length: > 0 } t ? t : null;

    static decimal? Amount(CsvRecord row, int index, string name)
    {
        if (index < 0 || row[index].AsSpan().Trim() is { IsEmpty: true })
        {
            return null;
        }

        return decimal.TryParse(row[index], Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RowRejected(row.ColumnOf(index), $"{name}: '{row[index].Trim()}' is not a number");
    }

    sealed class RowRejected(int column, string reason) : Exception(reason)
    {
        public int Column { get; } = column;
    }

    [GeneratedRegex(@"^[23]\.\d+(\.\d+)?$")]
    private static partial Regex Version();
}
