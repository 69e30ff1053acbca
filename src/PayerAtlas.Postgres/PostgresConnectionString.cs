using Npgsql;

namespace PayerAtlas.Postgres;

/// <summary>Connection strings as users give them: a postgres:// URL (libpq style) or Npgsql keywords.</summary>
public static class PostgresConnectionString
{
    /// <summary>Whether <paramref name="db"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (db.Contains('=', StringComparison.Ordinal) && db.Split(';').Any(part =>
            part.Split('=')[0].Trim() is var key && (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))));

    /// <summary>postgres://user:password@host:port/database?sslmode=require → Npgsql keywords; keywords pass through.</summary>
    public static string ToKeywords(string db)
    {
        if (!db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return db;
        }

        if (!Uri.TryCreate(db, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{Redact(db)}' is not a PostgreSQL URL: expected postgres://user:password@host:port/database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
        }

        return builder.ConnectionString;
    }

    /// <summary>The string with any password replaced, for messages.</summary>
    public static string Redact(string db)
    {
        if (db.Contains("://", StringComparison.Ordinal))
        {
            var at = db.LastIndexOf('@');
            var scheme = db.IndexOf("://", StringComparison.Ordinal) + 3;
            var colon = at > scheme ? db.IndexOf(':', scheme, at - scheme) : -1;
            return colon > 0 ? db[..(colon + 1)] + "***" + db[at..] : db;
        }

        return string.Join(';', db.Split(';').Select(p => p.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase) ? "Password=***" : p));
    }
}
