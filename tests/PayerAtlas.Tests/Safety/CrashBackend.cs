using PayerAtlas.Store;

namespace PayerAtlas.Tests.Safety;

/// <summary>A store the crash drill kills imports into: what the child gets as --db, how to open it, how to check it.</summary>
public abstract class CrashBackend : IDisposable
{
    public abstract string Name { get; }

    /// <summary>The --db argument of the child process.</summary>
    public abstract string Db { get; }

    public abstract IPayerAtlasStore Open();

    /// <summary>What is wrong with the database itself (corruption, dangling rows); empty when it is consistent.</summary>
    public abstract IReadOnlyList<string> Problems();

    /// <summary>Waits until no import is still running on the server (a killed client's transaction is rolled back).</summary>
    public virtual void Settle()
    {
    }

    public abstract void Dispose();

    /// <summary>
    /// Checks both backends share: exactly one current release when there are any, and no row in any table (the
    /// search index too) that belongs to a release which is not listed, which is what a visible partial import would be.
    /// </summary>
    public static IEnumerable<string> Consistency(IEnumerable<string> tablesWithReleaseId, Func<string, long> scalar)
    {
        var releases = scalar("SELECT COUNT(*) FROM releases");
        var current = scalar("SELECT COUNT(*) FROM releases WHERE is_current");
        if (releases > 0 && current != 1)
        {
            yield return $"{current} current releases among {releases}";
        }

        foreach (var table in tablesWithReleaseId)
        {
            var orphans = scalar($"SELECT COUNT(*) FROM {table} WHERE release_id NOT IN (SELECT id FROM releases)");
            if (orphans > 0)
            {
                yield return $"{table}: {orphans} rows of no listed release";
            }
        }
    }
}
