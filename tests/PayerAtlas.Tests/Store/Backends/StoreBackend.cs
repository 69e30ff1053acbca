using PayerAtlas.Postgres;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Store;

/// <summary>How the store contract suite gets an empty, migrated store of one backend (Dapper's provider classes).</summary>
public abstract class StoreBackend : IDisposable
{
    public abstract string Name { get; }

    /// <summary>A new empty database; <paramref name="hint"/> goes into its name.</summary>
    public abstract string CreateDatabase(string hint);

    public abstract IPayerAtlasStore Open(string database);

    public IPayerAtlasStore CreateStore(string hint)
    {
        var store = Open(CreateDatabase(hint));
        store.Migrate();
        return store;
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

public sealed class SqliteBackend : StoreBackend
{
    readonly TempDir dir = new();

    public override string Name => "SQLite";

    public override string CreateDatabase(string hint) => dir.File($"{hint}-{Guid.NewGuid():N}.db");

    public override IPayerAtlasStore Open(string database) => new SqliteStore(database);

    public override void Dispose()
    {
        dir.Dispose();
        base.Dispose();
    }
}

public sealed class PostgresBackend : StoreBackend
{
    public override string Name => "PostgreSQL";

    public override string CreateDatabase(string hint) => TestPostgres.CreateDatabase(hint);

    public override IPayerAtlasStore Open(string database) => new PostgresStore(database);
}
