using Npgsql;
using PayerAtlas.Importing;
using PayerAtlas.Postgres;
using PayerAtlas.Search;

namespace PayerAtlas.Tests.Store;

/// <summary>PostgreSQL-only: the migrations table, and the search index filled on open for releases that lack it.</summary>
public sealed class PostgresSchemaTests
{
    [Fact]
    public void Migrations_are_numbered_as_in_sqlite_and_recorded_once()
    {
        var db = TestPostgres.CreateDatabase("schema");
        using (var store = new PostgresStore(db))
        {
            store.Migrate();
            store.Migrate();
        }

        using var c = new NpgsqlConnection(db);
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM schema_migrations", c);
        Assert.Equal([1, 2, 3, 4, 5], (int[])cmd.ExecuteScalar()!);
    }

    [Fact]
    public void A_database_made_before_the_search_index_gets_it_for_every_release_on_open()
    {
        var db = TestPostgres.CreateDatabase("backfill");
        using (var store = new PostgresStore(db))
        {
            store.Migrate();
            new ReleaseImporter(store).Import([RepoPaths.DemoContent]);
        }

        using (var c = new NpgsqlConnection(db))
        {
            c.Open();
            using var cmd = new NpgsqlCommand("DELETE FROM search_index", c);
            Assert.True(cmd.ExecuteNonQuery() > 0);
        }

        using (var store = new PostgresStore(db))
        {
            store.Migrate();
            using var reader = store.OpenReader(store.FindRelease()!);
            Assert.True(SearchTerms.TryParse("ductogram", false, out var terms, out _));
            Assert.Equal(["19030", "77053", "77054"], reader.Search(terms, 0, 10).Hits.Select(h => h.Code).Order());
            Assert.Equal(reader.ListCodes().Count, reader.Search(null, 0, 1).Total);
        }
    }
}
