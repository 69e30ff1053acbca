using PayerAtlas.Store;

namespace PayerAtlas.CrashHost;

/// <summary>The real store, with every import counted so the process can kill itself at a <see cref="KillPoint"/>.</summary>
public sealed class KillingStore(IPayerAtlasStore inner, KillPoint point) : IPayerAtlasStore
{
    public void Migrate() => inner.Migrate();

    public IReadOnlyList<ReleaseInfo> ListReleases() => inner.ListReleases();

    public ReleaseInfo? FindRelease(string? label = null) => inner.FindRelease(label);

    public IReleaseImport BeginImport(string label) => new KillingImport(inner.BeginImport(label), point);

    public IReleaseReader OpenReader(ReleaseInfo release) => inner.OpenReader(release);

    public void Dispose() => inner.Dispose();
}
