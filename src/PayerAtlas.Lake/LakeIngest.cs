using System.Text.Json;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// One source being written into a <see cref="RateLake"/>. Readers push observations into it; <see cref="CommitAsync"/>
/// lands them (or reports the source as a duplicate), and disposing an uncommitted ingest deletes its staging folder,
/// so a failed or cancelled read leaves the lake as it was.
/// </summary>
public sealed class LakeIngest : IRatePriceSink, IAsyncDisposable
{
    internal const string LockName = ".lock";
    internal const string PlanName = "commit.json";

    readonly RateLake lake;
    readonly LakeWriter writer;
    readonly FileStream lockFile;
    bool done;

    internal LakeIngest(RateLake lake, string source, string staging)
    {
        this.lake = lake;
        Source = source;
        StagingFolder = staging;
        Directory.CreateDirectory(staging);
        lockFile = new FileStream(Path.Combine(staging, LockName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        writer = new LakeWriter(Path.Combine(staging, "parts"), lake.WriterOptions);
    }

    public string Source { get; }
    public string StagingFolder { get; }
    public long Observations => writer.Observations;

    /// <summary>The first reporting entity seen (the manifest names it).</summary>
    public string? ReportingEntity { get; private set; }

    public RateSourceKind? Kind { get; private set; }

    public void Write(in RateObservation observation)
    {
        FirstSeen(observation.ReportingEntity, observation.SourceKind);
        writer.Write(observation);
    }

    public void Write(RateItem item, ReadOnlySpan<RatePrice> prices)
    {
        FirstSeen(item.ReportingEntity, item.SourceKind);
        writer.Write(item, prices);
    }

    void FirstSeen(string reportingEntity, RateSourceKind kind)
    {
        if (ReportingEntity is null)
        {
            ReportingEntity = reportingEntity;
            Kind = kind;
        }
    }

    /// <summary>
    /// Lands the staged parts under the source's hash. Returns null (and lands nothing) when the manifest already
    /// holds that hash: re-ingesting a file is a no-op.
    /// </summary>
    public async Task<SourceRecord?> CommitAsync(SourceFacts facts)
    {
        ObjectDisposedException.ThrowIf(done, this);
        var parts = await writer.FinishAsync().ConfigureAwait(false);
        if (lake.FindSource(facts.Sha256) is not null)
        {
            await DisposeAsync().ConfigureAwait(false);
            return null;
        }

        var moves = parts
            .OrderBy(p => p.RelativePath, StringComparer.Ordinal)
            .Select(p => new CommitMove(
                Path.Combine(writer.StagingFolder, p.RelativePath),
                Path.Combine(LakeLayout.PartitionFolder(p.Partition.PayerSlug, p.Partition.CodePrefix), LakeLayout.PartFileName(facts.Sha256, p.Number))))
            .ToList();
        var record = new SourceRecord
        {
            Sha256 = facts.Sha256,
            Source = Source,
            Url = facts.Url,
            Bytes = facts.Bytes,
            UncompressedBytes = facts.UncompressedBytes,
            Kind = facts.Kind ?? (Kind is { } k ? LakeStrings.KindName(k) : "empty"),
            ReportingEntity = ReportingEntity,
            Observations = writer.Observations,
            Rejected = facts.Rejected,
            IngestedAt = DateTimeOffset.UtcNow,
            Parts = moves.Select(m => m.To.Replace('\\', '/')).ToList(),
            LocalLength = facts.LocalLength,
            LocalLastWriteUtc = facts.LocalLastWriteUtc,
        };
        var plan = new CommitPlan(record, moves);
        RateLake.WriteAtomically(Path.Combine(StagingFolder, PlanName), JsonSerializer.Serialize(plan, LakeJson.Default.CommitPlan));
        lake.Apply(plan);
        done = true;
        await lockFile.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(StagingFolder, recursive: true);
        DeleteEmptyStagingRoot();
        return record;
    }

    void DeleteEmptyStagingRoot()
    {
        var root = lake.StagingRoot;
        if (Directory.Exists(root) && !Directory.EnumerateFileSystemEntries(root).Any())
        {
            Directory.Delete(root);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!done)
        {
            // Abandoned (an error, a cancellation): whatever the writer's shutdown meets, the staging folder goes, so a
            // failed ingest never leaves its part files behind (on a full disk that would keep the disk full).
            done = true;
            try
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                await lockFile.DisposeAsync().ConfigureAwait(false);
                if (Directory.Exists(StagingFolder))
                {
                    Directory.Delete(StagingFolder, recursive: true);
                }

                DeleteEmptyStagingRoot();
            }
        }
        else
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>What the ingest learned about the source bytes while reading them.</summary>
public sealed record SourceFacts
{
    public required string Sha256 { get; init; }
    public required long Bytes { get; init; }
    public long? UncompressedBytes { get; init; }
    public string? Url { get; init; }
    public string? Kind { get; init; }
    public long Rejected { get; init; }
    public long? LocalLength { get; init; }
    public DateTime? LocalLastWriteUtc { get; init; }
}
