using PayerAtlas.Tests;

namespace PayerAtlas.Web.Tests;

/// <summary>
/// Data that tries to run script, imported by the real importers: a content pack whose 77054 title holds markup,
/// and Cigna policy files (two versions, so there is an update) whose title and documentation do the same.
/// </summary>
public sealed class HostileSite() : DemoSite(WritePack, null)
{
    public const string Title = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> Ductography & more";
    public const string PolicyTitle = "<script>window.__pwned=3</script>Breast imaging <img src=x onerror=\"window.__pwned=4\">";
    public const string Documentation = "<script>window.__pwned=7</script>";
    public const string PolicyId = "cigna-evicore-br";

    static string WritePack(TempDir dir)
    {
        var pack = Path.Combine(dir.Path, "hostile-pack");
        foreach (var file in Directory.GetFiles(RepoPaths.DemoContent, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(pack, Path.GetRelativePath(RepoPaths.DemoContent, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Replace(Path.Combine(pack, "codes", "77054.md"), l => l.StartsWith("title:", StringComparison.Ordinal) ? ["title: '" + Title + "'"] : [l]);
        foreach (var year in new[] { "2021", "2022" })
        {
            Replace(Path.Combine(pack, "policies", "cigna", $"evicore-breast-imaging-{year}.yaml"), l =>
                l.StartsWith("title:", StringComparison.Ordinal) ? ["title: '" + PolicyTitle + "'"]
                : year == "2022" && l.StartsWith("  - codes: [\"77053\", \"77054\"]", StringComparison.Ordinal) ? [l, "    documentation: ['" + Documentation + "']"]
                : [l]);
        }

        return pack;
    }

    static void Replace(string path, Func<string, string[]> line) => File.WriteAllLines(path, File.ReadAllLines(path).SelectMany(line));
}
