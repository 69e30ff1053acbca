using System.Text.Json;

namespace PayerAtlas.Importers.Tic;

internal sealed partial class TicParser
{
    List<TicReportingStructure> ReadReportingStructure(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, "reporting_structure");
        var structures = new List<TicReportingStructure>();
        path.PushIndex("reporting_structure");
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(structures.Count);
            Expect(ref r, JsonTokenType.StartObject, "");
            var start = j.Offset(r.TokenStartIndex);
            List<TicReportingPlan>? plans = null;
            var inNetwork = new List<TicFileLocation>();
            TicFileLocation? allowed = null;
            while (true)
            {
                j.Read(ref r);
                if (r.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = Name(ref r);
                if (name.SequenceEqual("reporting_plans"u8))
                {
                    j.Read(ref r);
                    plans = ReadPlans(ref r, "reporting_plans");
                }
                else if (name.SequenceEqual("in_network_files"u8))
                {
                    j.Read(ref r);
                    Expect(ref r, JsonTokenType.StartArray, "in_network_files");
                    path.PushIndex("in_network_files");
                    while (true)
                    {
                        j.Read(ref r);
                        if (r.TokenType == JsonTokenType.EndArray)
                        {
                            break;
                        }

                        path.SetIndex(inNetwork.Count);
                        inNetwork.Add(ReadFileLocation(ref r, ""));
                    }

                    path.Pop();
                }
                else if (name.SequenceEqual("allowed_amount_file"u8))
                {
                    j.Read(ref r);
                    path.Push("allowed_amount_file");
                    allowed = ReadFileLocation(ref r, "");
                    path.Pop();
                }
                else
                {
                    j.Skip(ref r);
                }
            }

            if (plans is null)
            {
                Missing(start, "reporting_plans");
            }

            structures.Add(new TicReportingStructure { ReportingPlans = plans, InNetworkFiles = inNetwork, AllowedAmountFile = allowed });
        }

        path.Pop();
        return structures;
    }

    TicFileLocation ReadFileLocation(ref Utf8JsonReader r, string property)
    {
        Expect(ref r, JsonTokenType.StartObject, property);
        var start = j.Offset(r.TokenStartIndex);
        string? description = null, location = null;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref r);
            if (name.SequenceEqual("description"u8))
            {
                description = ReadString(ref r, "description");
            }
            else if (name.SequenceEqual("location"u8))
            {
                location = ReadString(ref r, "location");
            }
            else
            {
                j.Skip(ref r);
            }
        }

        if (location is null)
        {
            Missing(start, "location");
        }

        TicSource resolved;
        try
        {
            resolved = source.Resolve(location);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            throw Fail(start, "location", $"'{location}' is not a usable location: {e.Message}");
        }

        return new TicFileLocation(description, location, resolved);
    }
}
