using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>Identifies one cached thing: a release is immutable, so (release, kind, key) never goes stale.</summary>
public readonly record struct CacheKey(long Release, string Kind, string Key);

/// <summary>
/// Rendered pages, publications and price quotes, built once per release and kept within a byte budget
/// (least recently used out first). Each entry is built once even when many requests ask at the same moment.
/// </summary>
public sealed class PageCache(IOptions<WebOptions> options) : IDisposable
{
    readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheBytes, CompactionPercentage = 0.25 });

    public T? GetOrCreate<T>(CacheKey key, long size, Func<T?> create)
        where T : class
    {
        if (cache.TryGetValue(key, out var hit) && hit is Lazy<T?> cached)
        {
            return cached.Value;
        }

        var lazy = new Lazy<T?>(create, LazyThreadSafetyMode.ExecutionAndPublication);
        var entry = cache.GetOrCreate(key, e =>
        {
            e.Size = size;
            return lazy;
        })!;
        try
        {
            return entry.Value;
        }
        catch
        {
            cache.Remove(key); // a failed build is not remembered
            throw;
        }
    }

    /// <summary>Rendered bytes already in the cache, or null.</summary>
    public CachedBody? Find(CacheKey key) => cache.TryGetValue(key, out var hit) && hit is Lazy<CachedBody?> { Value: { } body } ? body : null;

    /// <summary>Caches rendered bytes, sized by their length.</summary>
    public CachedBody? Body(CacheKey key, Func<CachedBody?> render)
    {
        if (cache.TryGetValue(key, out var hit) && hit is Lazy<CachedBody?> cached)
        {
            return cached.Value;
        }

        var body = render();
        if (body is not null)
        {
            cache.Set(key, new Lazy<CachedBody?>(body), new MemoryCacheEntryOptions { Size = body.Bytes.Length + 200 });
        }

        return body;
    }

    /// <summary>Drops everything (the rate lake behind the pages changed: a new source landed).</summary>
    public void Clear() => cache.Clear();

    public void Dispose() => cache.Dispose();
}
