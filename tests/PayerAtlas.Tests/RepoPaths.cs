namespace PayerAtlas.Tests;

/// <summary>Paths inside this repository (content/demo, fixtures).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string DemoContent => Path.Combine(Root, "content", "demo");

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    /// <summary>The root holding this source file, so tests work whatever --artifacts-path the build used.</summary>
    static string Find([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile) ?? "", AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PayerAtlas.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("repository root (PayerAtlas.slnx) not found");
    }
}
