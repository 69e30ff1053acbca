using System.Security.Cryptography;

namespace PayerAtlas.Lake.Tests;

/// <summary>A temporary folder for a lake (and its inputs), removed when the test ends.</summary>
public sealed class LakeFolder : IDisposable
{
    public LakeFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "payeratlas-lake-tests", Guid.NewGuid().ToString("N"));

    public string Lake => System.IO.Path.Combine(Path, "lake");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file under the lake with its SHA-256: equal snapshots mean the lake is unchanged byte for byte.</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
    {
        if (!Directory.Exists(Lake))
        {
            return new Dictionary<string, string>();
        }

        return Directory.EnumerateFileSystemEntries(Lake, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(p => System.IO.Path.GetRelativePath(Lake, p),
                p => Directory.Exists(p) ? "<dir>" : Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(p))));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
