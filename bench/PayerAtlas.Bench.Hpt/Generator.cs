using System.Globalization;
using System.Text;

namespace PayerAtlas.Bench.Hpt;

/// <summary>
/// Hospital files in the CMS v3 layouts, as large as asked: the general data of the real tall example, then items
/// with a CPT and a revenue code, gross/cash/min/max and four payer × plan rates (dollar, percentage or algorithm).
/// </summary>
public static class Generator
{
    const int Payers = 4;

    public static void Tall(string example, string path, long bytes, int seed)
    {
        var random = new Random(seed);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        foreach (var line in File.ReadLines(example).Take(3))
        {
            w.WriteLine(line);
        }

        for (var item = 0; w.BaseStream.Position < bytes; item++)
        {
            var (code, gross) = Item(item, random);
            for (var p = 0; p < Payers; p++)
            {
                var dollar = Math.Round(gross * (decimal)(0.2 + random.NextDouble() * 0.6), 2);
                var kind = random.Next(10);
                w.Write(FormattableString.Invariant($"Item {item},{code},CPT,0{300 + item % 600},RC,outpatient,,,{gross},{Math.Round(gross * 0.9m, 2)},Payer {p},Plan {p % 2},,"));
                w.Write(kind switch
                {
                    < 8 => string.Create(CultureInfo.InvariantCulture, $"{dollar},,"),
                    8 => ",80,",
                    _ => ",,\"Allowed amount is 110% of cost, based on invoice.\"",
                });
                w.WriteLine(FormattableString.Invariant($",,,,,{Math.Round(gross * 0.2m, 2)},{gross},{(kind == 8 ? "percent of total billed charges" : "fee schedule")},"));
            }
        }
    }

    public static void Json(string path, long bytes, int seed)
    {
        var random = new Random(seed);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("""{"hospital_name": "Generated Hospital", "last_updated_on": "2026-04-01", "version": "3.0.0", "location_name": ["Generated"], "hospital_address": ["1 Road, Fullerton, CA 92832"], "license_information": {"state": "CA", "license_number": "1"}, "type_2_npi": ["0000000001"], "attestation": {"attestation": "x", "confirm_attestation": true, "attester_name": "x"},""");
        w.Write("\n\"standard_charge_information\": [");
        for (var item = 0; w.BaseStream.Position < bytes; item++)
        {
            var (code, gross) = Item(item, random);
            w.Write(item == 0 ? "\n" : ",\n");
            w.Write(FormattableString.Invariant($$"""{"description": "Item {{item}}", "code_information": [{"code": "{{code}}", "type": "CPT"}, {"code": "0{{300 + item % 600}}", "type": "RC"}], "standard_charges": [{"setting": "outpatient", "gross_charge": {{gross}}, "discounted_cash": {{Math.Round(gross * 0.9m, 2)}}, "minimum": {{Math.Round(gross * 0.2m, 2)}}, "maximum": {{gross}}, "payers_information": ["""));
            for (var p = 0; p < Payers; p++)
            {
                var dollar = Math.Round(gross * (decimal)(0.2 + random.NextDouble() * 0.6), 2);
                w.Write(FormattableString.Invariant($$"""{{(p == 0 ? "" : ", ")}}{"payer_name": "Payer {{p}}", "plan_name": "Plan {{p % 2}}", "methodology": "fee schedule", "standard_charge_dollar": {{dollar}}}"""));
            }

            w.Write("]}]}");
        }

        w.Write("\n]}\n");
    }

    static (string Code, decimal Gross) Item(int item, Random random) =>
        ((10000 + item % 89999).ToString(CultureInfo.InvariantCulture), Math.Round((decimal)(50 + random.NextDouble() * 5000), 2));
}
