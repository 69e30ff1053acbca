using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importing;

namespace PayerAtlas.Tests.Importers;

public class PfsReaderTests
{
    static List<RvuRecord> ReadCsv() => Read(SharedData.Pfs("PPRRVU2025_Oct.csv"), PprrvuCsvReader.Read);

    static List<RvuRecord> ReadTxt() => Read(SharedData.Pfs("PPRRVU2025_Oct.txt"), PprrvuFixedWidthReader.Read);

    internal static List<T> Read<T>(string path, Func<IEnumerable<TextLine>, string, IEnumerable<T>> reader)
    {
        using var stream = File.OpenRead(path);
        return reader(TextLines.Read(stream, TextLines.StrictUtf8, path), path).ToList();
    }

    [Fact]
    public void The_October_2025_csv_has_19090_rows_for_16852_codes()
    {
        var rows = ReadCsv();
        Assert.Equal(19_090, rows.Count);
        Assert.Equal(16_852, rows.Select(r => r.Hcpcs).Distinct().Count());
        Assert.Equal(11, rows[0].Line);
    }

    [Fact]
    public void Csv_and_fixed_width_files_hold_identical_records()
    {
        var csv = ReadCsv();
        var txt = ReadTxt();
        Assert.Equal(csv.Count, txt.Count);
        for (var i = 0; i < csv.Count; i++)
        {
            Assert.Equal(csv[i] with { Line = 0 }, txt[i] with { Line = 0 });
        }
    }

    [Fact]
    public void All_31_fields_of_77054_global_are_read()
    {
        var r = ReadCsv().Single(r => r.Hcpcs == "77054" && r.Modifier == "");
        Assert.Equal(("A", 0.45m, 1.60m, "", 1.60m, "NA", 0.03m), (r.StatusCode, r.WorkRvu, r.NonFacilityPeRvu, r.NonFacilityNaIndicator, r.FacilityPeRvu, r.FacilityNaIndicator, r.MpRvu));
        Assert.Equal((2.08m, 2.08m, "1", "XXX"), (r.NonFacilityTotal, r.FacilityTotal, r.PcTcIndicator, r.GlobalDays));
        Assert.Equal(("0", "0", "9", "0", "0"), (r.MultipleProcedure, r.BilateralSurgery, r.AssistantSurgery, r.CoSurgeons, r.TeamSurgery));
        Assert.Equal((32.3465m, "09", "0", "99"), (r.ConversionFactor, r.PhysicianSupervision, r.CalculationFlag, r.DiagnosticImagingFamily));
        Assert.Equal((7.58m, 7.58m, 0.07m), (r.OppsNonFacilityPe, r.OppsFacilityPe, r.OppsMp));
    }

    [Fact]
    public void Global_surgery_percentages_and_endoscopic_base_are_read()
    {
        var colonoscopy53 = ReadTxt().Single(r => r.Hcpcs == "45378" && r.Modifier == "53");
        Assert.Equal(("000", "2", 1.63m), (colonoscopy53.GlobalDays, colonoscopy53.MultipleProcedure, colonoscopy53.WorkRvu));
        var drainage = ReadCsv().Single(r => r.Hcpcs == "10060" && r.Modifier == "");
        Assert.Equal(("010", 0.10m, 0.80m, 0.10m), (drainage.GlobalDays, drainage.PreOp, drainage.IntraOp, drainage.PostOp));
    }

    [Fact]
    public void Gpci_csv_and_txt_give_the_same_109_localities()
    {
        var csv = Read(SharedData.Pfs("GPCI2025.csv"), GpciReader.ReadCsv);
        var txt = Read(SharedData.Pfs("GPCI2025.txt"), GpciReader.ReadFixedWidth);
        Assert.Equal(109, csv.Count);
        Assert.Equal(csv.Select(g => g with { Line = 0 }), txt.Select(g => g with { Line = 0 }));
        var alaska = csv.Single(g => g.State == "AK");
        Assert.Equal(("02102", "01", "ALASKA", "*", 1.5m), (alaska.Mac, alaska.LocalityNumber, alaska.LocalityName, alaska.Footnote, alaska.WorkGpci));
        Assert.Equal("**", csv.Single(g => g.State == "WY").Footnote);
    }

    [Fact]
    public void Locality_county_csv_restores_leading_zeros_and_carries_the_state_down()
    {
        var rows = Read(SharedData.Pfs("25LOCCO.csv"), LocalityCountyReader.ReadCsv);
        var txt = Read(SharedData.Pfs("25LOCCO.txt"), LocalityCountyReader.ReadFixedWidth);
        Assert.Equal(rows.Count, txt.Count);
        Assert.Equal(rows.Select(r => (r.Mac, r.LocalityNumber)), txt.Select(r => (r.Mac, r.LocalityNumber)));
        Assert.All(rows.Zip(txt).Where(p => p.Second.State != ""), p => Assert.Equal(p.First.State, p.Second.State));
        Assert.Equal("", txt.Single(r => r.Counties == "MARIN").State); // as shipped: the TXT names no state for California
        var alaska = rows.Single(r => r.Mac == "02102");
        Assert.Equal(("01", "ALASKA", "STATEWIDE", "ALL COUNTIES"), (alaska.LocalityNumber, alaska.State, alaska.FeeScheduleArea, alaska.Counties));
        var marin = rows.Single(r => r.Counties == "MARIN");
        Assert.Equal(("01112", "52", "CALIFORNIA"), (marin.Mac, marin.LocalityNumber, marin.State));
        var gpciIds = Read(SharedData.Pfs("GPCI2025.csv"), GpciReader.ReadCsv).Select(g => g.Id).ToHashSet();
        Assert.All(rows, r => Assert.Contains(r.LocalityId, gpciIds));
    }
}
