using System.Text;
using PayerAtlas.Importers.Tic;
using static PayerAtlas.Tests.Tic.TicFiles;

namespace PayerAtlas.Tests.Tic;

/// <summary>Malformed input: every error names the file, the byte offset and the JSON path, and says why.</summary>
public sealed class TicErrorTests
{
    static readonly string FeeForService = Example("v2.2.0", "in-network-rates", "in-network-rates-fee-for-service-single-plan-sample.json");

    static TicFormatException Reject(string json, string name = "bad.json")
    {
        using var dir = new TempDir();
        var path = dir.Write(name, json);
        return Assert.Throws<TicFormatException>(() => Read(path));
    }

    static string Text(string path) => File.ReadAllText(path);

    [Fact]
    public void The_validators_deliberately_invalid_allowed_amounts_file_is_rejected_at_its_first_fault()
    {
        var path = SharedData.Path("tic", "validator-test-files", "allowed-amounts-error.json");
        var e = Assert.Throws<TicFormatException>(() => Read(path));
        Assert.Equal(path, e.File);
        Assert.Equal("$.last_updated_on", e.JsonPath);
        Assert.Contains("'Jan 2nd, 2020' is not a YYYY-MM-DD date", e.Reason, StringComparison.Ordinal);
        var text = Text(path);
        Assert.Equal(text.IndexOf("\"Jan 2nd", StringComparison.Ordinal), e.ByteOffset);
    }

    [Fact]
    public void The_invalid_allowed_amounts_file_repaired_fault_by_fault_shows_each_remaining_fault()
    {
        var text = Text(SharedData.Path("tic", "validator-test-files", "allowed-amounts-error.json")).Replace("Jan 2nd, 2020", "2020-01-02", StringComparison.Ordinal);

        var e = Reject(text);
        Assert.Equal("$.out_of_network[0].allowed_amounts[0].service_code[3]", e.JsonPath);
        Assert.Contains("expected a string, found the number 4", e.Reason, StringComparison.Ordinal);

        text = text.Replace("\"03\", 4]", "\"03\"]", StringComparison.Ordinal);
        e = Reject(text);
        Assert.Equal("$.out_of_network[0].allowed_amounts[0].payments[0].allowed_amount", e.JsonPath);
        Assert.Contains("expected a number, found the string \"25.00\"", e.Reason, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(text[..text.IndexOf("\"25.00\"", StringComparison.Ordinal)]), e.ByteOffset);

        text = text.Replace("\"25.00\"", "25.00", StringComparison.Ordinal);
        e = Reject(text);
        Assert.Equal("$.out_of_network[0]", e.JsonPath);
        Assert.Contains("'name' is missing", e.Reason, StringComparison.Ordinal);

        text = text.Replace("\"Name\"", "\"name\"", StringComparison.Ordinal);
        using var dir = new TempDir();
        var (_, items) = Read(dir.Write("repaired.json", text));
        Assert.Equal(3, items.Count);
    }

