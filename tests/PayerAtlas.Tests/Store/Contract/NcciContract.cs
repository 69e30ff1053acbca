using System.IO.Compression;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importing;
using PayerAtlas.Sources;
using PayerAtlas.Tests.Ncci;

namespace PayerAtlas.Tests.Store;

/// <summary>NCCI edits and MUE tables: recognised by content, stored per setting, carried forward, rolled back whole.</summary>
public abstract class NcciContract<TBackend>(ContractReleases<TBackend> releases) : StoreContract<TBackend>(releases)
    where TBackend : StoreBackend, new()
{
    [Fact]
    public void A_folder_of_cms_ncci_files_is_recognised_by_content_with_the_setting_of_each_table()
    {
        var imported = Releases.NcciReport.Files.Where(f => f.Outcome == ImportOutcome.Imported && f.Kind is { } k && NcciSettings.Of(k) is not null)
            .ToDictionary(f => Path.GetFileName(f.File), f => (f.Kind, f.Rows));
        Assert.Equal((SourceKind.NcciPtpPractitioner, 11L), imported["ccipra-v321r0-f1.txt"]);
        Assert.Equal((SourceKind.NcciPtpPractitioner, 8L), imported["ccipra-v321r0-f2.txt"]);
        Assert.Equal((SourceKind.NcciPtpHospital, 3L), imported["ccioph-v321r0-f1.txt"]);
        Assert.Equal((SourceKind.NcciMuePractitioner, 11L), imported["MCR_MUE_PractitionerServices_Eff_04-01-2026.csv"]);
        Assert.Equal((SourceKind.NcciMueOutpatientHospital, 4L), imported["MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv"]);
        Assert.Equal((SourceKind.NcciMueDme, 2L), imported["MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv"]);
        Assert.Contains(Releases.NcciReport.Files, f => f.File.EndsWith("make_fixtures.py", StringComparison.Ordinal) && f.Outcome == ImportOutcome.Skipped);
    }

    [Fact]
    public void The_practitioner_table_split_over_two_files_is_one_dataset_with_every_row()
    {
        using var reader = Store.OpenReader(Releases.Ncci);
        Assert.Equal(19, reader.Count(Dataset.NcciPtpPractitioner));
        Assert.Equal(3, reader.Count(Dataset.NcciPtpHospital));
        Assert.Equal(11, reader.Count(Dataset.NcciMuePractitioner));
        Assert.Equal(4, reader.Count(Dataset.NcciMueOutpatientHospital));
        Assert.Equal(2, reader.Count(Dataset.NcciMueDme));
        Assert.Equal(2, Releases.Ncci.Sources.Count(s => s.Dataset == Dataset.NcciPtpPractitioner));
    }

    [Fact]
    public void Edits_naming_a_code_are_found_in_both_columns_with_file_and_row()
    {
        using var reader = Store.OpenReader(Releases.Ncci);
        var edits = reader.GetPtpEdits("77053", NcciSetting.Practitioner);
        Assert.Equal(["77053/36000", "77054/77053"], edits.Select(e => $"{e.Record.Column1}/{e.Record.Column2}"));
        var family = edits[1];
        Assert.Equal("ncci/ccipra-v321r0-f2.txt", family.Source.File);
        Assert.Equal("2025Q4-ncci", family.Source.Release);
        Assert.Equal(NcciFixtures.LineOf(NcciFixtures.PractitionerPtp2, "77054\t77053").ToString(), family.Source.Row);
        Assert.Equal(PtpModifierIndicator.NotAllowed, family.Record.ModifierIndicator);
        Assert.Single(reader.GetPtpEdits("77053", NcciSetting.OutpatientHospital));
        Assert.Equal(2, reader.GetPtpPair("19083", "19081", NcciSetting.Practitioner).Count);
        Assert.Empty(reader.GetPtpPair("19081", "19083", NcciSetting.Practitioner));
    }

    [Fact]
    public void Dates_and_flags_round_trip_through_the_store()
    {
        using var reader = Store.OpenReader(Releases.Ncci);
        var stored = reader.ReadPtpEdits(NcciSetting.Practitioner).Select(s => s.Record).OrderBy(e => e.Line).ThenBy(e => e.Column1).ToList();
        var read = PtpReader.Read(NcciFixtures.Text(NcciFixtures.PractitionerPtp1), "f1").Concat(PtpReader.Read(NcciFixtures.Text(NcciFixtures.PractitionerPtp2), "f2"))
            .OrderBy(e => e.Line).ThenBy(e => e.Column1).ToList();
        Assert.Equal(read, stored);
    }

    [Fact]
    public void Mue_rows_are_per_setting()
    {
        using var reader = Store.OpenReader(Releases.Ncci);
        var practitioner = reader.GetMue("27447", NcciSetting.Practitioner)!;
        Assert.Equal((1, MueAdjudication.DateOfServicePolicy), (practitioner.Record.Value, practitioner.Record.Adjudication));
        Assert.Equal("ncci/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", practitioner.Source.File);
        Assert.Equal(0, reader.GetMue("27447", NcciSetting.OutpatientHospital)!.Record.Value);
        Assert.Null(reader.GetMue("27447", NcciSetting.Dme));
    }

    [Fact]
    public void A_later_release_with_only_a_new_practitioner_mue_table_carries_the_other_ncci_tables_forward()
    {
        var store = NewStore();
        var importer = new ReleaseImporter(store);
        importer.Import([NcciFixtures.Folder], "2026Q2");
        var newer = NcciFixtures.WithLine(Dir, NcciFixtures.PractitionerMue, NcciFixtures.LineOf(NcciFixtures.PractitionerMue, "77054,"),
            l => l.Replace("77054,2,", "77054,3,", StringComparison.Ordinal), "q3/MCR_MUE_PractitionerServices_Eff_07-01-2026.csv");
        var report = importer.Import([newer], "2026Q3");
        Assert.Equal(4, report.Files.Count(f => f.Outcome == ImportOutcome.CarriedForward && f.File.StartsWith("Ncci", StringComparison.Ordinal)));
        using var reader = store.OpenReader(report.Release);
        Assert.Equal(3, reader.GetMue("77054", NcciSetting.Practitioner)!.Record.Value);
        Assert.Equal(19, reader.Count(Dataset.NcciPtpPractitioner));
        Assert.Equal("2026Q2", report.Release.Sources.First(s => s.Dataset == Dataset.NcciPtpPractitioner).CarriedFrom);
        using var older = store.OpenReader(store.FindRelease("2026Q2")!);
        Assert.Equal(2, older.GetMue("77054", NcciSetting.Practitioner)!.Record.Value);
    }

    [Fact]
    public void The_cms_zips_are_read_as_shipped_and_an_extracted_copy_beside_them_is_not_read_twice()
    {
        var folder = Dir.File("download");
        Directory.CreateDirectory(folder);
        using (var zip = ZipFile.Open(Path.Combine(folder, "ccipra-v321r0-f1.zip"), ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(NcciFixtures.PractitionerPtp1, "ccipra-v321r0-f1.txt");
        }

        {
            var store = NewStore("zip");
            var release = new ReleaseImporter(store).Import([Path.Combine(folder, "ccipra-v321r0-f1.zip")], "zip").Release;
            Assert.Equal("ccipra-v321r0-f1.zip!ccipra-v321r0-f1.txt", release.Sources.Single().File);
            using var reader = store.OpenReader(release);
            Assert.Equal(11, reader.Count(Dataset.NcciPtpPractitioner));
        }

        File.Copy(NcciFixtures.PractitionerPtp1, Path.Combine(folder, "ccipra-v321r0-f1.txt"));
        {
            var store = NewStore("both");
            var report = new ReleaseImporter(store).Import([folder], "both");
            Assert.Equal("download/ccipra-v321r0-f1.txt", Assert.Single(report.Release.Sources).File);
            var skipped = Assert.Single(report.Files, f => f.Outcome == ImportOutcome.Skipped);
            Assert.EndsWith("ccipra-v321r0-f1.zip!ccipra-v321r0-f1.txt", skipped.File, StringComparison.Ordinal);
            Assert.Contains("same content as", skipped.Note, StringComparison.Ordinal);
            using var reader = store.OpenReader(report.Release);
            Assert.Equal(11, reader.Count(Dataset.NcciPtpPractitioner));
        }
    }

    [Fact]
    public void A_ptp_file_renamed_beyond_recognition_is_refused_rather_than_guessed()
    {
        var renamed = Dir.File("edits.txt");
        File.Copy(NcciFixtures.PractitionerPtp1, renamed);
        var store = NewStore();
        var e = Assert.Throws<ImportException>(() => new ReleaseImporter(store).Import([renamed], "x"));
        Assert.Contains("neither practitioner (ccipra…) nor outpatient hospital (ccioph…)", e.Reason, StringComparison.Ordinal);
        Assert.Empty(store.ListReleases());
    }

    [Fact]
    public void A_bad_row_deep_in_a_ptp_file_stops_the_import_and_leaves_the_previous_release_intact()
    {
        var store = NewStore();
        var importer = new ReleaseImporter(store);
        importer.Import([NcciFixtures.Folder], "good");
        var line = NcciFixtures.LineOf(NcciFixtures.PractitionerPtp2, "93000\t93010");
        var bad = NcciFixtures.WithLine(Dir, NcciFixtures.PractitionerPtp2, line, l => l.Replace("19960101", "19961301", StringComparison.Ordinal));
        var e = Assert.Throws<ImportException>(() => importer.Import([NcciFixtures.PractitionerPtp1, bad], "bad"));
        Assert.Equal((line, "ccipra-v321r0-f2.txt"), ((int)e.Line, Path.GetFileName(e.File)));
        Assert.Equal(["good"], store.ListReleases().Select(r => r.Label));
        using var reader = store.OpenReader(store.FindRelease()!);
        Assert.Equal(19, reader.Count(Dataset.NcciPtpPractitioner));
    }
}
