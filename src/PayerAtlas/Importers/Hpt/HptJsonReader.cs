using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PayerAtlas.Importing;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Hpt;

/// <summary>
/// The JSON template (v2.x and v3.x), token by token. The general data is read first; when a file puts it after
/// <c>standard_charge_information</c>, the items are skipped on a first pass and read on a second (the stream
/// must then be seekable). Every error names the byte offset and the JSON path.
/// </summary>
internal sealed partial class HptJsonReader
{
    readonly string file;
    readonly IRateSink sink;
    readonly List<string> path = [];
    HptJsonTokens tokens = null!;
    HptTally tally = new();
    HptObservations? observations;

    // General data, kept across passes.
    string? hospitalName;
    string? version;
    string? lastUpdated;
    string? licenseState;
    string? licenseNumber;
    List<string> locations = [];
    List<string> addresses = [];
    List<string> npis = [];
    HptFile? hospital;

    HptJsonReader(string file, IRateSink sink)
    {
        this.file = file;
        this.sink = sink;
    }

    public static HptReport Read(Stream stream, string file, IRateSink sink)
    {
        var reader = new HptJsonReader(file, sink);
        if (!reader.Pass(stream, emit: true))
        {
            if (!stream.CanSeek)
            {
                throw new ImportException(file, "the general data (hospital_name, version) follows standard_charge_information, and the stream cannot be read twice");
            }

            stream.Position = 0;
            reader.tally = new HptTally();
            reader.Pass(stream, emit: true);
        }

        return reader.tally.Report(reader.File());
    }

    /// <summary>One pass over the file; false when the items came before the general data and were skipped.</summary>
    bool Pass(Stream stream, bool emit)
    {
        using var t = new HptJsonTokens(stream, file) { Path = () => "$" + string.Concat(path) };
        tokens = t;
        path.Clear();
        var complete = true;
        tokens.Expect(JsonTokenType.StartObject, "the top level");
        while (tokens.Read() && tokens.Type == JsonTokenType.PropertyName)
        {
            var name = tokens.Text;
            path.Add("." + name);
            switch (name)
            {
                case "hospital_name": hospitalName = String(name); break;
                case "version": version = String(name); break;
                case "last_updated_on": lastUpdated = String(name); break;
                case "location_name" or "hospital_location": locations = Strings(name); break;
                case "hospital_address": addresses = Strings(name); break;
                case "type_2_npi": npis = Strings(name); break;
                case "license_information": License(); break;
                case "modifier_information": Modifiers(); break;
                case "standard_charge_information":
                    if (emit && hospitalName is not null && version is not null)
                    {
                        observations = new HptObservations(File(), sink, tally);
                        Items();
                    }
                    else
                    {
                        tokens.Read();
                        tokens.SkipValue();
                        complete = false;
                    }

                    break;
                default:
                    tokens.Read();
                    tokens.SkipValue();
                    break;
            }

            path.RemoveAt(path.Count - 1);
        }

        if (tokens.Read())
        {
            throw tokens.Error("unexpected content after the top-level object");
        }

        File(); // the general data must be complete even when there were no items
        return complete;
    }

    HptFile File()
    {
        if (hospital is not null)
        {
            return hospital;
        }

        if (version is null || hospitalName is null)
        {
            throw new ImportException(file, $"missing required property '{(version is null ? "version" : "hospital_name")}' at the top level: not a CMS hospital standard-charges JSON file");
        }

        if (!VersionPattern().IsMatch(version))
        {
            throw new ImportException(file, $"$.version: unsupported template version '{version}': this reader knows versions 2.x and 3.x");
        }

        hospital = new HptFile
        {
            File = file,
            Layout = HptLayout.Json,
            Version = version,
            HospitalName = hospitalName,
            LastUpdatedOn = lastUpdated,
            Locations = locations,
            Addresses = addresses,
            State = licenseState ?? HptFile.StateOfAddresses(addresses),
            LicenseNumber = licenseNumber,
            Type2Npis = npis,
        };
        return hospital;
    }

