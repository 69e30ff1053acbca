namespace PayerAtlas.Tests.Store;

// The store contract suite on SQLite: one sealed class per contract, sharing one database of releases.

[CollectionDefinition(Name)]
public sealed class SqliteStoreCollection : ICollectionFixture<ContractReleases<SqliteBackend>>
{
    public const string Name = "SQLite store contract";
}

[Collection(SqliteStoreCollection.Name)]
public sealed class SqliteReleaseTests(ContractReleases<SqliteBackend> releases) : ReleaseContract<SqliteBackend>(releases);

[Collection(SqliteStoreCollection.Name)]
public sealed class SqliteReaderTests(ContractReleases<SqliteBackend> releases) : ReaderContract<SqliteBackend>(releases);

[Collection(SqliteStoreCollection.Name)]
public sealed class SqliteSearchTests(ContractReleases<SqliteBackend> releases) : SearchContract<SqliteBackend>(releases);

[Collection(SqliteStoreCollection.Name)]
public sealed class SqliteNcciTests(ContractReleases<SqliteBackend> releases) : NcciContract<SqliteBackend>(releases);

[Collection(SqliteStoreCollection.Name)]
public sealed class SqlitePolicyTests(ContractReleases<SqliteBackend> releases) : PolicyContract<SqliteBackend>(releases);

[Collection(SqliteStoreCollection.Name)]
public sealed class SqliteMalformedImportTests(ContractReleases<SqliteBackend> releases) : MalformedImportContract<SqliteBackend>(releases);
