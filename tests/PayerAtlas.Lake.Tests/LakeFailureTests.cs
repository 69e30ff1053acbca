using System.Diagnostics;

namespace PayerAtlas.Lake.Tests;

/// <summary>
/// An ingest whose writing fails (a folder it cannot create, a full disk) reports the file system's error, and leaves
/// the lake as it was with its staging folder gone, so a failed ingest never keeps the disk full.
/// </summary>
public sealed class LakeFailureTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_part_folder_that_cannot_be_created_fails_the_ingest_and_leaves_the_lake_unchanged()
    {
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { RowGroupRows = 16, Encoders = 1 });
        await LakeWriterTests.IngestAsync(lake, "first.json", Observations.Many(100));
        var before = folder.Snapshot();

        // The encoder's part folder (parts/0) is made with its first part file: a file in its place fails that.
        var error = await Assert.ThrowsAnyAsync<IOException>(() => LakeWriterTests.IngestAsync(lake, "second.json", Observations.Many(5_000, seed: 4), ingest =>
            File.WriteAllText(Path.Combine(ingest.StagingFolder, "parts", "0"), "a file where the part folder goes")));

        Assert.Contains(Path.Combine("parts", "0"), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, folder.Snapshot());
        Assert.Single(lake.Sources());
    }

    [Fact]
    public async Task A_full_disk_fails_the_ingest_with_the_error_and_frees_what_the_ingest_wrote()
    {
        // A 1 MiB tmpfs: the part files of 200,000 observations (each a text locator of its own) cannot fit. Mounting
        // needs root (CI runs as root).
        var disk = folder.File("tiny");
        Directory.CreateDirectory(disk);
        Assert.True(Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk) == 0, $"mounting a 1 MiB tmpfs at {disk} failed: this test needs root");
        try
        {
            var lakeRoot = Path.Combine(disk, "lake");
            var lake = new RateLake(lakeRoot, new LakeWriterOptions { RowGroupRows = 4_096, MaxBufferedBytes = 256 << 10 });

            var error = await Assert.ThrowsAsync<IOException>(() => LakeWriterTests.IngestAsync(lake, "big.json", Observations.Many(200_000, seed: 5)));

            Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(lakeRoot, "*", SearchOption.AllDirectories));
            Assert.Empty(lake.Sources());
        }
        finally
        {
            Run("umount", disk);
        }
    }

    static int Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        p.WaitForExit();
        return p.ExitCode;
    }
}
