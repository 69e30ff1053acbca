using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PayerAtlas.Sqlite;

/// <summary>
/// A prepared INSERT bound by position through SQLite's own API, for tables of a million rows: no parameter lookup by
/// name (SQLite scans the names on each bind) and no boxing. Runs inside the import's transaction on the same connection.
/// </summary>
internal sealed class SqliteRawInserter : IDisposable
{
    readonly sqlite3 db;
    readonly sqlite3_stmt statement;

    public SqliteRawInserter(SqliteConnection connection, string table, params string[] columns)
    {
        db = connection.Handle!;
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))})";
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
    }

    public SqliteRawInserter Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, index, value));
        return this;
    }

    public SqliteRawInserter Bind(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value));
        return this;
    }

    public void Insert()
    {
        var rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        Check(raw.sqlite3_reset(statement));
    }

    void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    public void Dispose() => statement.Dispose();
}
