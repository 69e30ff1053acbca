using PayerAtlas.Tests;

namespace PayerAtlas.Lake.Tests;

/// <summary>The CMS example files, sniffed from their first bytes as the ingest reads them (names never consulted).</summary>
public sealed class RateFileSnifferTests
{
    [Theory]
    [InlineData("tic/v2.2.0/examples/in-network-rates/in-network-rates-fee-for-service-single-plan-sample.json", RateFileKind.TicInNetwork)]
    [InlineData("tic/v2.2.0/examples/in-network-rates/in-network-rates-bundle-single-plan-sample.json", RateFileKind.TicInNetwork)]
    [InlineData("tic/v1.6.2/examples/in-network-rates/in-network-rates-multiple-plans-sample.json", RateFileKind.TicInNetwork)]
    [InlineData("tic/v2.2.0/examples/allowed-amounts/allowed-amounts-single-plan-sample.json", RateFileKind.TicAllowedAmounts)]
    [InlineData("tic/v1.6.2/examples/allowed-amounts/allowed-amounts-multiple-plan-empty-sample.json", RateFileKind.TicAllowedAmounts)]
    [InlineData("tic/v2.2.0/examples/table-of-contents/table-of-contents-sample.json", RateFileKind.TicTableOfContents)]
    [InlineData("tic/v1.6.2/examples/provider-reference/provider-reference.json", RateFileKind.TicProviderReference)]
    [InlineData("hpt/examples/JSON/v3_json_format_example.json", RateFileKind.HospitalJson)]
    [InlineData("hpt/archive/examples/JSON/V2.0.0_JSON_Format_Example.json", RateFileKind.HospitalJson)]
    [InlineData("hpt/examples/CSV/Tall/V3.0.0_Tall_CSV_Format_Example.csv", RateFileKind.HospitalCsv)]
    [InlineData("hpt/examples/CSV/Wide/V3.0.0_Wide_CSV_Format_Example.csv", RateFileKind.HospitalCsv)]
    [InlineData("hpt/archive/examples/CSV/Tall/V2.0.0_Tall_CSV_Format_Example.csv", RateFileKind.HospitalCsv)]
    [InlineData("hpt/archive/examples/CSV/Wide/V2.0.0_Wide_CSV_Format_Example.csv", RateFileKind.HospitalCsv)]
    [InlineData("pfs/rvu25d/GPCI2025.csv", RateFileKind.Unknown)]
    public void A_cms_example_is_recognised_from_its_first_bytes(string file, RateFileKind expected)
    {
        var bytes = File.ReadAllBytes(SharedData.Path(file.Split('/')));

        Assert.Equal(expected, RateFileSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, RateFileSniffer.HeadBytes))));
    }

    [Fact]
    public void A_csv_whose_first_line_names_the_hospital_but_no_version_is_not_taken_for_a_hospital_file()
    {
        Assert.Equal(RateFileKind.Unknown, RateFileSniffer.Sniff("hospital_name,notes\nGeneral,hello\n"u8));
        Assert.Equal(RateFileKind.HospitalCsv, RateFileSniffer.Sniff("\uFEFFhospital_name,last_updated_on,version\nGeneral,2025-01-01,3.0.0\n"u8));
    }
}
