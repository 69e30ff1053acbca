using System.Diagnostics;
using System.Text;

namespace PayerAtlas.Tests.Safety;

/// <summary>How a child process ended: on its own (exit code), or by our SIGKILL.</summary>
public sealed record ChildExit(int ExitCode, bool KilledByUs, TimeSpan Elapsed, string Output, string Error)
{
    /// <summary>128 + SIGKILL: the child died from a kill signal (ours, or its own at a kill point).</summary>
    public bool DiedOfSigkill => ExitCode == 137;
}

/// <summary>Runs a .NET assembly from the test output folder as a real process (`dotnet X.dll …`).</summary>
public static class ChildProcess
{
    public static string Assembly(string name) => Path.Combine(AppContext.BaseDirectory, name + ".dll");

    /// <param name="killAfter">When set, the child is sent SIGKILL this long after it started (unless it ended first).</param>
    public static ChildExit Run(string assembly, IEnumerable<string> args, TimeSpan? killAfter = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {assembly}");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var killed = false;
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(); // SIGKILL: no shutdown hooks, no rollback, no flush
            killed = true;
        }

        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill();
            throw new TimeoutException($"{Path.GetFileName(assembly)} {string.Join(' ', args)} did not end");
        }

        process.WaitForExit(); // drains the redirected output
        lock (output)
        {
            lock (error)
            {
                return new ChildExit(process.ExitCode, killed, clock.Elapsed, output.ToString(), error.ToString());
            }
        }
    }
}
