using System.Text;
using PayerAtlas.Importing;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Bench;

/// <summary>Where the real CMS files are, and a throw-away SQLite store holding them.</summary>
public static class BenchData
{
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

    /// <summary>StaticSite's StreamWriter buffer for the text files (8 K chars since 4f82953, below the LOH threshold).</summary>
    public const int SiteWriterChars = 8 * 1024;

    /// <summary>StaticSite's FileStream buffer for the JSON files.</summary>
    public const int SiteJsonBufferBytes = 32 * 1024;

    /// <summary>The writer buffer StaticSite used before 4f82953: its char[] and byte[] land on the large-object heap.</summary>
    public const int LargeWriterChars = 64 * 1024;

    /// <summary>
    /// The PFS folder: $PAYERATLAS_PFS, else $SHARED_DATA/pfs/rvu25d, else shared/data/pfs/rvu25d beside the
    /// repository (found by walking up from the working directory and from the executable).
    /// </summary>
    public static string PfsFolder { get; } = FindPfsFolder();

    public static string PprrvuCsv => Path.Combine(PfsFolder, "PPRRVU2025_Oct.csv");

    public static string PprrvuTxt => Path.Combine(PfsFolder, "PPRRVU2025_Oct.txt");

    static string FindPfsFolder()
    {
        if (Environment.GetEnvironmentVariable("PAYERATLAS_PFS") is { Length: > 0 } pfs)
        {
            return Check(pfs);
        }

        if (Environment.GetEnvironmentVariable("SHARED_DATA") is { Length: > 0 } shared)
        {
            return Check(Path.Combine(shared, "pfs", "rvu25d"));
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PayerAtlas.slnx")))
                {
                    var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "pfs", "rvu25d"));
                    if (Directory.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException("PFS files not found: set SHARED_DATA (…/shared/data) or PAYERATLAS_PFS (the rvu25d folder)");
    }

    static string Check(string folder) =>
        File.Exists(Path.Combine(folder, "PPRRVU2025_Oct.csv"))
            ? Path.GetFullPath(folder)
            : throw new FileNotFoundException($"PPRRVU2025_Oct.csv is not in {folder}");
}

/// <summary>A SQLite store in a temp folder with the real PFS folder imported as one release; deleted on dispose.</summary>
public sealed class ImportedStore : IDisposable
{
    readonly string directory;

    public ImportedStore()
    {
        directory = Directory.CreateTempSubdirectory("payeratlas-bench-").FullName;
        Store = new SqliteStore(Path.Combine(directory, "bench.db"));
        Store.Migrate();
        var report = new ReleaseImporter(Store).Import([BenchData.PfsFolder]);
        Release = report.Release;
        Rows = report.Rows;
    }

    public SqliteStore Store { get; }

    public ReleaseInfo Release { get; }

    public long Rows { get; }

    /// <summary>A scratch folder inside the temp folder (removed with it).</summary>
    public string Scratch(string name) => Directory.CreateDirectory(Path.Combine(directory, name)).FullName;

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

/// <summary>A write-only stream that discards bytes and counts them: rendering without the disk.</summary>
public sealed class CountingStream : Stream
{
    public long Bytes { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Bytes;

    public override long Position { get => Bytes; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Bytes += count;

    public override void Write(ReadOnlySpan<byte> buffer) => Bytes += buffer.Length;
}
