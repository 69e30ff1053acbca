using System.IO.Compression;
using System.Security.Cryptography;
using PayerAtlas.Importing;
using PayerAtlas.Sources;
using PayerAtlas.Sqlite;

namespace PayerAtlas.Tests.Store;

public class ImportTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>
{
    [Fact]
    public void The_cms_folder_becomes_release_2025Q4_with_hashed_sources_and_row_counts()
    {
        var release = fixture.Cms;
        Assert.Equal("2025Q4", release.Label);
        var bySet = release.Sources.ToDictionary(s => s.Dataset);
        Assert.Equal(("rvu25d/PPRRVU2025_Oct.csv", 19_090L), (bySet[Dataset.FeeSchedule].File, bySet[Dataset.FeeSchedule].Rows));
        Assert.Equal(109, bySet[Dataset.Gpci].Rows);
        Assert.Equal(110, bySet[Dataset.LocalityCounties].Rows);
        Assert.Equal(16_100, bySet[Dataset.OppsCap].Rows);
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(SharedData.Pfs("PPRRVU2025_Oct.csv"))));
        Assert.Equal(expectedHash, bySet[Dataset.FeeSchedule].Sha256);
    }

    [Fact]
    public void A_second_import_carries_the_fee_schedule_forward_and_keeps_the_first_release_readable()
    {
        var full = fixture.Full;
        Assert.True(full.IsCurrent);
        Assert.False(fixture.Store.FindRelease("2025Q4")!.IsCurrent);
        var carried = full.Sources.Single(s => s.Dataset == Dataset.FeeSchedule);
        Assert.Equal("2025Q4", carried.CarriedFrom);
        using var reader = fixture.Store.OpenReader(full);
        Assert.Equal(19_090, reader.Count(Dataset.FeeSchedule));
        Assert.Equal(26, reader.Count(Dataset.Editorial));
        Assert.Equal(6_710 + 369, reader.Count(Dataset.HcpcsLevel2));
        Assert.Equal(52, reader.Count(Dataset.PlacesOfService));
        using var old = fixture.Store.OpenReader(fixture.Cms);
        Assert.Equal(0, old.Count(Dataset.Editorial));
        Assert.Equal(19_090, old.Count(Dataset.FeeSchedule));
    }

    [Fact]
    public void The_hcpcs_file_is_read_straight_out_of_the_cms_zip()
    {
        var source = fixture.Full.Sources.Single(s => s.Dataset == Dataset.HcpcsLevel2);
        Assert.Equal("2020-Alpha-Numeric-HCPCS-File.zip!HCPC2020_ANWEB_w_disclaimer.txt", source.File);
        using var reader = fixture.Store.OpenReader(fixture.Full);
        var a4206 = reader.GetHcpcs("A4206");
        Assert.NotNull(a4206);
        Assert.StartsWith("2020-Alpha-Numeric-HCPCS-File.zip!", a4206.Source.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_and_fixed_width_imports_give_identical_releases()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("twins.db"));
        store.Migrate();
        var importer = new ReleaseImporter(store);
        var csv = importer.Import([SharedData.Pfs("PPRRVU2025_Oct.csv"), SharedData.Pfs("GPCI2025.csv"), SharedData.Pfs("25LOCCO.csv")], "csv").Release;
        var txt = importer.Import([SharedData.Pfs("PPRRVU2025_Oct.txt"), SharedData.Pfs("GPCI2025.txt"), SharedData.Pfs("25LOCCO.txt")], "txt").Release;
        using var a = store.OpenReader(csv);
        using var b = store.OpenReader(txt);
        Assert.Equal(a.ListCodes(), b.ListCodes());
        foreach (var code in a.ListCodes())
        {
            Assert.Equal(a.GetFeeSchedule(code).Select(r => r.Record with { Line = 0 }), b.GetFeeSchedule(code).Select(r => r.Record with { Line = 0 }));
        }

        Assert.Equal(a.GetGpcis().Select(g => g.Record with { Line = 0 }), b.GetGpcis().Select(g => g.Record with { Line = 0 }));
    }

    [Fact]
    public void A_cms_style_zip_of_fixed_width_files_imports_with_entry_provenance()
    {
        using var dir = new TempDir();
        var zip = dir.File("RVU25D.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(SharedData.Pfs("PPRRVU2025_Oct.txt"), "PPRRVU2025_Oct.txt");
            archive.CreateEntryFromFile(SharedData.Pfs("GPCI2025.txt"), "GPCI2025.txt");
            archive.CreateEntryFromFile(SharedData.Pfs("RVU25D.pdf"), "RVU25D.pdf");
        }

        using var store = new SqliteStore(dir.File("zip.db"));
        store.Migrate();
        var report = new ReleaseImporter(store).Import([zip]);
        Assert.Equal("2025Q4", report.Release.Label);
        Assert.Contains(report.Release.Sources, s => s.File == "RVU25D.zip!PPRRVU2025_Oct.txt" && s.Rows == 19_090);
        Assert.Contains(report.Files, f => f.File.EndsWith("RVU25D.pdf", StringComparison.Ordinal) && f.Outcome == ImportOutcome.Skipped);
    }

    [Fact]
    public void Importing_under_an_existing_label_is_refused()
    {
        var e = Assert.Throws<ImportException>(() => new ReleaseImporter(fixture.Store).Import([SharedData.Pfs("GPCI2025.csv")], "2025Q4"));
        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
    }
}
