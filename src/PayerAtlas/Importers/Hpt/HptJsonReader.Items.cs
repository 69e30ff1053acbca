using System.Globalization;
using System.Text.Json;

namespace PayerAtlas.Importers.Hpt;

/// <summary>The items: codes and charges per item, each payer's charge, buffered until the item ends.</summary>
internal sealed partial class HptJsonReader
{
    void Items()
    {
        tokens.Expect(JsonTokenType.StartArray, "standard_charge_information");
        var index = 0;
        while (tokens.Read() && tokens.Type != JsonTokenType.EndArray)
        {
            path.Add($"[{index}]");
            Item();
            path.RemoveAt(path.Count - 1);
            index++;
        }
    }

    string Locator(long offset) => $"${string.Concat(path)} @ {offset.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>One item: its codes and charges, buffered until the item ends (codes may follow charges).</summary>
    void Item()
    {
        var locator = Locator(tokens.Offset);
        tally.Rows++;
        if (tokens.Type != JsonTokenType.StartObject)
        {
            tally.Reject(locator, 0, $"an item must be an object, found {HptJsonTokens.Describe(tokens.Type)}");
            tokens.SkipValue();
            return;
        }

        var item = new ItemState();
        while (tokens.Read() && tokens.Type == JsonTokenType.PropertyName)
        {
            var name = tokens.Text;
            path.Add("." + name);
            switch (name)
            {
                case "code_information": Array(item, "code_information", () => Code(item)); break;
                case "standard_charges": Array(item, "standard_charges", () => Charge(item)); break;
                default: tokens.Read(); tokens.SkipValue(); break;
            }

            path.RemoveAt(path.Count - 1);
        }

        if (item.Rejection is { } reason)
        {
            tally.Reject(locator, 0, reason);
        }
        else if (item.Codes.Count == 0)
        {
            tally.Reject(locator, 0, "item has no code_information");
        }
        else
        {
            foreach (var charge in item.Charges)
            {
                observations!.Emit(item.Codes, charge);
            }
        }
    }

    sealed class ItemState
    {
        public readonly List<HptCode> Codes = [];
        public readonly List<HptCharge> Charges = [];
        public string? Rejection;

        public void Reject(string reason) => Rejection ??= reason;
    }

    /// <summary>An array of objects, each read by <paramref name="each"/> with its index on the path; a wrong type rejects the item.</summary>
    void Array(ItemState item, string name, Action each)
    {
        tokens.Read();
        if (tokens.Type != JsonTokenType.StartArray)
        {
            item.Reject($"${string.Concat(path)}: {name} must be an array, found {HptJsonTokens.Describe(tokens.Type)}");
            tokens.SkipValue();
            return;
        }

        var index = 0;
        while (tokens.Read() && tokens.Type != JsonTokenType.EndArray)
        {
            path.Add($"[{index++}]");
            if (tokens.Type == JsonTokenType.StartObject)
            {
                each();
            }
            else
            {
                item.Reject($"${string.Concat(path)}: must be an object, found {HptJsonTokens.Describe(tokens.Type)}");
                tokens.SkipValue();
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    void Code(ItemState item)
    {
        string? code = null, type = null;
        while (tokens.Read() && tokens.Type == JsonTokenType.PropertyName)
        {
            switch (tokens.Text)
            {
                case "code": code = Scalar(item, "code"); break;
                case "type": type = Scalar(item, "type"); break;
                default: tokens.Read(); tokens.SkipValue(); break;
            }
        }

        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(type))
        {
            item.Reject($"${string.Concat(path)}: a code needs both code and type");
            return;
        }

        item.Codes.Add(new HptCode(code.Trim(), type.Trim().ToUpperInvariant()));
    }

    void Charge(ItemState item)
    {
        var locator = Locator(tokens.Offset);
        string? setting = null, modifiers = "";
        decimal? gross = null, cash = null, min = null, max = null;
        var payers = new List<HptPayerCharge>();
        while (tokens.Read() && tokens.Type == JsonTokenType.PropertyName)
        {
            var name = tokens.Text;
            switch (name)
            {
                case "setting": setting = Scalar(item, name); break;
                case "gross_charge": gross = Amount(item, name); break;
                case "discounted_cash": cash = Amount(item, name); break;
                case "minimum": min = Amount(item, name); break;
                case "maximum": max = Amount(item, name); break;
                case "modifier_code": modifiers = HptObservations.Modifiers(StringsIn(item, name)); break;
                case "payers_information":
                    path.Add("." + name);
                    Array(item, name, () => Payer(item, payers));
                    path.RemoveAt(path.Count - 1);
                    break;
                default: tokens.Read(); tokens.SkipValue(); break;
            }
        }

        item.Charges.Add(new HptCharge
        {
            Locator = locator,
            Setting = setting,
            Modifiers = modifiers,
            Gross = gross,
            DiscountedCash = cash,
            Minimum = min,
            Maximum = max,
            Payers = payers,
        });
    }

    void Payer(ItemState item, List<HptPayerCharge> payers)
    {
        var locator = Locator(tokens.Offset);
        string? payer = null, plan = null, methodology = null, algorithm = null, notes = null, count = null;
        decimal? dollar = null, percentage = null, median = null, p10 = null, p90 = null, estimated = null;
        while (tokens.Read() && tokens.Type == JsonTokenType.PropertyName)
        {
            var name = tokens.Text;
            switch (name)
            {
                case "payer_name": payer = Scalar(item, name); break;
                case "plan_name": plan = Scalar(item, name); break;
                case "methodology": methodology = Scalar(item, name); break;
                case "standard_charge_algorithm": algorithm = Scalar(item, name); break;
                case "additional_payer_notes": notes = Scalar(item, name); break;
                case "count": count = Scalar(item, name); break;
                case "standard_charge_dollar": dollar = Amount(item, name); break;
                case "standard_charge_percentage": percentage = Amount(item, name); break;
                case "median_amount": median = Amount(item, name); break;
                case "10th_percentile": p10 = Amount(item, name); break;
                case "90th_percentile": p90 = Amount(item, name); break;
                case "estimated_amount": estimated = Amount(item, name); break;
                default: tokens.Read(); tokens.SkipValue(); break;
            }
        }

        var parts = new List<string>();
        if (notes is not null)
        {
            parts.Add(notes);
        }

        void Figure(string label, decimal? value)
        {
            if (value is { } v)
            {
                parts.Add($"{label} {v.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        Figure("median_amount", median);
        Figure("10th_percentile", p10);
        Figure("90th_percentile", p90);
        if (count is not null)
        {
            parts.Add("count " + count);
        }

        Figure("estimated_amount", estimated);
        var charge = new HptPayerCharge
        {
            Payer = payer?.Trim() ?? "",
            Plan = plan?.Trim() ?? "",
            Locator = locator,
            Methodology = methodology,
            Dollar = dollar,
            Percentage = percentage,
            Algorithm = algorithm,
            Notes = parts.Count == 0 ? null : string.Join("; ", parts),
        };
        if (charge.IsEmpty)
        {
            return;
        }

        if (charge.Payer.Length == 0)
        {
            item.Reject($"${string.Concat(path)}: a negotiated charge without payer_name");
            return;
        }

        payers.Add(charge);
    }
}
