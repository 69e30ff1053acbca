using DuckDB.NET.Data;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>Runs a query on an in-memory DuckDB and hands back every row as objects (DBNull as null).</summary>
internal static class DuckDb
{
    public static List<object?[]> Query(string sql, params (string Name, object Value)[] args)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in args)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