    [Fact]
    public void A_bad_number_after_fast_read_rates_names_its_byte_and_path_and_no_misleading_line()
    {
        // The rates before it take the fast path, so the reader restarts there: its own line count would be wrong.
        var text = Text(FeeForService);
        var at = text.LastIndexOf("\"negotiated_rate\":", StringComparison.Ordinal);
        Assert.True(at > 0);
        var value = text.IndexOf(':', at) + 1;
        while (text[value] == ' ')
        {
            value++;
        }

        var bad = text[..value] + "12.3.4" + text[value..].TrimStart("0123456789.".ToCharArray());

        var e = Reject(bad);

        Assert.Contains("invalid JSON", e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", e.Reason, StringComparison.Ordinal);
        Assert.EndsWith(".negotiated_prices[0]", e.JsonPath, StringComparison.Ordinal);
        Assert.InRange(e.ByteOffset, Encoding.UTF8.GetByteCount(bad[..at]), Encoding.UTF8.GetByteCount(bad[..(value + 6)]));
    }

    [Fact]
    public void Truncated_json_names_the_place_it_stops()
    {
        var text = Text(FeeForService);
        var cut = text[..(text.Length / 2)];
        var e = Reject(cut);
        Assert.Contains("truncated", e.Reason, StringComparison.Ordinal);
        Assert.StartsWith("$.in_network[0].negotiated_rates", e.JsonPath, StringComparison.Ordinal);
        Assert.InRange(e.ByteOffset, cut.Length - 200, cut.Length);
    }

    [Fact]
    public void A_string_where_a_rate_is_expected_is_a_type_error_at_that_rate()
    {
        var text = Text(FeeForService).Replace("\"negotiated_rate\": 120.45", "\"negotiated_rate\": \"120.45\"", StringComparison.Ordinal);
        var e = Reject(text);
        Assert.Equal("$.in_network[0].negotiated_rates[1].negotiated_prices[0].negotiated_rate", e.JsonPath);
        Assert.Contains("expected a number", e.Reason, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(text[..text.IndexOf("\"120.45\"", StringComparison.Ordinal)]), e.ByteOffset);
        Assert.Contains("bad.json @ byte", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_where_an_array_is_expected_is_a_type_error()
    {
        var text = Text(FeeForService).Replace("\"service_code\": [\"05\", \"06\", \"07\"]", "\"service_code\": {\"a\": 1}", StringComparison.Ordinal);
        var e = Reject(text);
        Assert.Equal("$.in_network[0].negotiated_rates[1].negotiated_prices[0].service_code", e.JsonPath);
        Assert.Contains("expected an array of strings, found an object", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_negotiated_type_or_billing_class_is_rejected()
    {
        var e = Reject(Text(FeeForService).Replace("\"negotiated_type\": \"negotiated\"", "\"negotiated_type\": \"guessed\"", StringComparison.Ordinal));
        Assert.Equal("$.in_network[0].negotiated_rates[0].negotiated_prices[0].negotiated_type", e.JsonPath);
        e = Reject(Text(FeeForService).Replace("\"billing_class\": \"institutional\"", "\"billing_class\": \"facility\"", StringComparison.Ordinal));
        Assert.Contains("'facility' is not professional, institutional or both", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_provider_group_the_file_does_not_define_is_rejected_at_the_reference()
    {
        var text = Text(FeeForService);
        var at = text.LastIndexOf("\"provider_references\": [1]", StringComparison.Ordinal);
        text = text[..at] + "\"provider_references\": [1, 9]" + text[(at + "\"provider_references\": [1]".Length)..];
        var e = Reject(text);
        Assert.Equal("$.in_network[1].negotiated_rates[1].provider_references[1]", e.JsonPath);
        Assert.Contains("provider_group_id 9 is not defined", e.Reason, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(text[..(at + "\"provider_references\": [1, ".Length)]), e.ByteOffset);
    }

    [Fact]
    public void A_missing_required_field_names_the_object_it_is_missing_from()
    {
        var e = Reject(Text(FeeForService).Replace("\"billing_code\": \"27448\",", "", StringComparison.Ordinal));
        Assert.Equal("$.in_network[1]", e.JsonPath);
        Assert.Contains("'billing_code' is missing", e.Reason, StringComparison.Ordinal);

        e = Reject(Text(FeeForService).Replace("\"expiration_date\": \"2022-01-01\",\n              \"service_code\": [\"05\"", "\"service_code\": [\"05\"", StringComparison.Ordinal));
        Assert.Equal("$.in_network[0].negotiated_rates[1].negotiated_prices[0]", e.JsonPath);
        Assert.Contains("'expiration_date' is missing", e.Reason, StringComparison.Ordinal);

        // schema 2.x requires the setting
        e = Reject(Text(FeeForService).Replace("\"setting\": \"inpatient\",\n              \"negotiated_type\": \"negotiated\",\n              \"negotiated_rate\": 12.45", "\"negotiated_type\": \"negotiated\",\n              \"negotiated_rate\": 12.45", StringComparison.Ordinal));
        Assert.Contains("'setting' is missing", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_stream_cut_short_is_reported_as_such()
    {
        using var dir = new TempDir();
        var gz = Gzip(File.ReadAllBytes(FeeForService));
        var path = Path.Combine(dir.Path, "cut.json.gz");
        File.WriteAllBytes(path, gz[..(gz.Length * 2 / 3)]);
        var e = Assert.Throws<TicFormatException>(() => Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains("the gzip stream ends before the JSON does (cut short)", e.Reason, StringComparison.Ordinal);
        Assert.InRange(e.ByteOffset, 1, File.ReadAllBytes(FeeForService).Length);
    }

    [Fact]
    public void A_file_that_is_not_tic_is_rejected()
    {
        var e = Reject("{\"hello\": [1, 2, 3]}");
        Assert.Contains("not a Transparency-in-Coverage file", e.Reason, StringComparison.Ordinal);
        e = Reject("[1, 2]");
        Assert.Equal("$", e.JsonPath);
        Assert.Contains("expected an object, found an array", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_header_field_is_rejected_even_when_everything_else_is_there()
    {
        var e = Reject(Text(FeeForService).Replace("\"reporting_entity_type\": \"medicare\",", "", StringComparison.Ordinal));
        Assert.Equal("$", e.JsonPath);
        Assert.Contains("'reporting_entity_type' is missing", e.Reason, StringComparison.Ordinal);
    }
}
