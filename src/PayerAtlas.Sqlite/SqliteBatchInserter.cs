using Microsoft.Data.Sqlite;

namespace PayerAtlas.Sqlite;

/// <summary>
/// Inserts rows <see cref="RowsPerStatement"/> at a time through one prepared multi-row INSERT, so a table of a million
/// rows costs a few ten thousand statement executions instead of a million. The tail goes through a single-row INSERT.
/// </summary>
internal sealed class SqliteBatchInserter : IDisposable
{
    public const int RowsPerStatement = 64;

    readonly SqliteCommand batch;
    readonly SqliteCommand single;
    readonly SqliteParameter[] batchParameters;
    readonly SqliteParameter[] singleParameters;
    readonly object?[] pending;
    readonly int width;
    int rows;

    public SqliteBatchInserter(SqliteConnection connection, SqliteTransaction tx, string table, params string[] columns)
    {
        width = columns.Length;
        pending = new object?[width * RowsPerStatement];
        var names = string.Join(", ", columns);
        string Values(int row) => "(" + string.Join(", ", columns.Select((_, c) => $"$p{row * width + c}")) + ")";
        batch = Prepare(connection, tx, $"INSERT INTO {table} ({names}) VALUES {string.Join(", ", Enumerable.Range(0, RowsPerStatement).Select(Values))}",
            width * RowsPerStatement, out batchParameters);
        single = Prepare(connection, tx, $"INSERT INTO {table} ({names}) VALUES {Values(0)}", width, out singleParameters);
    }

    static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, int count, out SqliteParameter[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        parameters = Enumerable.Range(0, count).Select(i => command.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
        command.Prepare();
        return command;
    }

    public void Insert(params ReadOnlySpan<object?> values)
    {
        values.CopyTo(pending.AsSpan(rows * width, width));
        if (++rows == RowsPerStatement)
        {
            Execute(batch, batchParameters, rows);
            rows = 0;
        }
    }

    /// <summary>Writes the rows still pending; call before the transaction commits.</summary>
    public void Flush()
    {
        for (var row = 0; row < rows; row++)
        {
            pending.AsSpan(row * width, width).CopyTo(pending.AsSpan(0, width));
            Execute(single, singleParameters, 1);
        }

        rows = 0;
    }

    void Execute(SqliteCommand command, SqliteParameter[] parameters, int count)
    {
        for (var i = 0; i < count * width; i++)
        {
            parameters[i].Value = pending[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        batch.Dispose();
        single.Dispose();
    }
}
