using System.Text.Json;
using PayerAtlas.Tests.Ncci;

namespace PayerAtlas.Tests.Cli;

/// <summary>`payeratlas check` end to end: files in, findings out, exit code 4 when a line would be denied.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CheckCommandTests(NcciReleaseFixture fixture) : IClassFixture<NcciReleaseFixture>, IDisposable
{
    const string Header = "claim_id,line,date_of_service,code,modifiers,units,place_of_service,payer";
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    (int Exit, string Out, string Err) Check(string file, params string[] options) =>
        CliRunner.Run(["check", file, "--db", fixture.Path, .. options]);

    [Fact]
    public void The_77053_77054_claim_is_denied_with_exit_code_4_and_a_table_naming_rule_fix_and_source()
    {
        var csv = dir.Write("lines.csv", $"""
            {Header}
            C1001,1,2026-03-02,19030,,1,22,Medicare
            C1001,2,2026-03-02,77054,26:LT,1,22,Medicare
            C1001,3,2026-03-02,77053,26:LT,1,22,Medicare
            """);
        var (exit, output, err) = Check(csv);
        Assert.True(exit == 4, err);
        Assert.Contains("C1001            3  77053  deny      ncci.ptp", output, StringComparison.Ordinal);
        Assert.Contains("fix: Report 77054 without 77053 for this date", output, StringComparison.Ordinal);
        Assert.Contains("ncci/ccipra-v321r0-f2.txt (2025Q4-ncci) row 7", output, StringComparison.Ordinal);
        Assert.Contains("checked 3 lines in 1 claims against release 2025Q4-ncci: 1 would be denied", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_claim_exits_0()
    {
        var csv = dir.Write("clean.csv", $"{Header}\nC1,1,2026-03-02,77054,26,1,22,Medicare\nC1,2,2026-03-02,19030,,1,22,Medicare\n");
        var (exit, output, _) = Check(csv, "--min-severity", "warning");
        Assert.Equal(0, exit);
        Assert.Contains("0 would be denied", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_in_and_out_carries_every_finding_with_its_sources_and_the_summary()
    {
        var json = dir.Write("lines.json", """
            [{"claim_id":"C7","line":1,"date_of_service":"2026-03-02","code":"77053","modifiers":["26"],"units":3,"place_of_service":"22","payer":"Medicare"}]
            """);
        var (exit, output, _) = Check(json, "--format", "json", "--preload", "always");
        Assert.Equal(4, exit);
        var root = JsonDocument.Parse(output).RootElement;
        var finding = root.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal(("mue.date-of-service", "deny"), (finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString()));
        Assert.Equal("ncci/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", finding.GetProperty("sources")[0].GetProperty("file").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal((1, 1, "2025Q4-ncci"), (summary.GetProperty("lines").GetInt32(), summary.GetProperty("denied_lines").GetInt32(), summary.GetProperty("release").GetString()));
    }

    [Fact]
    public void The_setting_option_switches_to_the_outpatient_hospital_tables()
    {
        var csv = dir.Write("opps.csv", $"{Header}\nH1,1,2026-03-02,27447,RT,1,22,Medicare\n");
        Assert.Equal(0, Check(csv, "--min-severity", "deny").Exit);
        var (exit, output, _) = Check(csv, "--setting", "outpatient-hospital");
        Assert.Equal(4, exit);
        Assert.Contains("The outpatient hospital MUE for 27447 is 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_line_is_reported_and_the_rest_is_still_checked()
    {
        var csv = dir.Write("bad.csv", $"{Header}\nC1,1,2026-13-01,77054,26,1,22,Medicare\nC2,1,2026-03-02,77053,26,3,22,Medicare\n");
        var (exit, output, _) = Check(csv);
        Assert.Equal(4, exit);
        Assert.Contains("input.invalid", output, StringComparison.Ordinal);
        Assert.Contains("date_of_service '2026-13-01' is not a date", output, StringComparison.Ordinal);
        Assert.Contains("mue.date-of-service", output, StringComparison.Ordinal);
        Assert.Contains("1 could not be read", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_header_is_bad_input_with_exit_code_2()
    {
        var csv = dir.Write("noheader.csv", "C1,1,2026-03-02,77054,26,1,22,Medicare\n");
        var (exit, _, err) = Check(csv);
        Assert.Equal(2, exit);
        Assert.Contains("header lacks", err, StringComparison.Ordinal);
        Assert.Contains("noheader.csv:1:1:", err, StringComparison.Ordinal);
    }
}
