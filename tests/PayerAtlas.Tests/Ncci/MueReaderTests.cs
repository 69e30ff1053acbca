using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importing;

namespace PayerAtlas.Tests.Ncci;

/// <summary>The MUE tables as CMS ships them: a quoted multi-line notice, a header broken inside its first name.</summary>
public sealed class MueReaderTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    static List<MueRecord> Read(string path, NcciSetting setting) => MueReader.Read(NcciFixtures.Text(path), path, setting).ToList();

    [Fact]
    public void The_practitioner_table_reads_value_indicator_and_rationale_with_the_row_line()
    {
        var rows = Read(NcciFixtures.PractitionerMue, NcciSetting.Practitioner);
        Assert.Equal(11, rows.Count);
        var ducts = rows.Single(r => r.Code == "77054");
        Assert.Equal((2, MueAdjudication.DateOfServiceClinical, "3 Date of Service Edit: Clinical", "Clinical: Data"),
            (ducts.Value, ducts.Adjudication, ducts.AdjudicationText, ducts.Rationale));
        // Lines 1-2 are the quoted notice, 3-4 the header broken inside "HCPCS/CPT Code".
        Assert.Equal(5, rows[0].Line);
        Assert.Equal(MueAdjudication.ClaimLine, rows.Single(r => r.Code == "20610").Adjudication);
        Assert.Equal((0, MueAdjudication.DateOfServicePolicy), (rows.Single(r => r.Code == "97010").Value, rows.Single(r => r.Code == "97010").Adjudication));
    }

    [Fact]
    public void Each_table_names_its_setting_in_the_header()
    {
        Assert.Equal(4, Read(NcciFixtures.HospitalMue, NcciSetting.OutpatientHospital).Count);
        Assert.Equal(2, Read(NcciFixtures.DmeMue, NcciSetting.Dme).Count);
        var e = Assert.Throws<ImportException>(() => Read(NcciFixtures.DmeMue, NcciSetting.Practitioner));
        Assert.Contains("this is the DME supplier MUE table", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_found_by_name_in_a_reordered_export()
    {
        var rows = MueReader.Read(NcciFixtures.Rows(
            "MUE Rationale,MUE Adjudication Indicator,Practitioner Services MUE Values,HCPCS/CPT Code",
            "Clinical: Data,2 Date of Service Edit: Policy,4,36415"), "x.csv", NcciSetting.Practitioner).ToList();
        Assert.Equal(("36415", 4, MueAdjudication.DateOfServicePolicy), (rows[0].Code, rows[0].Value, rows[0].Adjudication));
    }

    ImportException Fails(string prefix, Func<string, string> change)
    {
        var line = NcciFixtures.LineOf(NcciFixtures.PractitionerMue, prefix);
        var path = NcciFixtures.WithLine(dir, NcciFixtures.PractitionerMue, line, change);
        var e = Assert.Throws<ImportException>(() => Read(path, NcciSetting.Practitioner));
        Assert.Equal(line, e.Line);
        return e;
    }

    [Fact]
    public void A_value_that_is_not_a_whole_number_names_its_column()
    {
        var e = Fails("77053,", l => l.Replace("77053,2,", "77053,2.5,", StringComparison.Ordinal));
        Assert.Equal(7, e.Column);
        Assert.Contains("MUE value: '2.5' is not a whole number of units", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_adjudication_indicator_and_a_repeated_code_are_rejected()
    {
        Assert.Contains("must start with 1, 2 or 3",
            Fails("77053,", l => l.Replace("\"3 Date", "\"4 Date", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
        Assert.Contains("code 77053 is listed twice",
            Fails("77054,", l => l.Replace("77054,", "77053,", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
    }
}
