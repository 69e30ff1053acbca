using System.Text.Json;

namespace PayerAtlas.Lake;

/// <summary>
/// A folder of rate observations as Parquet (Hive-partitioned by payer and code prefix) with a manifest of the sources
/// in it. Ingests are staged inside the lake (same file system, so the final moves are renames) and committed by
/// moving the parts into their partitions and then writing the source's manifest entry.
/// </summary>
public sealed class RateLake
{
    public RateLake(string root, LakeWriterOptions? options = null)
    {
        Root = Path.GetFullPath(root);
        WriterOptions = options ?? new LakeWriterOptions();
    }

    public string Root { get; }
    public LakeWriterOptions WriterOptions { get; }

    public string SourcesFolder => Path.Combine(Root, LakeLayout.SourcesFolder);
    public string StagingRoot => Path.Combine(Root, LakeLayout.StagingFolder);

    public SourceRecord? FindSource(string sha256)
    {
        var path = Path.Combine(SourcesFolder, sha256 + ".json");
        return File.Exists(path) ? Read(path) : null;
    }

    public IReadOnlyList<SourceRecord> Sources() =>
        Directory.Exists(SourcesFolder)
            ? Directory.EnumerateFiles(SourcesFolder, "*.json").Select(Read).OrderBy(s => s.IngestedAt).ToList()
            : [];

    /// <summary>A previously ingested local file with this path, length and modification time (its hash still has to be checked).</summary>
    public SourceRecord? FindLocal(string source, long length, DateTime lastWriteUtc) =>
        Sources().FirstOrDefault(s => s.LocalLength == length && s.LocalLastWriteUtc == lastWriteUtc
                                      && string.Equals(Path.GetFullPath(s.Source), Path.GetFullPath(source), StringComparison.Ordinal));

    /// <summary>Starts an ingest: a writer into a fresh staging folder. Dispose without committing to abort.</summary>
    public LakeIngest BeginIngest(string source)
    {
        Directory.CreateDirectory(Root);
        Recover();
        var staging = Path.Combine(StagingRoot, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}");
        return new LakeIngest(this, source, staging);
    }

    /// <summary>
    /// Cleans up after ingests that did not finish: a staging folder with a commit plan was interrupted while moving
    /// parts into place and is rolled forward; one without a plan never committed and is deleted. Folders another
    /// process is still writing (their lock is held) are left alone.
    /// </summary>
    public void Recover()
    {
        if (!Directory.Exists(StagingRoot))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(StagingRoot))
        {
            FileStream? lockFile = null;
            try
            {
                lockFile = new FileStream(Path.Combine(dir, LakeIngest.LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                continue; // an ingest in progress
            }

            using (lockFile)
            {
                var planPath = Path.Combine(dir, LakeIngest.PlanName);
                if (File.Exists(planPath))
                {
                    var plan = JsonSerializer.Deserialize(File.ReadAllText(planPath), LakeJson.Default.CommitPlan)!;
                    Apply(plan);
                }
            }

            Directory.Delete(dir, recursive: true);
        }

        if (!Directory.EnumerateFileSystemEntries(StagingRoot).Any())
        {
            Directory.Delete(StagingRoot);
        }
    }

    /// <summary>Moves staged parts into their partitions (those already moved are skipped) and then writes the manifest entry.</summary>
    internal void Apply(CommitPlan plan)
    {
        foreach (var move in plan.Moves)
        {
            var to = Path.Combine(Root, move.To);
            if (!File.Exists(move.From))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Move(move.From, to, overwrite: true);
        }

        Directory.CreateDirectory(SourcesFolder);
        var manifest = Path.Combine(SourcesFolder, plan.Source.Sha256 + ".json");
        WriteAtomically(manifest, JsonSerializer.Serialize(plan.Source, LakeJson.Default.SourceRecord));
    }

    internal static void WriteAtomically(string path, string text)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }

    static SourceRecord Read(string path) => JsonSerializer.Deserialize(File.ReadAllText(path), LakeJson.Default.SourceRecord)
                                             ?? throw new InvalidDataException($"{path}: empty manifest entry");
}
