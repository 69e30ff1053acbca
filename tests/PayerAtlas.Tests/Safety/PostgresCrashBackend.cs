using Npgsql;
using PayerAtlas.Postgres;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Safety;

/// <summary>
/// A fresh database on the tests' PostgreSQL server. A SIGKILLed client leaves its backend to notice the closed socket
/// and roll back; <see cref="Settle"/> waits for that before anything is checked, so a transaction that was still
/// running cannot commit behind the check.
/// </summary>
public sealed class PostgresCrashBackend : CrashBackend
{
    public override string Name => "PostgreSQL";

    public override string Db { get; } = TestPostgres.CreateDatabase("crash");

    public override IPayerAtlasStore Open()
    {
        var store = new PostgresStore(Db);
        store.Migrate();
        return store;
    }

    public override void Settle()
    {
        using var c = new NpgsqlConnection(Db);
        c.Open();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Scalar(c, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("a killed import's transaction was still running on the server after 60 s");
            }

            Thread.Sleep(50);
        }
    }

    public override IReadOnlyList<string> Problems()
    {
        using var c = new NpgsqlConnection(Db);
        c.Open();
        var tables = new List<string>();
        using (var cmd = new NpgsqlCommand("SELECT table_name FROM information_schema.columns WHERE column_name = 'release_id' AND table_schema = current_schema()", c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                tables.Add(r.GetString(0));
            }
        }

        var problems = Consistency(tables, sql => Scalar(c, sql)).ToList();
        if (Scalar(c, "SELECT COUNT(*) FROM pg_prepared_xacts") > 0)
        {
            problems.Add("a prepared transaction was left behind");
        }

        return problems;
    }

    static long Scalar(NpgsqlConnection c, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override void Dispose()
    {
    }
}
