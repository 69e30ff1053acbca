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

    [GeneratedRegex(@"^[23]\.\d+(\.\d+)?$")]
    private static partial Regex VersionPattern();
}
