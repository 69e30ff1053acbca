using Npgsql;

namespace PayerAtlas.Postgres;

internal static class PostgresExtensions
{
    public static int Execute(this NpgsqlConnection c, string sql, NpgsqlTransaction? tx = null, params (string Name, object? Value)[] args)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd.ExecuteNonQuery();
    }

    public static object? Scalar(this NpgsqlConnection c, string sql, NpgsqlTransaction? tx = null, params (string Name, object? Value)[] args)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd.ExecuteScalar();
    }
}
