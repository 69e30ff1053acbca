using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PayerAtlas.Sqlite;

/// <summary>A prepared INSERT reused for every row of a table: parameters are bound, never concatenated.</summary>
internal sealed class SqliteInserter : IDisposable
{
    readonly SqliteCommand command;
    readonly SqliteParameter[] parameters;

    public SqliteInserter(SqliteConnection connection, SqliteTransaction tx, string table, params string[] columns)
    {
        command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        parameters = columns.Select((_, i) => command.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
        command.Prepare();
    }

    public void Insert(params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] switch
            {
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                null => DBNull.Value,
                var v => v,
            };
        }

        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
