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

    public abstract void Dispose();
}
