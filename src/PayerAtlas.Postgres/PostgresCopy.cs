using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace PayerAtlas.Postgres;

/// <summary>
/// One binary COPY into a table, inside the import's transaction: rows stream to the server without a statement per
/// row. Values are written in the table's column order (<see cref="PostgresSchema.Columns"/>). Disposing without
/// <see cref="Complete"/> cancels the COPY, and the import's transaction then rolls back.
/// </summary>
internal sealed class PostgresCopy : IDisposable
{
    readonly NpgsqlBinaryImporter writer;

    public PostgresCopy(NpgsqlConnection connection, string table)
    {
        writer = connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", PostgresSchema.Columns[table])}) FROM STDIN (FORMAT BINARY)");
    }

    public PostgresCopy Row()
    {
        writer.StartRow();
        return this;
    }

    public PostgresCopy Long(long value)
    {
        writer.Write(value, NpgsqlDbType.Bigint);
        return this;
    }

    public PostgresCopy Int(int? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            writer.WriteNull();
        }

        return this;
    }

    public PostgresCopy Text(string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }

        return this;
    }

    /// <summary>A decimal as its published digits (the scale it was parsed with), like the SQLite store.</summary>
    public PostgresCopy Text(decimal value) => Text(value.ToString(CultureInfo.InvariantCulture));

    public long Complete() => (long)writer.Complete();

    public void Dispose() => writer.Dispose();
}
