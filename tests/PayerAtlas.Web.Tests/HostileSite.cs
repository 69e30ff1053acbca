using PayerAtlas.Catalog;
using PayerAtlas.Sources;
using PayerAtlas.Store;
using PayerAtlas.Tests;

namespace PayerAtlas.Web.Tests;

/// <summary>
/// Data that tries to run script: a content pack whose 77054 title holds markup (imported by the real importer),
/// and a policy catalog whose titles, stances and URL do the same (standing in for policy files from outside).
/// </summary>
public sealed class HostileSite() : DemoSite(WritePack, null, new HostilePolicies())
{
    public const string Title = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> Ductography & more";

    static string WritePack(TempDir dir)
    {
        var pack = Path.Combine(dir.Path, "hostile-pack");
        foreach (var file in Directory.GetFiles(RepoPaths.DemoContent, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(pack, Path.GetRelativePath(RepoPaths.DemoContent, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var page = Path.Combine(pack, "codes", "77054.md");
        var lines = File.ReadAllLines(page);
        var i = Array.FindIndex(lines, l => l.StartsWith("title:", StringComparison.Ordinal));
        lines[i] = "title: '" + Title + "'";
        File.WriteAllLines(page, lines);
        return pack;
    }
}

public sealed class HostilePolicies : IPolicyCatalog
{
    public const string Id = "aetna-0001";
    public const string Title = "<script>window.__pwned=3</script>Breast imaging <img src=x onerror=\"window.__pwned=4\">";

    static PolicyListing Policy(ReleaseInfo release) => new()
    {
        Id = Id,
        Payer = "Aetna",
        Title = Title,
        EffectiveDate = new DateOnly(2025, 10, 1),
        Url = "javascript:window.__pwned=5",
        Source = new SourceRef("policies/aetna-0001.yaml", release.Label, "1"),
        Rules = [new PolicyRuleListing("77054", "<b onmouseover=\"window.__pwned=6\">covered</b>", "<script>window.__pwned=7</script>", null)],
    };

    public IReadOnlyList<PolicyListing> Policies(ReleaseInfo release) => [Policy(release)];

    public IReadOnlyList<PolicyUpdate> Updates(ReleaseInfo release) => [new PolicyUpdate(Policy(release), "revised", new DateOnly(2025, 10, 1))];
}
