using System.Globalization;
using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Ncci;

/// <summary>
/// Reads a CMS MUE table (practitioner, outpatient hospital or DME supplier services) as shipped: CSV whose first
/// cell is a quoted, multi-line copyright notice, then the header
/// <c>HCPCS/CPT Code, &lt;Setting&gt; Services MUE Values, MUE Adjudication Indicator, MUE Rationale</c>
/// (the first name may itself break over two lines), then one row per code. The indicator cell holds the digit and
/// its wording, e.g. <c>2 Date of Service Edit: Policy</c>. Columns are found by name, so a reordered export reads too.
/// </summary>
public static class MueReader
{
    public static IEnumerable<MueRecord> Read(IEnumerable<TextLine> lines, string file, NcciSetting expected)
    {
        Columns? columns = null;
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var record in CsvFields.Read(lines, file))
        {
            if (columns is null)
            {
                columns = Columns.Find(record, file);
                if (columns is not null && columns.Setting != expected)
                {
                    throw new ImportException(file, record.Line, record.ColumnOf(columns.Value),
                        $"this is the {columns.Setting.Name()} MUE table, read as the {expected.Name()} table");
                }

                continue;
            }

            if (record.IsBlank)
            {
                continue;
            }

            var mue = columns.Parse(record, file);
            if (!seen.TryAdd(mue.Code, record.Line))
            {
                throw new ImportException(file, record.Line, record.ColumnOf(columns.Code),
                    $"code {mue.Code} is listed twice (first on line {seen[mue.Code]}); an MUE table has one row per code");
            }

            yield return mue;
        }

        if (columns is null)
        {
            throw new ImportException(file, "no 'HCPCS/CPT Code, … MUE Values, MUE Adjudication Indicator, MUE Rationale' header: not an MUE table");
        }
    }

    /// <summary>The setting named by a header cell such as "Practitioner Services MUE Values".</summary>
    public static NcciSetting? SettingOf(string valueHeader) =>
        !valueHeader.Contains("MUE Value", StringComparison.OrdinalIgnoreCase) ? null
        : valueHeader.Contains("Practitioner", StringComparison.OrdinalIgnoreCase) ? NcciSetting.Practitioner
        : valueHeader.Contains("Outpatient", StringComparison.OrdinalIgnoreCase) || valueHeader.Contains("Facility", StringComparison.OrdinalIgnoreCase) ? NcciSetting.OutpatientHospital
        : valueHeader.Contains("DME", StringComparison.OrdinalIgnoreCase) ? NcciSetting.Dme
        : null;

    sealed record Columns(int Code, int Value, int Indicator, int Rationale, int Count, NcciSetting Setting)
    {
        public static Columns? Find(CsvRecord record, string file)
        {
            int Index(string part) => record.Fields.ToList().FindIndex(f => f.Contains(part, StringComparison.OrdinalIgnoreCase));
            var value = Index("MUE Value");
            if (value < 0)
            {
                return null;
            }

            var code = Index("HCPCS");
            var indicator = Index("Adjudication");
            var rationale = Index("Rationale");
            if (code < 0 || indicator < 0 || rationale < 0)
            {
                throw new ImportException(file, record.Line, 1,
                    "MUE header must name 'HCPCS/CPT Code', '… MUE Values', 'MUE Adjudication Indicator' and 'MUE Rationale'");
            }

            var setting = SettingOf(record[value]) ?? throw new ImportException(file, record.Line, record.ColumnOf(value),
                $"'{record[value]}' does not say whether this is the practitioner, outpatient hospital or DME supplier table");
            return new Columns(code, value, indicator, rationale, new[] { code, value, indicator, rationale }.Max() + 1, setting);
        }

        public MueRecord Parse(CsvRecord record, string file)
        {
            if (record.Fields.Count < Count)
            {
                throw new ImportException(file, record.Line, record.ColumnOf(record.Fields.Count - 1),
                    $"row has {record.Fields.Count} fields; the header has at least {Count} (truncated row?)");
            }

            var code = record[Code].Trim();
            if (!BillingCodes.IsValid(code))
            {
                throw new ImportException(file, record.Line, record.ColumnOf(Code), $"'{code}' is not a five-character CPT/HCPCS code");
            }

            var valueText = record[Value].Trim();
            if (!int.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new ImportException(file, record.Line, record.ColumnOf(Value), $"MUE value: '{valueText}' is not a whole number of units");
            }

            var indicatorText = record[Indicator].Trim();
            var adjudication = indicatorText.Length > 0 && (indicatorText.Length == 1 || !char.IsAsciiDigit(indicatorText[1])) ? indicatorText[0] switch
            {
                '1' => MueAdjudication.ClaimLine,
                '2' => MueAdjudication.DateOfServicePolicy,
                '3' => MueAdjudication.DateOfServiceClinical,
                _ => (MueAdjudication?)null,
            } : null;
            if (adjudication is null)
            {
                throw new ImportException(file, record.Line, record.ColumnOf(Indicator),
                    $"MUE adjudication indicator: '{indicatorText}' must start with 1, 2 or 3");
            }

            return new MueRecord
            {
                Code = code,
                Value = value,
                Adjudication = adjudication.Value,
                AdjudicationText = indicatorText,
                Rationale = record[Rationale].Trim(),
                Line = record.Line,
            };
        }
    }
}
