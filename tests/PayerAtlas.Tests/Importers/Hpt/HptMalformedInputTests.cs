using System.IO.Compression;
using System.Text;
using PayerAtlas.Importers.Hpt;
using PayerAtlas.Importing;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Importers.Hpt;

public class HptMalformedInputTests
{
    const string General = """
        hospital_name,last_updated_on,version,location_name,hospital_address,license_number|TX,type_2_npi
        Fixture Hospital,2026-01-01,3.0.0,Fixture,"1 Road, Austin, TX 78701",1,0000000009

        """;

    const string TallHeader = "description,code|1,code|1|type,setting,standard_charge|gross,payer_name,plan_name,standard_charge|negotiated_dollar,standard_charge|methodology\n";

    static ImportException Fails(string text, string name = "fixture.csv") =>
        Assert.Throws<ImportException>(() => HptFiles.ReadText(text, name));

    static ImportException FailsJson(byte[] bytes, string name = "fixture.json")
    {
        using var stream = new MemoryStream(bytes);
        return Assert.Throws<ImportException>(() => HptReader.Read(stream, name, new RateBenchmarkList()));
    }

    [Fact]
    public void A_bad_number_and_a_row_without_code_are_rejections_with_line_and_column()
    {
        // Columns are 1-based characters of the line, as in every importer's errors.
        var (report, o) = HptFiles.ReadText(General + TallHeader
            + "MRI,70551,CPT,outpatient,1200,Acme,Gold,4OO,fee schedule\n"
            + "No code,,,outpatient,1200,Acme,Gold,300,fee schedule\n"
            + "CT,70450,CPT,outpatient,900,Acme,Gold,310,fee schedule\n");
        Assert.Equal(3, report.Rows);
        Assert.Equal(2, report.RejectedCount);
        Assert.Equal("line 4, column 41: negotiated_dollar: '4OO' is not a number", report.Rejections[0].ToString());
        Assert.Equal("line 5, column 9: row has no code", report.Rejections[1].ToString());
        Assert.Equal(["gross 900", "fee schedule 310"], o.Select(x => $"{x.NegotiatedType} {x.Rate}")); // the good row only
    }

    [Fact]
    public void A_missing_required_column_names_the_header_line()
    {
        var e = Fails(General + TallHeader.Replace("setting,", "", StringComparison.Ordinal) + "MRI,70551,CPT,1200,Acme,Gold,400,fee schedule\n");
        Assert.Equal(("fixture.csv", 3L), (e.File, e.Line));
        Assert.Contains("missing required column 'setting'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_version_names_line_2_and_its_column()
    {
        var e = Fails(General.Replace("3.0.0", "4.0.0", StringComparison.Ordinal) + TallHeader);
        Assert.Equal((2L, 29), (e.Line, e.Column)); // columns are characters, as in every importer's errors
        Assert.Contains("unsupported template version '4.0.0'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_that_is_not_a_hospital_file_is_refused_at_line_1()
    {
        var e = Fails("HCPCS,MOD,DESCRIPTION\n70551,,MRI\n70551,26,MRI\n");
        Assert.Equal(1L, e.Line);
        Assert.Contains("hospital_name and version", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_mixing_tall_and_wide_columns_is_refused()
    {
        var e = Fails(General + "description,code|1,code|1|type,setting,payer_name,plan_name,standard_charge|Acme|Gold|negotiated_dollar\n");
        Assert.Contains("mixes the tall layout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_is_a_structural_error()
    {
        var e = Fails(General + TallHeader + "\"MRI,70551,CPT,outpatient,1200,Acme,Gold,400,fee schedule\n");
        Assert.Equal(4L, e.Line);
        Assert.Contains("never closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_names_the_byte_offset_and_the_json_path()
    {
        var bytes = File.ReadAllBytes(HptFiles.JsonV3);
        var e = FailsJson(bytes[..(bytes.Length / 2)]);
        Assert.Contains("fixture.json: byte ", e.Message, StringComparison.Ordinal);
        Assert.Contains("($.standard_charge_information[", e.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_where_a_number_belongs_rejects_the_item_with_its_path()
    {
        var json = File.ReadAllText(HptFiles.JsonV3).Replace("\"standard_charge_dollar\": 400", "\"standard_charge_dollar\": \"four hundred\"", StringComparison.Ordinal);
        var list = new RateBenchmarkList();
        var report = HptReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json", list);
        Assert.Equal(1, report.RejectedCount);
        Assert.StartsWith("$.standard_charge_information[0] @ ", report.Rejections[0].Locator, StringComparison.Ordinal);
        Assert.Contains("$.standard_charge_information[0].standard_charges[0].payers_information[0].standard_charge_dollar @ ", report.Rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("the string 'four hundred' is not a number", report.Rejections[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(list.Observations, o => o.BillingCode == "70551"); // the whole item is left out
        Assert.Contains(list.Observations, o => o.BillingCode == "49505");
    }

    [Fact]
    public void Json_without_a_version_is_refused()
    {
        var e = FailsJson("""{"hospital_name": "X", "standard_charge_information": []}"""u8.ToArray());
        Assert.Contains("missing required property 'version'", e.Message, StringComparison.Ordinal);
    }

    const string LateGeneralData = """
        {"standard_charge_information": [
           {"description": "MRI", "code_information": [{"code": "70551", "type": "CPT"}],
            "standard_charges": [{"setting": "outpatient", "payers_information": [{"payer_name": "Acme", "plan_name": "Gold", "methodology": "fee schedule", "standard_charge_dollar": 410.25}]}]}],
         "hospital_name": "Late Hospital", "version": "3.0.0", "license_information": {"state": "wa"}}
        """;

    [Fact]
    public void General_data_after_the_items_is_found_on_a_second_pass()
    {
        var list = new RateBenchmarkList();
        var report = HptReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(LateGeneralData)), "late.json", list);
        var o = Assert.Single(list.Observations);
        Assert.Equal(("Late Hospital", "WA", 410.25m, 1L), (o.ReportingEntity, o.State, o.Rate!.Value, report.Rows));
    }

    [Fact]
    public void General_data_after_the_items_of_a_gzip_stream_cannot_be_read_twice()
    {
        var e = FailsJson(Gzip(Encoding.UTF8.GetBytes(LateGeneralData)));
        Assert.Contains("cannot be read twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_reads_like_the_plain_one()
    {
        var plain = HptFiles.Read(HptFiles.TallV3).Observations;
        var list = new RateBenchmarkList();
        HptReader.Read(new MemoryStream(Gzip(File.ReadAllBytes(HptFiles.TallV3))), Path.GetFileName(HptFiles.TallV3), list);
        Assert.Equal(plain, list.Observations);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Contains("file is empty", FailsJson([]).Message, StringComparison.Ordinal);
    }

    static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
