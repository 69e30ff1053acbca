using Parquet;

namespace PayerAtlas.Lake;

/// <summary>
/// The background side of a <see cref="LakeWriter"/>: encodes batches as Parquet row groups into part files under the
/// staging folder, keeping at most <see cref="LakeWriterOptions.MaxOpenFiles"/> files open (least recently used closed).
/// Runs on one thread; never touched by the reader's thread.
/// </summary>
internal sealed class PartFileWriter : IAsyncDisposable
{
    static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Snappy };

    readonly string staging;
    readonly int maxOpen;
    readonly Dictionary<PartitionKey, OpenPart> open = [];
    readonly Dictionary<PartitionKey, int> partsPerPartition = [];
    readonly List<StagedPart> closed = [];
    long tick;

    readonly int maxRowGroups;
    int openRowGroups;

    public PartFileWriter(string staging, int maxOpen, int maxRowGroups)
    {
        this.staging = staging;
        this.maxOpen = Math.Max(1, maxOpen);
        this.maxRowGroups = Math.Max(1, maxRowGroups);
    }

    public long Rows { get; private set; }

    public async Task WriteAsync(RowBatch batch, CancellationToken ct)
    {
        if (!open.TryGetValue(batch.Partition, out var part))
        {
            if (open.Count >= maxOpen)
            {
                var lru = open.Values.MinBy(p => p.LastUsed)!;
                await CloseAsync(lru).ConfigureAwait(false);
            }

            part = await OpenAsync(batch.Partition, ct).ConfigureAwait(false);
        }

        part.LastUsed = ++tick;
        await WriteRowGroupAsync(part.Writer, batch, ct).ConfigureAwait(false);
        part.Rows += batch.Count;
        part.RowGroups++;
        openRowGroups++;
        Rows += batch.Count;
        if (openRowGroups > maxRowGroups)
        {
            await CloseAsync(open.Values.MaxBy(p => p.RowGroups)!).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the partition's file (writes its footer) if it is open.</summary>
    public async Task CloseAsync(PartitionKey key)
    {
        if (open.TryGetValue(key, out var part))
        {
            await CloseAsync(part).ConfigureAwait(false);
        }
    }

    /// <summary>Closes every file (writing the Parquet footers) and lists the parts written.</summary>
    public async Task<IReadOnlyList<StagedPart>> FinishAsync()
    {
        foreach (var part in open.Values.ToList())
        {
            await CloseAsync(part).ConfigureAwait(false);
        }

        return closed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in open.Values.ToList())
        {
            try
            {
                await CloseAsync(part).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Aborting: the staging folder is deleted anyway.
            }
        }
    }

    async Task<OpenPart> OpenAsync(PartitionKey key, CancellationToken ct)
    {
        var n = partsPerPartition.GetValueOrDefault(key);
        partsPerPartition[key] = n + 1;
        var relative = Path.Combine(LakeLayout.PartitionFolder(key.PayerSlug, key.CodePrefix), $"{n:D4}.parquet");
        var path = Path.Combine(staging, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 12);
        var writer = await ParquetWriter.CreateAsync(LakeSchema.Schema, stream, Options, cancellationToken: ct).ConfigureAwait(false);
        var part = new OpenPart(key, n, relative, stream, writer);
        open.Add(key, part);
        return part;
    }

    async Task CloseAsync(OpenPart part)
    {
        open.Remove(part.Key);
        openRowGroups -= part.RowGroups;
        await part.Writer.DisposeAsync().ConfigureAwait(false);
        await part.Stream.DisposeAsync().ConfigureAwait(false);
        closed.Add(new StagedPart(part.Key, part.Number, part.RelativePath, part.Rows));
    }

    static async Task WriteRowGroupAsync(ParquetWriter writer, RowBatch b, CancellationToken ct)
    {
        var n = b.Count;
        using var g = writer.CreateRowGroup();
        await Text(g, LakeSchema.SourceFile, b.SourceFile, n).ConfigureAwait(false);
        await Text(g, LakeSchema.SourceKind, b.SourceKind, n).ConfigureAwait(false);
        await Text(g, LakeSchema.Locator, b.Locator, n).ConfigureAwait(false);
        await Text(g, LakeSchema.ReportingEntity, b.ReportingEntity, n).ConfigureAwait(false);
        await Text(g, LakeSchema.ReportingEntityType, b.ReportingEntityType, n).ConfigureAwait(false);
        await Text(g, LakeSchema.PayerName, b.PayerName, n).ConfigureAwait(false);
        await Text(g, LakeSchema.Plan, b.Plan, n).ConfigureAwait(false);
        await Text(g, LakeSchema.PlanId, b.PlanId, n).ConfigureAwait(false);
        await Text(g, LakeSchema.PlanIdType, b.PlanIdType, n).ConfigureAwait(false);
        await Text(g, LakeSchema.PlanMarketType, b.PlanMarketType, n).ConfigureAwait(false);
        await Text(g, LakeSchema.Network, b.Network, n).ConfigureAwait(false);
        await Text(g, LakeSchema.BillingCode, b.BillingCode, n).ConfigureAwait(false);
        await Text(g, LakeSchema.BillingCodeType, b.BillingCodeType, n).ConfigureAwait(false);
        await Text(g, LakeSchema.BillingCodeTypeVersion, b.BillingCodeTypeVersion, n).ConfigureAwait(false);
        await Text(g, LakeSchema.Modifiers, b.Modifiers, n).ConfigureAwait(false);
        await Text(g, LakeSchema.NegotiationArrangement, b.NegotiationArrangement, n).ConfigureAwait(false);
        await Text(g, LakeSchema.NegotiatedType, b.NegotiatedType, n).ConfigureAwait(false);
        await g.WriteAsync<double>(LakeSchema.Rate, b.Rate.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
        await g.WriteAsync<bool>(LakeSchema.RateIsPercentage, b.RateIsPercentage.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
        await g.WriteAsync<double>(LakeSchema.BilledCharge, b.BilledCharge.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
        await Text(g, LakeSchema.Algorithm, b.Algorithm, n).ConfigureAwait(false);
        await Text(g, LakeSchema.BillingClass, b.BillingClass, n).ConfigureAwait(false);
        await Text(g, LakeSchema.Setting, b.Setting, n).ConfigureAwait(false);
        await Text(g, LakeSchema.PlacesOfService, b.PlacesOfService, n).ConfigureAwait(false);
        await g.WriteAsync<int>(LakeSchema.ProviderNpiCount, b.ProviderNpiCount.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
        await g.WriteAsync<int>(LakeSchema.ProviderTinCount, b.ProviderTinCount.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
        await Text(g, LakeSchema.State, b.State, n).ConfigureAwait(false);
        await g.WriteAsync<DateOnly>(LakeSchema.ExpirationDate, b.ExpirationDate.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
        await Text(g, LakeSchema.AdditionalInformation, b.AdditionalInformation, n).ConfigureAwait(false);
    }

    static Task Text(ParquetRowGroupWriter g, global::Parquet.Schema.DataField field, string?[] values, int n) =>
        g.WriteAsync(field, new ArraySegment<string>(values!, 0, n), null);

    sealed class OpenPart(PartitionKey key, int number, string relativePath, FileStream stream, ParquetWriter writer)
    {
        public PartitionKey Key { get; } = key;
        public int Number { get; } = number;
        public string RelativePath { get; } = relativePath;
        public FileStream Stream { get; } = stream;
        public ParquetWriter Writer { get; } = writer;
        public long Rows { get; set; }
        public int RowGroups { get; set; }
        public long LastUsed { get; set; }
    }
}

/// <summary>A finished part file in the staging folder, waiting to be moved into the lake.</summary>
internal sealed record StagedPart(PartitionKey Partition, int Number, string RelativePath, long Rows);
