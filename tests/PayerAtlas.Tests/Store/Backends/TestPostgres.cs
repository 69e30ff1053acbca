using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PayerAtlas.Tests;

/// <summary>
/// The PostgreSQL server the tests use: PAYERATLAS_TEST_POSTGRES (an admin connection string) when set, otherwise a
/// throwaway cluster this process starts itself (initdb into a temp folder, pg_ctl on a free 127.0.0.1 port; as root
/// through `runuser -u postgres`) and stops on exit. When neither is possible every PostgreSQL test fails with the
/// reason — they never pass silently.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PAYERATLAS_TEST_POSTGRES";

    static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new, empty database with a unique name; returns its connection string.</summary>
    public static string CreateDatabase(string hint)
    {
        var name = $"t_{new string(hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray())}_{Guid.NewGuid():N}"; // < 64 characters
        var admin = Admin.Value;
        using (var c = new NpgsqlConnection(admin))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
            cmd.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    static string Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return given;
        }

        var bin = FindBin() ?? throw new InvalidOperationException(
            $"PostgreSQL tests need a server: set {Variable}=\"Host=…;Port=…;Username=…;Password=…\" or install PostgreSQL " +
            "(Debian: apt-get install postgresql) so the tests can start a throwaway cluster with initdb and pg_ctl");
        var root = Directory.CreateTempSubdirectory("payeratlas-pg-").FullName;
        var password = Guid.NewGuid().ToString("N");
        File.WriteAllText(Path.Combine(root, "pwfile"), password + "\n");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["-R", "postgres:postgres", root], root);
        }

        var port = FreePort();
        var data = Path.Combine(root, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", $"--pwfile={Path.Combine(root, "pwfile")}", "--auth-local=trust",
            "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"], root, asRoot);
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"],
            root, asRoot);
        // Stopped when the test process exits; a detached watchdog also stops it and removes the folder when the test
        // process is gone however it ended (the test host can be killed before ProcessExit handlers finish).
        var stop = $"{(asRoot ? "runuser -u postgres -- " : "")}{Path.Combine(bin, "pg_ctl")} -D {data} -m immediate -w stop";
        var watchdog = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "sh", "-c", $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {root}" })
        {
            watchdog.ArgumentList.Add(a);
        }

        Process.Start(watchdog)?.Dispose();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], root, asRoot);
            }
            catch (InvalidOperationException)
            {
                // Already stopped: the watchdog removes the folder.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres";
    }

    /// <summary>Debian's /usr/lib/postgresql/&lt;version&gt;/bin (newest), else initdb on the PATH.</summary>
    static string? FindBin()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return Path.Combine(newest, "bin");
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static void Run(string file, string[] args, string workingDirectory, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} did not finish in 120 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"could not start a throwaway PostgreSQL cluster for the tests ({Path.GetFileName(file)} exited {process.ExitCode}): {stderr.Result.Trim()} {stdout.Result.Trim()}; " +
                $"set {Variable} to use an existing server");
        }
    }
}
