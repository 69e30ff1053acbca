using System.Diagnostics;

namespace PayerAtlas.Lake;

public sealed partial class RateIngester
{
    /// <summary>
    /// A plain local file through a memory mapping (<see cref="MappedFile"/>): sniffed and parsed in place,
    /// hashed on the mapping's own thread; null when the file cannot be read that way (not Linux, empty, gzip).
    /// </summary>
    async Task<IngestResult?> TryIngestMappedAsync(string source, FileInfo file, IProgress<IngestProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        LakeIngest? ingest = null;
        using var mapped = MappedFile.TryOpen(file.FullName, (hashed, parsed) => progress?.Report(new IngestProgress(
            source, hashed, file.Length, parsed, ingest?.Observations ?? 0, clock.Elapsed)), lake.WriterOptions.HelperNiceness);
        if (mapped is null)
        {
            return null;
        }

        var kind = RateFileSniffer.Sniff(mapped.Peek(RateFileSniffer.HeadBytes));
        if (kind == RateFileKind.TicTableOfContents)
        {
            return await IngestTableOfContentsAsync(source, mapped.Content, progress, clock, ct).ConfigureAwait(false);
        }

        var reader = ReaderFor(source, kind);
        await using (ingest = lake.BeginIngest(source))
        {
            var rejected = reader(mapped.Content, source, ingest, ct);
            ct.ThrowIfCancellationRequested();
            var sha = mapped.FinishHash(source);
            progress?.Report(new IngestProgress(source, file.Length, file.Length, file.Length, ingest.Observations, clock.Elapsed));
            return await CommitAsync(ingest, source, kind, new SourceFacts
            {
                Sha256 = sha,
                Bytes = file.Length,
                UncompressedBytes = file.Length,
                Rejected = rejected,
                LocalLength = file.Length,
                LocalLastWriteUtc = file.LastWriteTimeUtc,
            }, clock).ConfigureAwait(false);
        }
    }
}
