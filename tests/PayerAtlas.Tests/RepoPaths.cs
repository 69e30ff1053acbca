namespace PayerAtlas.Tests;

/// <summary>Paths inside this repository (content/demo, fixtures).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string DemoContent => Path.Combine(Root, "content", "demo");

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PayerAtlas.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (PayerAtlas.slnx) not found");
    }
}
