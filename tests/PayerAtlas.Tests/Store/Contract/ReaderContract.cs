using System.Text.Json;
using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Importing;
using PayerAtlas.Sources;

namespace PayerAtlas.Tests.Store;

/// <summary>
/// Every reader method gives back exactly what the format readers parse from the real files — decimals with their
/// published digits (compared as JSON, where 0.450 and 0.45 differ), each row with its file and line.
/// </summary>
public abstract class ReaderContract<TBackend>(ContractReleases<TBackend> releases) : StoreContract<TBackend>(releases)
    where TBackend : StoreBackend, new()
{
    static readonly string Pprrvu = SharedData.Pfs("PPRRVU2025_Oct.csv");
    static readonly string HcpcsZip = SharedData.Path("hcpcs", "2020", "2020-Alpha-Numeric-HCPCS-File.zip");

    static string Json<T>(T value) => JsonSerializer.Serialize(value);

    static List<RvuRecord> FeeScheduleFile() => PprrvuCsvReader.Read(ContractFiles.Lines(Pprrvu), Pprrvu).ToList();

    static List<HcpcsRecord> HcpcsFile()
    {
        var input = ContractFiles.Input(HcpcsZip, "HCPC2020_ANWEB_w_disclaimer.txt");
        return HcpcsReader.Read(ContractFiles.Lines(input, TextLines.Windows1252), input.Name).ToList();
    }

    [Fact]
    public void The_fee_schedule_reads_back_row_for_row_with_its_published_digits_and_line()
    {
        var file = FeeScheduleFile().ToLookup(r => r.Hcpcs);
        using var cms = Store.OpenReader(Releases.Cms);
        using var carried = Store.OpenReader(Releases.Full);
        var codes = file.Select(g => g.Key).Where((_, i) => i % 40 == 0).Append("77054").Append("77067").Distinct().ToList();
        foreach (var code in codes)
        {
            var expected = file[code].Select(Json).ToList();
            var stored = cms.GetFeeSchedule(code);
            Assert.Equal(expected, stored.Select(s => Json(s.Record)));
            Assert.All(stored, s => Assert.Equal(("rvu25d/PPRRVU2025_Oct.csv", "2025Q4", s.Record.Line.ToString()), (s.Source.File, s.Source.Release, s.Source.Row)));
            var again = carried.GetFeeSchedule(code);
            Assert.Equal(expected, again.Select(s => Json(s.Record)));
            Assert.All(again, s => Assert.Equal("2025Q4-content", s.Source.Release));
        }

        Assert.Empty(cms.GetFeeSchedule("ZZZZZ"));
    }

    [Fact]
    public void Gpcis_read_back_sorted_by_state_and_locality_name()
    {
        var path = SharedData.Pfs("GPCI2025.csv");
        var file = GpciReader.ReadCsv(ContractFiles.Lines(path), path).ToList();
        using var reader = Store.OpenReader(Releases.Cms);
        var stored = reader.GetGpcis();
        Assert.Equal(file.Select(Json).Order(StringComparer.Ordinal), stored.Select(s => Json(s.Record)).Order(StringComparer.Ordinal));
        var keys = stored.Select(s => s.Record.State + "\0" + s.Record.LocalityName).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.All(stored, s => Assert.Equal(("rvu25d/GPCI2025.csv", s.Record.Line.ToString()), (s.Source.File, s.Source.Row)));
    }

    [Fact]
    public void Locality_counties_read_back_in_file_order()
    {
        var path = SharedData.Pfs("25LOCCO.csv");
        var file = LocalityCountyReader.ReadCsv(ContractFiles.Lines(path), path).ToList();
        using var reader = Store.OpenReader(Releases.Ncci);
        Assert.Equal(file.Select(Json), reader.GetLocalityCounties().Select(s => Json(s.Record)));
    }

    [Fact]
    public void Opps_caps_read_back_per_code()
    {
        var path = SharedData.Pfs("OPPSCAP_Oct.csv");
        var file = OppsCapReader.Read(ContractFiles.Lines(path), path).ToLookup(r => r.Hcpcs);
        using var reader = Store.OpenReader(Releases.Cms);
        foreach (var code in file.Select(g => g.Key).Where((_, i) => i % 25 == 0).Append("77054"))
        {
            Assert.Equal(file[code].Select(Json), reader.GetOppsCaps(code).Select(s => Json(s.Record)));
        }
    }

    [Fact]
    public void Hcpcs_records_and_modifiers_read_back_from_the_zip_entry()
    {
        var file = HcpcsFile();
        using var reader = Store.OpenReader(Releases.Full);
        foreach (var record in file.Where(r => r.Kind == HcpcsRecordKind.Procedure).Where((_, i) => i % 100 == 0).Append(file.First(r => r.Code == "A4206")))
        {
            var stored = reader.GetHcpcs(record.Code)!;
            Assert.Equal(Json(record), Json(stored.Record));
            Assert.Equal(("2020-Alpha-Numeric-HCPCS-File.zip!HCPC2020_ANWEB_w_disclaimer.txt", record.Line.ToString()), (stored.Source.File, stored.Source.Row));
        }

        var modifiers = file.Where(r => r.Kind == HcpcsRecordKind.Modifier).OrderBy(r => r.Code, StringComparer.Ordinal).Select(Json);
        Assert.Equal(modifiers, reader.GetHcpcsModifiers().Select(s => Json(s.Record)));
        using var cms = Store.OpenReader(Releases.Cms);
        Assert.Null(cms.GetHcpcs("A4206"));
        Assert.Empty(cms.GetHcpcsModifiers());
    }

    [Fact]
    public void Places_of_service_read_back_sorted_by_code()
    {
        var path = SharedData.Path("pos", "cs-CMS-PlaceofServiceCodes.xml");
        List<PlaceOfServiceRecord> file;
        using (var stream = File.OpenRead(path))
        {
            file = PlaceOfServiceReader.ReadFhirXml(stream, path).ToList();
        }

        using var reader = Store.OpenReader(Releases.Full);
        var stored = reader.GetPlacesOfService();
        Assert.Equal(file.OrderBy(p => p.Code, StringComparer.Ordinal), stored.Select(s => s.Record));
        Assert.All(stored, s => Assert.Equal((s.Record.Row, "cs-CMS-PlaceofServiceCodes.xml"), (s.Source.Row, s.Source.File)));
    }

    [Fact]
    public void Editorial_entries_read_back_whole_with_their_file()
    {
        var input = ContractFiles.Input(Path.Combine(RepoPaths.DemoContent, "codes"), "77054.md");
        var expected = ContentPackReader.Read(ContractFiles.Lines(input, TextLines.StrictUtf8), input.Name);
        using var reader = Store.OpenReader(Releases.Ncci);
        var stored = reader.GetEditorial("77054")!;
        Assert.Equal(Json(expected), Json(stored.Record));
        Assert.EndsWith("77054.md", stored.Source.File, StringComparison.Ordinal);
        Assert.Null(reader.GetEditorial("A4206"));
    }

    [Fact]
    public void Codes_are_the_sorted_union_of_fee_schedule_hcpcs_procedures_and_editorial_codes()
    {
        var editorial = ImportInput.Expand([Path.Combine(RepoPaths.DemoContent, "codes")]).Where(i => i.Name.EndsWith(".md", StringComparison.Ordinal) && !i.Name.EndsWith("README.md", StringComparison.Ordinal))
            .Select(i => ContentPackReader.Read(ContractFiles.Lines(i, TextLines.StrictUtf8), i.Name).Code);
        var fee = FeeScheduleFile().Select(r => r.Hcpcs).ToList();
        var expected = fee.Concat(HcpcsFile().Where(r => r.Kind == HcpcsRecordKind.Procedure).Select(r => r.Code)).Concat(editorial)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        using var reader = Store.OpenReader(Releases.Full);
        Assert.Equal(expected, reader.ListCodes());
        using var cms = Store.OpenReader(Releases.Cms);
        Assert.Equal(fee.Distinct().Order(StringComparer.Ordinal), cms.ListCodes());
    }

    [Fact]
    public void Counts_per_dataset_match_the_rows_each_source_reported()
    {
        using var reader = Store.OpenReader(Releases.Ncci);
        foreach (var group in Releases.Ncci.Sources.Where(s => s.Dataset != Dataset.Editorial).GroupBy(s => s.Dataset))
        {
            Assert.Equal(group.Sum(s => s.Rows), reader.Count(group.Key));
        }

        Assert.Equal(0, reader.Count(Dataset.Policies));
    }
}
