using System.IO.Compression;
using System.Security.Cryptography;
using PayerAtlas.Importing;
using PayerAtlas.Sources;

namespace PayerAtlas.Tests.Store;

/// <summary>Releases: hashed sources, carry-forward, all-or-nothing imports, old releases readable by label.</summary>
public abstract class ReleaseContract<TBackend>(ContractReleases<TBackend> releases) : StoreContract<TBackend>(releases)
    where TBackend : StoreBackend, new()
{
    [Fact]
    public void The_cms_folder_becomes_release_2025Q4_with_hashed_sources_and_row_counts()
    {
        var release = Store.FindRelease("2025Q4")!;
        Assert.Equal((Releases.Cms.Id, Releases.Cms.Label, Releases.Cms.ImportedAt), (release.Id, release.Label, release.ImportedAt));
        Assert.Equal(Releases.Cms.Sources, release.Sources);
        var bySet = release.Sources.ToDictionary(s => s.Dataset);
        Assert.Equal(("rvu25d/PPRRVU2025_Oct.csv", 19_090L), (bySet[Dataset.FeeSchedule].File, bySet[Dataset.FeeSchedule].Rows));
        Assert.Equal(109, bySet[Dataset.Gpci].Rows);
        Assert.Equal(110, bySet[Dataset.LocalityCounties].Rows);
        Assert.Equal(16_100, bySet[Dataset.OppsCap].Rows);
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(SharedData.Pfs("PPRRVU2025_Oct.csv"))));
        Assert.Equal(expectedHash, bySet[Dataset.FeeSchedule].Sha256);
    }

    [Fact]
    public void Releases_are_listed_in_import_order_and_only_the_last_is_current()
    {
        var all = Store.ListReleases();
        Assert.Equal(["2025Q4", "2025Q4-content", "2025Q4-ncci"], all.Select(r => r.Label));
        Assert.Equal([false, false, true], all.Select(r => r.IsCurrent));
        Assert.Equal("2025Q4-ncci", Store.FindRelease()!.Label);
        Assert.True(all[0].ImportedAt <= all[1].ImportedAt && all[1].ImportedAt <= all[2].ImportedAt);
        Assert.Null(Store.FindRelease("no-such-release"));
    }

    [Fact]
    public void A_later_import_carries_the_fee_schedule_forward_and_keeps_the_first_release_readable()
    {
        var full = Store.FindRelease("2025Q4-content")!;
        var carried = full.Sources.Single(s => s.Dataset == Dataset.FeeSchedule);
        Assert.Equal(("2025Q4", Releases.Cms.Sources.Single(s => s.Dataset == Dataset.FeeSchedule).Sha256), (carried.CarriedFrom, carried.Sha256));
        using var reader = Store.OpenReader(full);
        Assert.Equal(19_090, reader.Count(Dataset.FeeSchedule));
        Assert.Equal(26, reader.Count(Dataset.Editorial));
        Assert.Equal(6_710 + 369, reader.Count(Dataset.HcpcsLevel2));
        Assert.Equal(52, reader.Count(Dataset.PlacesOfService));
        using var old = Store.OpenReader(Store.FindRelease("2025Q4")!);
        Assert.Equal(0, old.Count(Dataset.Editorial));
        Assert.Equal(19_090, old.Count(Dataset.FeeSchedule));
        // Carried twice: the third release still names the release the rows first came from.
        Assert.Equal("2025Q4", Releases.Ncci.Sources.Single(s => s.Dataset == Dataset.FeeSchedule).CarriedFrom);
        Assert.Equal("2025Q4-content", Releases.Ncci.Sources.Single(s => s.Dataset == Dataset.HcpcsLevel2).CarriedFrom);
    }

    [Fact]
    public void The_hcpcs_file_is_read_straight_out_of_the_cms_zip()
    {
        var source = Releases.Full.Sources.Single(s => s.Dataset == Dataset.HcpcsLevel2);
        Assert.Equal("2020-Alpha-Numeric-HCPCS-File.zip!HCPC2020_ANWEB_w_disclaimer.txt", source.File);
        using var reader = Store.OpenReader(Releases.Full);
        var a4206 = reader.GetHcpcs("A4206");
        Assert.NotNull(a4206);
        Assert.StartsWith("2020-Alpha-Numeric-HCPCS-File.zip!", a4206.Source.File, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_disposed_without_commit_leaves_the_store_untouched()
    {
        var store = NewStore("rollback");
        var first = new ReleaseImporter(store).Import([SharedData.Pfs("GPCI2025.csv")], "first").Release;
        using (var import = store.BeginImport("abandoned"))
        {
            var source = import.AddSource("GPCI2025.csv", SourceKind.GpciCsv, new string('0', 64));
            Assert.Equal(109, import.WriteGpci(source, GpciReader(SharedData.Pfs("GPCI2025.csv"))));
            import.CarryForward(Dataset.Gpci, first);
        }

        Assert.Equal(["first"], store.ListReleases().Select(r => r.Label));
        Assert.Equal("first", store.FindRelease()!.Label);
        Assert.Null(store.FindRelease("abandoned"));
        using (var reader = store.OpenReader(first))
        {
            Assert.Equal(109, reader.Count(Dataset.Gpci));
        }

        // The label is free again, and the next import succeeds.
        var again = new ReleaseImporter(store).Import([SharedData.Pfs("GPCI2025.csv")], "abandoned").Release;
        Assert.True(again.IsCurrent);
        Assert.Equal(2, store.ListReleases().Count);
    }

    [Fact]
    public void An_uncommitted_import_is_invisible_and_the_switch_happens_at_commit()
    {
        var store = NewStore("visibility");
        var first = new ReleaseImporter(store).Import([SharedData.Pfs("GPCI2025.csv")], "first").Release;
        using var import = store.BeginImport("second");
        var source = import.AddSource("25LOCCO.csv", SourceKind.LocalityCountyCsv, new string('1', 64));
        import.WriteLocalityCounties(source, LocalityReader(SharedData.Pfs("25LOCCO.csv")));
        import.CarryForward(Dataset.Gpci, first);

        // The same store and a second store on the same database both still see only the first release.
        var other = Reopen(store);
        foreach (var s in new[] { store, other })
        {
            Assert.Equal(["first"], s.ListReleases().Select(r => r.Label));
            Assert.Equal("first", s.FindRelease()!.Label);
            using var reader = s.OpenReader(s.FindRelease()!);
            Assert.Equal(109, reader.Count(Dataset.Gpci));
            Assert.Equal(0, reader.Count(Dataset.LocalityCounties));
        }

        var second = import.Commit();
        Assert.True(second.IsCurrent);
        Assert.Equal("second", other.FindRelease()!.Label);
        Assert.False(other.FindRelease("first")!.IsCurrent);
        using var newer = other.OpenReader(other.FindRelease()!);
        Assert.Equal((109L, 110L), (newer.Count(Dataset.Gpci), newer.Count(Dataset.LocalityCounties)));
    }

    [Fact]
    public void Csv_and_fixed_width_imports_give_identical_releases()
    {
        var store = NewStore("twins");
        var importer = new ReleaseImporter(store);
        var csv = importer.Import([SharedData.Pfs("PPRRVU2025_Oct.csv"), SharedData.Pfs("GPCI2025.csv"), SharedData.Pfs("25LOCCO.csv")], "csv").Release;
        var txt = importer.Import([SharedData.Pfs("PPRRVU2025_Oct.txt"), SharedData.Pfs("GPCI2025.txt"), SharedData.Pfs("25LOCCO.txt")], "txt").Release;
        using var a = store.OpenReader(csv);
        using var b = store.OpenReader(txt);
        Assert.Equal(a.ListCodes(), b.ListCodes());
        foreach (var code in a.ListCodes().Where((_, i) => i % 7 == 0))
        {
            Assert.Equal(a.GetFeeSchedule(code).Select(r => r.Record with { Line = 0 }), b.GetFeeSchedule(code).Select(r => r.Record with { Line = 0 }));
        }

        Assert.Equal(a.GetGpcis().Select(g => g.Record with { Line = 0 }), b.GetGpcis().Select(g => g.Record with { Line = 0 }));
    }

    [Fact]
    public void A_cms_style_zip_of_fixed_width_files_imports_with_entry_provenance()
    {
        var zip = Dir.File("RVU25D.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(SharedData.Pfs("PPRRVU2025_Oct.txt"), "PPRRVU2025_Oct.txt");
            archive.CreateEntryFromFile(SharedData.Pfs("GPCI2025.txt"), "GPCI2025.txt");
            archive.CreateEntryFromFile(SharedData.Pfs("RVU25D.pdf"), "RVU25D.pdf");
        }

        var report = new ReleaseImporter(NewStore("zip")).Import([zip]);
        Assert.Equal("2025Q4", report.Release.Label);
        Assert.Contains(report.Release.Sources, s => s.File == "RVU25D.zip!PPRRVU2025_Oct.txt" && s.Rows == 19_090);
        Assert.Contains(report.Files, f => f.File.EndsWith("RVU25D.pdf", StringComparison.Ordinal) && f.Outcome == ImportOutcome.Skipped);
    }

    [Fact]
    public void Importing_under_an_existing_label_is_refused()
    {
        var e = Assert.Throws<ImportException>(() => new ReleaseImporter(Store).Import([SharedData.Pfs("GPCI2025.csv")], "2025Q4"));
        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, Store.ListReleases().Count);
    }

    [Fact]
    public void Migrating_again_is_harmless()
    {
        Store.Migrate();
        Assert.Equal(3, Store.ListReleases().Count);
        using var reader = Store.OpenReader(Store.FindRelease()!);
        Assert.Equal(reader.ListCodes().Count, reader.Search(null, 0, 1).Total);
    }

    static IEnumerable<PayerAtlas.Importers.Pfs.GpciRecord> GpciReader(string path) => PayerAtlas.Importers.Pfs.GpciReader.ReadCsv(ContractFiles.Lines(path), path);

    static IEnumerable<PayerAtlas.Importers.Pfs.LocalityCountyRecord> LocalityReader(string path) => PayerAtlas.Importers.Pfs.LocalityCountyReader.ReadCsv(ContractFiles.Lines(path), path);
}
