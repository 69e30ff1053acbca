namespace PayerAtlas.Tests.Store;

// The store contract suite on PostgreSQL: one sealed class per contract, sharing one database of releases.

[CollectionDefinition(Name)]
public sealed class PostgresStoreCollection : ICollectionFixture<ContractReleases<PostgresBackend>>
{
    public const string Name = "PostgreSQL store contract";
}

[Collection(PostgresStoreCollection.Name)]
public sealed class PostgresReleaseTests(ContractReleases<PostgresBackend> releases) : ReleaseContract<PostgresBackend>(releases);

[Collection(PostgresStoreCollection.Name)]
public sealed class PostgresReaderTests(ContractReleases<PostgresBackend> releases) : ReaderContract<PostgresBackend>(releases);

[Collection(PostgresStoreCollection.Name)]
public sealed class PostgresSearchTests(ContractReleases<PostgresBackend> releases) : SearchContract<PostgresBackend>(releases);

[Collection(PostgresStoreCollection.Name)]
public sealed class PostgresNcciTests(ContractReleases<PostgresBackend> releases) : NcciContract<PostgresBackend>(releases);

[Collection(PostgresStoreCollection.Name)]
public sealed class PostgresPolicyTests(ContractReleases<PostgresBackend> releases) : PolicyContract<PostgresBackend>(releases);

[Collection(PostgresStoreCollection.Name)]
public sealed class PostgresMalformedImportTests(ContractReleases<PostgresBackend> releases) : MalformedImportContract<PostgresBackend>(releases);
