using Microsoft.Data.Sqlite;
using PayerAtlas.Importing;
using PayerAtlas.Search;
using PayerAtlas.Sqlite;

namespace PayerAtlas.Tests.Store;

public sealed class SearchIndexMigrationTests
{
    [Fact]
    public void A_database_made_before_the_search_index_gets_it_for_every_release_on_open()
    {
        using var dir = new TempDir();
        var db = dir.File("old.db");
        using (var store = new SqliteStore(db))
        {
            store.Migrate();
            new ReleaseImporter(store).Import([RepoPaths.DemoContent]);
        }

        // As a database imported before the index existed: the table is there (the migration made it), its rows are not.
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DELETE FROM search_index";
            cmd.ExecuteNonQuery();
        }

        using (var store = new SqliteStore(db))
        {
            store.Migrate();
            using var reader = store.OpenReader(store.FindRelease()!);
            Assert.True(SearchTerms.TryParse("ductogram", false, out var terms, out _));
            Assert.Equal(["19030", "77053", "77054"], reader.Search(terms, 0, 10).Hits.Select(h => h.Code).Order());
            Assert.Equal(reader.ListCodes().Count, reader.Search(null, 0, 1).Total);
        }
    }
}
