using System.Text;
using PayerAtlas.Claims;
using PayerAtlas.Claims.Input;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importing;

namespace PayerAtlas.Tests.Claims;

public class ClaimInputTests
{
    const string Header = "claim_id,line,date_of_service,code,modifiers,units,place_of_service,payer";

    static List<ClaimLine> Csv(params string[] lines) => ClaimLineCsv.Read(lines.Select((l, i) => new TextLine(i + 1, l)), "lines.csv").ToList();

    static async Task<List<ClaimLine>> Json(string json)
    {
        var lines = new List<ClaimLine>();
        await foreach (var line in ClaimLineJson.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "lines.json"))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public void A_csv_line_reads_every_field_with_modifiers_joined_by_colons()
    {
        var line = Assert.Single(Csv(Header, "C1,2,2026-03-02,77053,26:rt,1,22,Medicare"));
        Assert.Equal(("C1", 2, new DateOnly(2026, 3, 2), "77053", 1m, "22", "Medicare"), (line.ClaimId, line.Line, line.DateOfService, line.Code, line.Units, line.PlaceOfService, line.Payer));
        Assert.Equal(["26", "RT"], line.Modifiers);
        Assert.Equal(2, line.InputLine);
        Assert.Null(line.Invalid);
    }

    [Fact]
    public void Columns_may_come_in_any_order_with_optional_setting_and_patient()
    {
        var line = Assert.Single(Csv("payer,code,claim_id,line,units,modifiers,place_of_service,date_of_service,setting,patient",
            "Aetna,77054,C9,1,2,,2,03/02/2026,outpatient-hospital,P7"));
        Assert.Equal(("77054", "02", NcciSetting.OutpatientHospital, "P7", new DateOnly(2026, 3, 2)), (line.Code, line.PlaceOfService, line.Setting, line.Patient, line.DateOfService));
    }

    [Fact]
    public void A_bad_line_is_kept_as_an_invalid_line_and_the_rest_still_reads()
    {
        var lines = Csv(Header, "C1,1,2026-02-30,77053,,x,22,Medicare", "C1,2,2026-03-02,77054,,1,22,Medicare");
        Assert.Equal(2, lines.Count);
        Assert.Equal("date_of_service '2026-02-30' is not a date (yyyy-mm-dd or mm/dd/yyyy); units 'x' is not a number", lines[0].Invalid);
        Assert.Null(lines[1].Invalid);
    }

    [Fact]
    public void A_header_missing_a_column_is_an_error_naming_it()
    {
        var e = Assert.Throws<ImportException>(() => Csv("claim_id,line,date_of_service,code,units,place_of_service,payer"));
        Assert.Equal(1, e.Line);
        Assert.Contains("header lacks modifiers", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_reads_an_array_of_objects_with_modifier_arrays_and_numeric_fields()
    {
        var lines = await Json("""
            [ {"claim_id":"C1","line":1,"date_of_service":"2026-03-02","code":"77054","modifiers":["26","LT"],"units":1,"place_of_service":22,"payer":"Medicare"},
              {"claim_id":"C1","line":2,"date_of_service":"2026-03-02","code":"77053","modifiers":"26:RT","units":"2","place_of_service":"22","payer":"Medicare"} ]
            """);
        Assert.Equal(2, lines.Count);
        Assert.Equal(["26", "LT"], lines[0].Modifiers);
        Assert.Equal(("22", 2m, 2L), (lines[1].PlaceOfService, lines[1].Units, lines[1].InputLine));
        Assert.Equal(["26", "RT"], lines[1].Modifiers);
    }

    [Fact]
    public async Task Json_lines_are_read_one_object_per_line()
    {
        var lines = await Json("""
            {"claim_id":"C1","line":1,"date_of_service":"2026-03-02","code":"77054","modifiers":[],"units":1,"place_of_service":"22","payer":"Medicare"}
            {"claim_id":"C1","line":2,"date_of_service":"bad","code":"77053","modifiers":[],"units":1,"place_of_service":"22","payer":"Medicare"}
            """);
        Assert.Equal(2, lines.Count);
        Assert.Contains("date_of_service 'bad' is not a date", lines[1].Invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_an_error_with_its_position()
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => Json("[\n{\"claim_id\": \"C1\",,}]"));
        Assert.Equal(2, e.Line);
        Assert.Contains("malformed JSON", e.Reason, StringComparison.Ordinal);
    }
}
