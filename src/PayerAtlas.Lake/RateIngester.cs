using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using PayerAtlas.Claims.Input;

namespace PayerAtlas.Lake;

/// <summary>
/// Ingests price-transparency files or URLs into a <see cref="RateLake"/>: streams the bytes once (hashing them on the
/// way), decompresses gzip by its magic bytes, sniffs the layout, hands the stream to the matching reader and commits
/// the source, or abandons it on any error so the lake is unchanged. A table of contents ingests the in-network files
/// it lists (local paths relative to it). Re-ingesting a source whose hash is in the manifest is a no-op.
/// </summary>
public sealed partial class RateIngester(RateLake lake, RateReaders readers, HttpClient? http = null)
{
    const int ReadBuffer = 1 << 20;

    /// <summary>
    /// Plain local files are read through a memory mapping on Linux (<see cref="MappedFile"/>: parsed in place,
    /// hashed on a thread of their own); false reads every file as a stream.
    /// </summary>
    public bool MapLocalFiles { get; init; } = true;

    public async Task<IngestResult> IngestAsync(string source, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        if (IsUrl(source))
        {
            return await IngestUrlAsync(source, progress, clock, ct).ConfigureAwait(false);
        }

        var file = new FileInfo(source);
        if (!file.Exists)
        {
            throw new RateIngestException(source, "no such file");
        }

        // A file already ingested under this path, size and time: confirm its hash (cheap) and skip the parse.
        if (lake.FindLocal(source, file.Length, file.LastWriteTimeUtc) is { } known && await HashFileAsync(file.FullName, ct).ConfigureAwait(false) == known.Sha256)
        {
            return Duplicate(source, known, clock);
        }

        if (MapLocalFiles && await TryIngestMappedAsync(source, file, progress, clock, ct).ConfigureAwait(false) is { } mapped)
        {
            return mapped;
        }

        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBuffer, FileOptions.SequentialScan);
        return await IngestStreamAsync(source, stream, file.Length, null, file, progress, clock, ct).ConfigureAwait(false);
    }

    async Task<IngestResult> IngestUrlAsync(string url, IProgress<IngestProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        var client = http ?? SharedHttp.Value;
        var response = await client.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new RateIngestException(url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await IngestStreamAsync(url, stream, response.Content.Headers.ContentLength, url, null, progress, clock, ct).ConfigureAwait(false);
    }

    async Task<IngestResult> IngestStreamAsync(
        string source, Stream raw, long? length, string? url, FileInfo? local, IProgress<IngestProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        LakeIngest? ingest = null;
        CountingStream? content = null;
        using var hashing = new HashingStream(raw, bytes => progress?.Report(new IngestProgress(
            source, bytes, length, content?.BytesRead ?? 0, ingest?.Observations ?? 0, clock.Elapsed)));
        var magic = new byte[2];
        var got = hashing.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        var gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        Stream decoded = new ReplayStream(magic.AsMemory(0, got), hashing);
        if (gzip)
        {
            decoded = new GZipStream(decoded, CompressionMode.Decompress, leaveOpen: true);
        }

        using var counted = content = new CountingStream(decoded);

        // Reading, hashing and decompressing run on their own thread, ahead of the parser.
        using var ahead = new ReadAheadStream(counted, helperNiceness: lake.WriterOptions.HelperNiceness);
        var head = new byte[RateFileSniffer.HeadBytes];
        int headLength;
        try
        {
            headLength = ahead.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new RateIngestException(source, $"not a valid gzip stream: {e.Message}", e);
        }

        var kind = RateFileSniffer.Sniff(head.AsSpan(0, headLength));
        var body = new ReplayStream(head.AsMemory(0, headLength), ahead);
        if (kind == RateFileKind.TicTableOfContents)
        {
            return await IngestTableOfContentsAsync(source, body, progress, clock, ct).ConfigureAwait(false);
        }

        var reader = ReaderFor(source, kind);
        await using (ingest = lake.BeginIngest(source))
        {
            long rejected;
            string sha;
            try
            {
                rejected = reader(body, source, ingest, ct);
                ct.ThrowIfCancellationRequested();
                // Drain to the end (a gzip stream's CRC and length are checked there); then the read-ahead thread is
                // done with the source and the hash can take what is left after the compressed stream.
                await ahead.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
                sha = hashing.Finish();
            }
            catch (InvalidDataException e) when (gzip)
            {
                throw new RateIngestException(source, $"gzip stream is corrupt or cut short after {hashing.BytesRead:N0} bytes: {e.Message}", e);
            }
            catch (EndOfStreamException e) when (gzip)
            {
                throw new RateIngestException(source, $"gzip stream cut short after {hashing.BytesRead:N0} bytes", e);
            }

            progress?.Report(new IngestProgress(source, hashing.BytesRead, length, counted.BytesRead, ingest.Observations, clock.Elapsed));
            return await CommitAsync(ingest, source, kind, new SourceFacts
            {
                Sha256 = sha,
                Bytes = hashing.BytesRead,
                UncompressedBytes = counted.BytesRead,
                Url = url,
                Rejected = rejected,
                LocalLength = local?.Length,
                LocalLastWriteUtc = local?.LastWriteTimeUtc,
            }, clock).ConfigureAwait(false);
        }
    }

    RateFileReader ReaderFor(string source, RateFileKind kind) =>
        readers.For(kind) ?? throw new RateIngestException(source, kind == RateFileKind.Unknown
            ? "not a recognised price-transparency file (TiC in-network, allowed amounts, table of contents, hospital CSV/JSON)"
            : $"no reader for {kind} files in this build");

    static async Task<IngestResult> CommitAsync(LakeIngest ingest, string source, RateFileKind kind, SourceFacts facts, Stopwatch clock)
    {
        var record = await ingest.CommitAsync(facts).ConfigureAwait(false);
        return new IngestResult
        {
            Source = source,
            Outcome = record is null ? IngestOutcome.Duplicate : IngestOutcome.Ingested,
            Kind = kind,
            Sha256 = facts.Sha256,
            Bytes = facts.Bytes,
            UncompressedBytes = facts.UncompressedBytes ?? facts.Bytes,
            Observations = record is null ? 0 : ingest.Observations,
            Rejected = facts.Rejected,
            Elapsed = clock.Elapsed,
        };
    }

    async Task<IngestResult> IngestTableOfContentsAsync(string source, Stream body, IProgress<IngestProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        var toc = readers.TableOfContents ?? throw new RateIngestException(source, "no table-of-contents reader in this build");
        var locations = toc(body, source, ct);
        var results = new List<IngestResult>();
        foreach (var location in locations.Distinct(StringComparer.Ordinal))
        {
            results.Add(await IngestAsync(Resolve(source, location), progress, ct).ConfigureAwait(false));
        }

        return new IngestResult
        {
            Source = source,
            Outcome = IngestOutcome.TableOfContents,
            Kind = RateFileKind.TicTableOfContents,
            Observations = results.Sum(r => r.Observations),
            Rejected = results.Sum(r => r.Rejected),
            Bytes = results.Sum(r => r.Bytes),
            UncompressedBytes = results.Sum(r => r.UncompressedBytes),
            Elapsed = clock.Elapsed,
            Files = results,
        };
    }

    /// <summary>A location in a table of contents: a URL as is, a relative path against the table's own folder or URL.</summary>
    public static string Resolve(string tableOfContents, string location)
    {
        if (IsUrl(location) || Path.IsPathRooted(location))
        {
            return location;
        }

        if (IsUrl(tableOfContents))
        {
            return new Uri(new Uri(tableOfContents), location).ToString();
        }

        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(tableOfContents)) ?? "", location);
    }

    static bool IsUrl(string s) => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    static async Task<string> HashFileAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBuffer, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
    }

    static IngestResult Duplicate(string source, SourceRecord known, Stopwatch clock) => new()
    {
        Source = source,
        Outcome = IngestOutcome.Duplicate,
        Kind = RateFileKind.Unknown,
        Sha256 = known.Sha256,
        Bytes = known.Bytes,
        Elapsed = clock.Elapsed,
    };

    static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
}
