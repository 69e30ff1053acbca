using System.Text.Json;
using PayerAtlas.Tests.Policies;

namespace PayerAtlas.Tests.Cli;

[Collection(nameof(ConsoleCollection))]
public sealed class PoliciesCliTests : IDisposable
{
    readonly TempDir dir = new();
    readonly string db;

    public PoliciesCliTests() => db = dir.File("atlas.db");

    public void Dispose() => dir.Dispose();

    static string Fixture(string name) => RepoPaths.Fixture("Policies", name);

    [Fact]
    public void Publish_77054_after_the_demo_has_a_coverage_row_for_each_of_the_five_payers()
    {
        var (exit, _, err) = CliRunner.Run("demo", "--db", db, "--out", dir.File("site"), "--no-serve");
        Assert.True(exit == 0, err);
        var (code, output, _) = CliRunner.Run("publish", "77054", "--format", "json", "--db", db);
        Assert.Equal(0, code);

        var json = JsonDocument.Parse(output).RootElement;
        var section = json.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "payer-coverage");
        var rows = section.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "table").GetProperty("rows");
        var payers = rows.EnumerateArray().Select(r => r[0].GetProperty("inlines")[0].GetProperty("text").GetString()).Distinct();
        Assert.Equal(["Aetna", "Blue Cross Blue Shield", "Cigna", "UnitedHealthcare", "Medicare"], payers);
        var facts = json.GetProperty("facts").EnumerateArray().ToList();
        Assert.All(facts.Where(f => f.GetProperty("id").GetString()!.StartsWith("payer.", StringComparison.Ordinal)),
            f => Assert.Equal(JsonValueKind.Object, f.GetProperty("source").GetProperty("document").ValueKind));
        Assert.All(section.GetProperty("gaps").EnumerateArray(), g => Assert.Equal("Data not available in the input.", g.GetProperty("message").GetString()));
    }

    [Fact]
    public void Changes_since_a_date_lists_the_updates_from_that_day_on()
    {
        Assert.Equal(0, CliRunner.Run("policies", "import", Fixture("example-v1.yaml"), "--db", db, "--release", "r1").Exit);
        Assert.Equal(0, CliRunner.Run("policies", "import", Fixture("example-v2.yaml"), "--db", db, "--release", "r2").Exit);

        var (exit, output, _) = CliRunner.Run("policies", "changes", "--since", "2025-01-01", "--db", db);
        Assert.Equal(0, exit);
        Assert.Contains("2025-01-01  Example Health Plan EHP-RAD-12  version 2024.1 → 2025.1  (Breast imaging)  example-v2.yaml:7", output, StringComparison.Ordinal);
        Assert.Contains("    77053–77054: code added\n", output, StringComparison.Ordinal);
        Assert.Contains("    77046–77049: prior authorization not_required → required\n", output, StringComparison.Ordinal);
        Assert.EndsWith("1 policy updates since 2025-01-01 in release r2\n", output, StringComparison.Ordinal);

        Assert.EndsWith("0 policy updates since 2025-01-02 in release r2\n", CliRunner.Run("policies", "changes", "--since", "2025-01-02", "--db", db).Out, StringComparison.Ordinal);
        var json = JsonDocument.Parse(CliRunner.Run("policies", "changes", "--code", "77067", "--format", "json", "--db", db).Out).RootElement;
        Assert.Equal("code_removed", json[0].GetProperty("changes").EnumerateArray().Single().GetProperty("kind").GetString());
        Assert.Equal(1, CliRunner.Run("policies", "changes", "--since", "2025-13-01", "--db", db).Exit);
    }

    [Fact]
    public void Payer_documents_import_with_their_payer_and_are_listed_and_searchable_by_code()
    {
        var pdf = dir.File("ehp-policy.pdf");
        File.WriteAllBytes(pdf, PdfPolicyDocumentTests.ExamplePdf());
        var (exit, output, err) = CliRunner.Run("policies", "import", pdf, Fixture("breast-policy.html"), "--payer", "Example Health Plan", "--line-of-business", "commercial", "--db", db);
        Assert.True(exit == 0, err);
        Assert.Contains("PolicyPdf", output, StringComparison.Ordinal);
        Assert.Contains("PolicyHtml", output, StringComparison.Ordinal);

        var list = CliRunner.Run("policies", "list", "--code", "19030", "--db", db).Out;
        Assert.Contains("EHP-PDF-9", list, StringComparison.Ordinal);
        Assert.Contains("MP-77", list, StringComparison.Ordinal);
        Assert.Contains("extracted", list, StringComparison.Ordinal);

        var mentions = CliRunner.Run("policies", "mentions", "77054", "--db", db).Out.Split('\n');
        Assert.Contains(mentions, l => l.StartsWith("Example Health Plan EHP-PDF-9 (2025-02-01) page 1 [77054]: Ductography of a single duct", StringComparison.Ordinal));
        Assert.Contains(mentions, l => l == "Example Health Plan MP-77 (2025-03-01) line 28 [77054]: 77054 N64.52, R92.8");
    }

    [Fact]
    public void Bad_policy_input_exits_2_with_file_and_line_and_stores_nothing()
    {
        var bad = dir.Write("bad.yaml", File.ReadAllText(Fixture("example-v1.yaml")).Replace("effective: 2024-01-01", "effective: 2026-01-01", StringComparison.Ordinal));
        var (exit, _, err) = CliRunner.Run("policies", "import", bad, "--db", db);
        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml:10: dates out of order: next_review 2025-01-01 (line 10) must be after effective 2026-01-01 (line 9)", err, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", err, StringComparison.Ordinal);
        Assert.Equal(3, CliRunner.Run("policies", "list", "--db", db).Exit);

        var pdf = dir.File("p.pdf");
        File.WriteAllBytes(pdf, PdfPolicyDocumentTests.ExamplePdf());
        var noPayer = CliRunner.Run("policies", "import", pdf, "--db", db);
        Assert.Equal(2, noPayer.Exit);
        Assert.Contains("import payer policy documents with 'payeratlas policies import --payer …'", noPayer.Err, StringComparison.Ordinal);
    }
}
