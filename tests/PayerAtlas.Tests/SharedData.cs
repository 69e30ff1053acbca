namespace PayerAtlas.Tests;

/// <summary>Paths to the real public files in ../shared/data (never committed; tests read them in place).</summary>
public static class SharedData
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Pfs(string file) => Path("pfs", "rvu25d", file);

    static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PAYERATLAS_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoPaths.Root, "..", "shared", "data"));
        if (Directory.Exists(System.IO.Path.Combine(beside, "pfs")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "data");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "pfs")))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("../shared/data not found beside the repository; set PAYERATLAS_SHARED_DATA");
    }
}
