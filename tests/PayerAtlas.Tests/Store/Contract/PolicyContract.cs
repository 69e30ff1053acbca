using PayerAtlas.Importers.Policies;
using PayerAtlas.Importing;
using PayerAtlas.Pdf;
using PayerAtlas.Policies;
using PayerAtlas.Sources;
using PayerAtlas.Store;
using PayerAtlas.Tests.Policies;

namespace PayerAtlas.Tests.Store;

/// <summary>Policy versions accumulate across releases; updates are recorded; bad input stores nothing.</summary>
public abstract class PolicyContract<TBackend> : StoreContract<TBackend>
    where TBackend : StoreBackend, new()
{
    readonly IPayerAtlasStore store;
    readonly ReleaseImporter importer;

    protected PolicyContract(ContractReleases<TBackend> releases)
        : base(releases)
    {
        store = NewStore("policies");
        importer = new ReleaseImporter(store, pdf: new PdfPigTextReader());
    }

    static string Fixture(string name) => RepoPaths.Fixture("Policies", name);

    List<Policy> Policies(string release)
    {
        using var reader = store.OpenReader(store.FindRelease(release)!);
        return reader.ListPolicies().Select(p => p.Record).ToList();
    }

    List<PolicyUpdate> Updates(string release)
    {
        using var reader = store.OpenReader(store.FindRelease(release)!);
        return reader.GetPolicyUpdates().Select(u => u.Record).ToList();
    }

    [Fact]
    public void Importing_a_newer_version_keeps_the_old_one_and_records_what_changed()
    {
        importer.Import([Fixture("example-v1.yaml")], "r1");
        var report = importer.Import([Fixture("example-v2.yaml")], "r2");

        Assert.Equal(["2024.1"], Policies("r1").Select(p => p.Version.Value));
        Assert.Equal(["2024.1", "2025.1"], Policies("r2").Select(p => p.Version.Value).Order(StringComparer.Ordinal));
        Assert.Empty(Updates("r1"));
        var update = Assert.Single(Updates("r2"));
        Assert.Equal(("Example Health Plan", "EHP-RAD-12", "2024.1", "2025.1", new DateOnly(2025, 1, 1)), (update.Payer, update.PolicyId, update.FromVersion, update.ToVersion, update.Date));
        Assert.Equal(PolicyDiff.Compare(PolicyYamlReaderTests.ReadFile(Fixture("example-v1.yaml")), PolicyYamlReaderTests.ReadFile(Fixture("example-v2.yaml"))), update.Changes);
        Assert.Equal(("example-v2.yaml", "7"), (update.File, update.Row));

        Assert.Contains(report.Files, f => f.Outcome == ImportOutcome.CarriedForward && f.File == "Policies from r1");
        var carried = store.FindRelease("r2")!.Sources.Single(s => s.File == "example-v1.yaml");
        Assert.Equal(("r1", SourceKind.PolicyYaml), (carried.CarriedFrom, carried.Kind));
    }

    [Fact]
    public void Both_versions_in_one_import_give_the_same_history()
    {
        importer.Import([Fixture("example-v2.yaml"), Fixture("example-v1.yaml")], "both");
        Assert.Equal(("2024.1", "2025.1"), (Updates("both").Single().FromVersion, Updates("both").Single().ToVersion));
    }

    [Fact]
    public void Reimporting_an_identical_version_is_skipped_not_duplicated()
    {
        importer.Import([Fixture("example-v1.yaml")], "r1");
        var copy = Dir.Write("renamed/same-policy.yaml", File.ReadAllText(Fixture("example-v1.yaml")).Replace("# Test fixture", "# A copy with another comment\n# Test fixture", StringComparison.Ordinal));
        var report = importer.Import([copy], "r2");

        var skipped = Assert.Single(report.Files, f => f.Outcome == ImportOutcome.Skipped);
        Assert.Equal("Example Health Plan EHP-RAD-12 version 2024.1 is already stored, unchanged", skipped.Note);
        Assert.Single(Policies("r2"));
    }

    [Fact]
    public void Changed_text_under_a_stored_version_label_is_refused_and_nothing_is_stored()
    {
        importer.Import([Fixture("example-v1.yaml")], "r1");
        var changed = Dir.Write("v1-changed.yaml", File.ReadAllText(Fixture("example-v1.yaml")).Replace("stance: covered\n", "stance: not_covered\n", StringComparison.Ordinal));

        var e = Assert.Throws<ImportException>(() => importer.Import([changed], "r2"));
        Assert.Contains("version 2024.1 is already stored (from example-v1.yaml) with different content", e.Reason, StringComparison.Ordinal);
        Assert.Equal(["r1"], store.ListReleases().Select(r => r.Label));
    }

    [Fact]
    public void A_malformed_policy_fails_the_whole_import_and_the_previous_release_stays()
    {
        importer.Import([Fixture("example-v1.yaml")], "r1");
        var folder = Path.Combine(Dir.Path, "pack");
        File.Copy(Fixture("example-v2.yaml"), Path.Combine(Directory.CreateDirectory(folder).FullName, "good.yaml"));
        File.WriteAllText(Path.Combine(folder, "bad.yaml"), File.ReadAllText(Fixture("example-v2.yaml")).Replace("EHP-RAD-12", "EHP-RAD-13", StringComparison.Ordinal).Replace("\"77053\", \"77054\"", "\"77053\", \"7705X4\"", StringComparison.Ordinal));

        var e = Assert.Throws<ImportException>(() => importer.Import([folder], "r2"));
        Assert.Equal((Path.Combine(folder, "bad.yaml"), 22L), (e.File, e.Line));
        Assert.Equal(["r1"], store.ListReleases().Select(r => r.Label));
        Assert.Single(Policies("r1"));
    }

    [Fact]
    public void A_document_without_codes_stores_nothing()
    {
        importer.Import([Fixture("example-v1.yaml")], "r1");
        var page = Dir.Write("empty.html", "<html><body><h1>Policy Number: Z-9</h1><p>General terms only.</p></body></html>");
        var e = Assert.Throws<ImportException>(() => importer.Import([page], "r2", new PolicyDocumentOptions { Payer = "Example Health Plan" }));
        Assert.StartsWith("no CPT, HCPCS or ICD-10 code found", e.Reason, StringComparison.Ordinal);
        Assert.Equal(["r1"], store.ListReleases().Select(r => r.Label));
    }

    [Fact]
    public void A_document_needs_its_payer()
    {
        var pdf = Path.Combine(Dir.Path, "policy.pdf");
        File.WriteAllBytes(pdf, PdfPolicyDocumentTests.ExamplePdf());
        var e = Assert.Throws<ImportException>(() => importer.Import([pdf], "r1"));
        Assert.Contains("payeratlas policies import --payer", e.Reason, StringComparison.Ordinal);
        Assert.Empty(store.ListReleases());
    }

    [Fact]
    public void Documents_are_indexed_by_code_with_page_or_line_and_policies_survive_other_imports()
    {
        var pdf = Path.Combine(Dir.Path, "policy.pdf");
        File.WriteAllBytes(pdf, PdfPolicyDocumentTests.ExamplePdf());
        importer.Import([pdf, Fixture("breast-policy.html")], "docs", new PolicyDocumentOptions { Payer = "Example Health Plan" });
        importer.Import([SharedData.Pfs("GPCI2025.csv")], "cms");

        using var reader = store.OpenReader(store.FindRelease("cms")!);
        Assert.Equal(2, reader.Count(Dataset.Policies));
        var mentions = reader.GetPolicyMentions("77066").Select(m => (m.Record.PolicyId, m.Record.Mention.Codes.ToString(), m.Record.Mention.Location)).ToList();
        Assert.Equal(
        [
            ("EHP-PDF-9", "77065-77066", "page 2"),
            ("EHP-PDF-9", "77065-77067", "page 2"),
            ("MP-77", "77065-77066", "line 23"),
            ("MP-77", "77065-77067", "line 24"),
        ], mentions);
        Assert.Equal(["EHP-PDF-9", "MP-77"], reader.GetPolicies("19030").Select(p => p.Record.Id.Value).Order(StringComparer.Ordinal));
        Assert.Empty(reader.GetPolicies("99213"));
    }
}
