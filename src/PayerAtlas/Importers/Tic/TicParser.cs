using System.Text.Json;
using System.Text.RegularExpressions;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// One read of one TiC file. The top level is walked once; the big arrays (<c>in_network</c>,
/// <c>out_of_network</c>) are parsed element by element as they stream past. When what the rates need (the header,
/// the provider references) has not appeared by the time the array starts, the array is deferred: skipped (and, for
/// a source that cannot be opened again, copied to a temp spool) and parsed in a second pass once the top level is
/// complete. See <see cref="TicReader"/> for the rules.
/// </summary>
internal sealed partial class TicParser : IDisposable
{
    static readonly string[] Arrangements = ["ffs", "bundle", "capitation"];

    readonly TicSource source;
    readonly IRateSink sink;

    /// <summary>The sink when it takes in-network prices with their shared columns (<see cref="IRatePriceSink"/>).</summary>
    readonly IRatePriceSink? priceSink;
    readonly TicReaderOptions options;
    readonly CancellationToken cancellation;
    readonly TicPath path = new();
    readonly Utf8Cache<string> strings = new();
    readonly Utf8Cache<string> joined = new();

    /// <summary>Joined modifiers (upper-cased): apart from <see cref="joined"/>, so equal arrays of service codes and modifiers never answer for each other.</summary>
    readonly Utf8Cache<string> joinedUpper = new();
    readonly List<string> parts = [];
    readonly ProviderTable providers = new();
    readonly HeaderState header = new();
    TicJsonBuffer j = null!;
    TicFileKind kind;
    long observations;
    long firstPassBytes;
    int referenceFiles;
    Deferred? deferred;
    ObservationHeader? frozen;
    List<TicReportingStructure>? toc;
    string? spoolPath;

    public TicParser(TicSource source, IRateSink sink, TicReaderOptions options, CancellationToken cancellation)
    {
        this.source = source;
        this.sink = sink;
        priceSink = sink as IRatePriceSink;
        this.options = options;
        this.cancellation = cancellation;
        fastRates = !options.GeneralPathOnly;
    }

    public TicReadResult Run()
    {
        using (j = Open(source.OpenJson(), 0))
        {
            var r = j.Start();
            ReadDocument(ref r);
            firstPassBytes = j.Position;
        }

        if (deferred is { } d)
        {
            SecondPass(d);
        }

        return new TicReadResult
        {
            SourceFile = source.Name,
            Kind = kind,
            Header = header.ToHeader(),
            Observations = observations,
            Bytes = firstPassBytes,
            Passes = deferred is null ? 1 : 2,
            Spooled = deferred?.Spool is not null,
            ProviderReferences = providers.Count,
            ProviderReferenceFiles = referenceFiles,
            TableOfContents = toc is null ? null : new TicTableOfContents { Header = header.ToHeader(), ReportingStructures = toc },
            FastRates = fastRateCount,
            FastItemHeads = fastItemHeadCount,
        };
    }

    TicJsonBuffer Open(Stream stream, long baseOffset) =>
        new(stream, source.Name, path, options.BufferSize, baseOffset,
            options.Progress is { } p ? bytes => p(new TicReadProgress(source.Name, bytes, observations)) : null);

    void ReadDocument(ref Utf8JsonReader r)
    {
        try
        {
            ReadTopLevel(ref r);
        }
        catch (JsonException e)
        {
            throw InvalidJson(ref r, e);
        }
    }

