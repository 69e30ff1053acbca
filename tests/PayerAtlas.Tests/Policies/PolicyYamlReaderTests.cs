using PayerAtlas.Importers.Policies;
using PayerAtlas.Importing;
using PayerAtlas.Policies;

namespace PayerAtlas.Tests.Policies;

public class PolicyYamlReaderTests
{
    static string Demo(string payer, string file) => Path.Combine(RepoPaths.DemoContent, "policies", payer, file);

    internal static Policy ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return PolicyYamlReader.Read(TextLines.Read(stream, TextLines.StrictUtf8, path), path);
    }

    static Policy Parse(string yaml) =>
        PolicyYamlReader.Read(yaml.Split('\n').Select((t, i) => new TextLine(i + 1, t)), "policy.yaml");

    static ImportException Fails(string yaml) => Assert.Throws<ImportException>(() => Parse(yaml));

    const string Valid = """
        payer: Example Health Plan
        policy: EHP-1
        title: Breast imaging
        kind: medical
        version: "1"
        effective: 2025-01-01
        rules:
          - codes: ["77053", "77054"]
            stance: covered_with_criteria
        """;

    [Fact]
    public void The_demo_ncd_reads_with_every_value_on_its_line()
    {
        var p = ReadFile(Demo("medicare", "ncd-220-4-mammograms.yaml"));
        var lines = File.ReadAllLines(Demo("medicare", "ncd-220-4-mammograms.yaml"));
        string LineOf(string start) => (Array.FindIndex(lines, l => l.TrimStart().StartsWith(start, StringComparison.Ordinal)) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(("Medicare", "NCD 220.4", "Mammograms", PolicyKind.MedicareNcd, "1"), (p.Payer, p.Id.Value, p.Title.Value, p.Kind.Value, p.Version.Value));
        Assert.Equal(new DateOnly(1978, 5, 15), p.Effective!.Value);
        Assert.Equal(LineOf("effective:"), p.Effective.Row);
        Assert.Equal([LineOfBusiness.Medicare], p.LinesOfBusiness.Select(l => l.Value));
        Assert.Equal(2, p.Rules.Count);
        var screening = p.Rules[1];
        Assert.Equal(["77067"], screening.Codes.Select(c => c.Value.ToString()));
        Assert.Equal(Stance.CoveredWithCriteria, screening.Stance!.Value);
        Assert.Equal(LineOf("- codes: [\"77067\"]"), screening.Row);
        Assert.Equal([new UnitLimit(1, "lifetime", "for women aged 35 to 39 (the baseline study)"), new UnitLimit(1, "11 full months after the month of the previous screening", "for women aged 40 and over")],
            screening.Limits.Select(l => l.Value));
        Assert.Equal(["77065", "77066", "77067"], p.Mentions.Select(m => m.Codes.ToString()));
    }

    public static TheoryData<string> DemoPolicies()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.DemoContent, "policies"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.DemoContent, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoPolicies))]
    public void Every_demo_policy_is_sourced_and_names_a_demo_code(string file)
    {
        var p = ReadFile(Path.Combine(RepoPaths.DemoContent, file));
        Assert.StartsWith("https://", p.SourceUrl?.Value, StringComparison.Ordinal);
        var demoCodes = Directory.EnumerateFiles(Path.Combine(RepoPaths.DemoContent, "codes"), "*.md").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Contains(demoCodes, c => p.Names(c!));
    }

    [Fact]
    public void A_valid_minimal_policy_reads()
    {
        var p = Parse(Valid);
        Assert.Equal(["77053", "77054"], p.Rules.Single().Codes.Select(c => c.Value.ToString()));
        Assert.Equal(PolicyOrigin.Editorial, p.Origin);
        Assert.Null(p.Rules.Single().PriorAuthorization);
    }

    [Theory]
    [InlineData("  - codes: [\"77053\", \"77054\"]\n    stance: covered_with_criteria", "  - codes: [\"77053\", \"77054\"]\n    stance: covered_with_criteria\n    prior_auth: required", 10, 5, "unknown key 'prior_auth' in a rule")]
    [InlineData("kind: medical", "kind: medical\nnotes: x", 5, 1, "unknown key 'notes' in the policy")]
    [InlineData("[\"77053\", \"77054\"]", "[\"77053\", \"7705\"]", 8, 22, "'7705' in codes is not a CPT/HCPCS code")]
    [InlineData("[\"77053\", \"77054\"]", "[\"77054-77053\"]", 8, 13, "bad range '77054-77053' in codes: the range runs backwards")]
    [InlineData("[\"77053\", \"77054\"]", "[\"77053-G0206\"]", 8, 13, "different shapes")]
    [InlineData("stance: covered_with_criteria", "stance: maybe", 9, 13, "stance 'maybe' is not one of: covered, covered_with_criteria")]
    [InlineData("effective: 2025-01-01", "effective: 01/01/2025", 6, 12, "effective '01/01/2025' is not a date: write yyyy-MM-dd")]
    [InlineData("effective: 2025-01-01", "effective: 2025-01-01\nnext_review: 2024-06-01", 7, 0, "dates out of order: next_review 2024-06-01 (line 7) must be after effective 2025-01-01 (line 6)")]
    [InlineData("effective: 2025-01-01", "effective: 2025-01-01\noriginal_effective: 2025-02-01", 6, 0, "dates out of order: effective 2025-01-01 (line 6) must be after original_effective 2025-02-01 (line 7)")]
    [InlineData("title: Breast imaging", "title: Breast imaging\ntitle: Again", 4, 1, "duplicate key 'title'")]
    [InlineData("policy: EHP-1\n", "", 1, 1, "'policy' is required")]
    public void Malformed_policies_fail_with_file_line_and_column(string find, string replace, long line, int column, string reason)
    {
        var e = Fails(Valid.Replace(find, replace, StringComparison.Ordinal));
        Assert.Equal(("policy.yaml", line, column), (e.File, e.Line, e.Column));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_rules_cannot_give_one_code_different_stances()
    {
        var e = Fails(Valid + "\n  - codes: [\"77054-77055\"]\n    stance: not_covered");
        Assert.Equal(11, e.Line);
        Assert.Equal("code 77054 is not_covered here but covered_with_criteria in the rule on line 8: one stance per code", e.Reason);
    }

    [Fact]
    public void A_policy_without_rules_is_refused()
    {
        var e = Fails(Valid[..Valid.IndexOf("rules:", StringComparison.Ordinal)] + "rules: []");
        Assert.Equal((7, "'rules' is empty: a policy version names at least one code"), (e.Line, e.Reason));
    }

    [Fact]
    public void Icd10_codes_and_addresses_are_checked()
    {
        Assert.Equal("'X1' in icd10 is not an ICD-10-CM code such as N64.52 or R92.8", Fails(Valid + "\n    icd10: [\"N64.52\", \"X1\"]").Reason);
        Assert.Equal(["N64.52", "R92.8"], Parse(Valid + "\n    icd10: [\"N64.52\", \"R92.8\"]").Rules[0].Icd10.Select(i => i.Value.ToString()));
        Assert.Equal("source_url 'ftp://x' is not an http(s) address", Fails(Valid.Replace("kind: medical", "kind: medical\nsource_url: ftp://x", StringComparison.Ordinal)).Reason);
    }
}