    string String(string name)
    {
        tokens.Expect(JsonTokenType.String, name);
        return tokens.Text;
    }

    List<string> Strings(string name)
    {
        tokens.Expect(JsonTokenType.StartArray, name);
        var values = new List<string>();
        while (tokens.Read() && tokens.Type != JsonTokenType.EndArray)
        {
            if (tokens.Type != JsonTokenType.String)
            {
                throw tokens.Error($"{name} must hold strings, found {HptJsonTokens.Describe(tokens.Type)}");
            }

            values.Add(tokens.Text);
        }

        return values;
    }

    void License()
    {
        tokens.Expect(JsonTokenType.StartObject, "license_information");
        while (tokens.Read() && tokens.Type == JsonTokenType.PropertyName)
        {
            switch (tokens.Text)
            {
                case "state": licenseState = String("license_information.state").Trim().ToUpperInvariant(); break;
                case "license_number": licenseNumber = String("license_information.license_number"); break;
                default: tokens.Read(); tokens.SkipValue(); break;
            }
        }
    }

    void Modifiers()
    {
        tokens.Expect(JsonTokenType.StartArray, "modifier_information");
        while (tokens.Read() && tokens.Type != JsonTokenType.EndArray)
        {
            tally.ModifierRows++; // payment adjustments for modifiers: text per payer, not an item's charge
            tokens.SkipValue();
        }
    }

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

    /// <summary>A string value (a number is taken as written: some files write codes and units as numbers).</summary>
    string? Scalar(ItemState item, string name)
    {
        tokens.Read();
        switch (tokens.Type)
        {
            case JsonTokenType.String or JsonTokenType.Number:
                return tokens.Text;
            case JsonTokenType.Null:
                return null;
            default:
                item.Reject($"${string.Concat(path)}.{name} @ {tokens.Offset}: expected a string, found {HptJsonTokens.Describe(tokens.Type)}");
                tokens.SkipValue();
                return null;
        }
    }

    decimal? Amount(ItemState item, string name)
    {
        tokens.Read();
        if (tokens.Type == JsonTokenType.Number && tokens.Number is { } value)
        {
            return value;
        }

        if (tokens.Type == JsonTokenType.Null)
        {
            return null;
        }

        var found = tokens.Type == JsonTokenType.String ? $"the string '{tokens.Text}'" : tokens.Type == JsonTokenType.Number ? $"'{tokens.Text}'" : HptJsonTokens.Describe(tokens.Type);
        item.Reject($"${string.Concat(path)}.{name} @ {tokens.Offset}: {found} is not a number");
        tokens.SkipValue();
        return null;
    }

    List<string> StringsIn(ItemState item, string name)
    {
        tokens.Read();
        if (tokens.Type != JsonTokenType.StartArray)
        {
            return Scalar2(item, name);
        }

        var values = new List<string>();
        while (tokens.Read() && tokens.Type != JsonTokenType.EndArray)
        {
            if (tokens.Type == JsonTokenType.String)
            {
                values.Add(tokens.Text);
            }
            else
            {
                item.Reject($"${string.Concat(path)}.{name} @ {tokens.Offset}: must hold strings, found {HptJsonTokens.Describe(tokens.Type)}");
                tokens.SkipValue();
            }
        }

        return values;
    }

    List<string> Scalar2(ItemState item, string name)
    {
        if (tokens.Type == JsonTokenType.String)
        {
            return [tokens.Text];
        }

        item.Reject($"${string.Concat(path)}.{name} @ {tokens.Offset}: must be an array of strings, found {HptJsonTokens.Describe(tokens.Type)}");
        tokens.SkipValue();
        return [];
    }

    [GeneratedRegex(@"^[23]\.\d+(\.\d+)?$")]
    private static partial Regex VersionPattern();
}