    void ReadTopLevel(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartObject, "");
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            cancellation.ThrowIfCancellationRequested();
            var name = Name(ref r);
            if (name.SequenceEqual("in_network"u8))
            {
                kind = TicFileKind.InNetwork;
                ReadItems(ref r, "in_network");
            }
            else if (name.SequenceEqual("provider_references"u8))
            {
                ReadProviderReferences(ref r);
            }
            else if (name.SequenceEqual("out_of_network"u8))
            {
                kind = TicFileKind.AllowedAmounts;
                ReadItems(ref r, "out_of_network");
            }
            else if (name.SequenceEqual("reporting_structure"u8))
            {
                kind = TicFileKind.TableOfContents;
                toc = ReadReportingStructure(ref r);
            }
            else if (name.SequenceEqual("provider_groups"u8))
            {
                kind = TicFileKind.ProviderReference;
                ReadProviderReferenceFile(ref r);
            }
            else if (!ReadHeaderField(ref r, name))
            {
                j.Skip(ref r);
            }
        }

        var end = j.Offset(r.TokenStartIndex);
        j.ReadToEnd(ref r);
        switch (kind)
        {
            case TicFileKind.InNetwork or TicFileKind.AllowedAmounts or TicFileKind.TableOfContents:
                RequireHeader(end);
                break;
            case TicFileKind.Unknown:
                throw Fail(end, null, "not a Transparency-in-Coverage file: no in_network, out_of_network, reporting_structure or provider_groups");
        }
    }

    void RequireHeader(long offset)
    {
        if (header.ReportingEntityName is null)
        {
            Missing(offset, "reporting_entity_name");
        }

        if (header.ReportingEntityType is null)
        {
            Missing(offset, "reporting_entity_type");
        }

        if (header.Version is null)
        {
            Missing(offset, "version");
        }

        if (kind != TicFileKind.TableOfContents && header.LastUpdatedOn is null)
        {
            Missing(offset, "last_updated_on");
        }
    }

    /// <summary>
    /// The <c>in_network</c> / <c>out_of_network</c> array. Streamed when the header (and, for in-network rates, the
    /// provider references) is already known; otherwise deferred to the second pass.
    /// </summary>
    void ReadItems(ref Utf8JsonReader r, string property)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, property);
        var arrayOffset = j.Offset(r.TokenStartIndex);
        var arrayDepth = r.CurrentDepth;
        var inNetwork = kind == TicFileKind.InNetwork;
        var ready = header.IsComplete(inNetwork) && (!inNetwork || providers.Seen || header.IsVersion1);
        var mayDefer = inNetwork && !providers.Seen;

        FileStream? spool = null;
        if ((!ready || mayDefer) && !source.CanReopen)
        {
            spool = CreateSpool();
            j.BeginTee(spool, r.TokenStartIndex);
        }

        var resume = (Item: 0, Rate: 0);
        var defer = !ready;
        if (ready)
        {
            Freeze();
            try
            {
                ParseItemArray(ref r, property, (0, 0), allowDefer: mayDefer);
            }
            catch (DeferSignal signal)
            {
                path.Truncate(0);
                resume = (signal.Item, signal.Rate);
                defer = true;
            }
        }

        if (defer)
        {
            while (!(r.TokenType == JsonTokenType.EndArray && r.CurrentDepth == arrayDepth))
            {
                j.Read(ref r);
            }

            j.EndTee(r.BytesConsumed);
            spool?.Flush();
            spool?.Dispose();
            deferred = new Deferred(property, arrayOffset, resume.Item, resume.Rate, spool is null ? null : spoolPath);
        }
        else if (spool is not null)
        {
            j.EndTee(r.BytesConsumed);
            spool.Dispose();
            DeleteSpool();
        }
    }

    /// <summary>Reads the deferred array again, from the spool or from the reopened source, skipping what was emitted.</summary>
    void SecondPass(Deferred d)
    {
        if (kind == TicFileKind.InNetwork)
        {
            providers.Seen = true;
        }

        Freeze();
        Stream stream;
        if (d.Spool is not null)
        {
            stream = new FileStream(d.Spool, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.DeleteOnClose);
            spoolPath = null;
        }
        else
        {
            stream = source.OpenJson();
            SkipTo(stream, d.ArrayOffset);
        }

        using (j = Open(stream, d.ArrayOffset))
        {
            var r = j.Start();
            try
            {
                j.Read(ref r);
                ParseItemArray(ref r, d.Property, (d.Item, d.Rate), allowDefer: false);
            }
            catch (JsonException e)
            {
                throw InvalidJson(ref r, e);
            }
        }
    }

    TicFormatException InvalidJson(ref Utf8JsonReader r, JsonException e)
    {
        // With the final block in the reader, "end of data" / "depth to be zero" mean the document stops mid-value.
        var truncated = j.IsFinal && (e.Message.Contains("end of data", StringComparison.Ordinal) || e.Message.Contains("depth to be zero", StringComparison.Ordinal));
        // The reader's own "LineNumber: n | BytePositionInLine: m" counts from where it was last restarted (after a
        // stretch read by the fast path), so it would name a wrong line; the byte offset and JSON path given are exact.
        var message = ReaderPosition().Replace(e.Message, "").TrimEnd();
        var reason = (truncated, j.IsGzip) switch
        {
            (true, true) => $"the gzip stream ends before the JSON does (cut short): {message}",
            (true, false) => $"the JSON ends early (truncated file): {message}",
            _ => $"invalid JSON: {message}",
        };
        return new TicFormatException(source.Name, j.Offset(r.BytesConsumed), path.ToString(), reason, e);
    }

    [GeneratedRegex(@" ?LineNumber: \d+ \| BytePositionInLine: \d+\.")]
    private static partial Regex ReaderPosition();

    static void SkipTo(Stream stream, long offset)
    {
        if (stream.CanSeek)
        {
            stream.Seek(offset, SeekOrigin.Begin);
            return;
        }

        var scratch = new byte[81920];
        for (var left = offset; left > 0;)
        {
            var n = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, left));
            if (n == 0)
            {
                throw new IOException("the file became shorter between the two passes");
            }

            left -= n;
        }
    }

    void ParseItemArray(ref Utf8JsonReader r, string property, (int Item, int Rate) resume, bool allowDefer)
    {
        var inNetwork = property == "in_network";
        ratesStart = null;
        path.PushIndex(property);
        var k = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(k);
            if (k < resume.Item)
            {
                j.Skip(ref r);
            }
            else
            {
                Expect(ref r, JsonTokenType.StartObject, "");
                if (inNetwork)
                {
                    ParseInNetworkItem(ref r, k, k == resume.Item ? resume.Rate : 0, allowDefer);
                }
                else
                {
                    ParseAllowedAmountItem(ref r, k);
                }
            }

            k++;
        }

        path.Pop();
    }

    FileStream CreateSpool()
    {
        spoolPath = Path.Combine(options.SpoolDirectory ?? Path.GetTempPath(), $"payeratlas-tic-{Guid.NewGuid():N}.spool");
        return new FileStream(spoolPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    void DeleteSpool()
    {
        if (spoolPath is not null)
        {
            File.Delete(spoolPath);
            spoolPath = null;
        }
    }

    public void Dispose() => DeleteSpool();

    sealed record Deferred(string Property, long ArrayOffset, int Item, int Rate, string? Spool);

    /// <summary>Thrown once, in the first pass, at the first rate that names a provider group not read yet.</summary>
    sealed class DeferSignal(int item, int rate) : Exception("provider references needed before they were read")
    {
        public int Item { get; } = item;
        public int Rate { get; } = rate;
    }
}
