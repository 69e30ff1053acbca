using System.Diagnostics;
using PayerAtlas.Importing;
using Spectre.Console;

namespace PayerAtlas.Cli;

/// <summary>
/// Progress for long work. Spectre.Console prints nothing when output is redirected, so progress goes to
/// stderr as plain lines there (CI logs) and as a live status line on a terminal.
/// </summary>
public sealed class ConsoleProgress : IProgress<ImportProgress>, IProgress<int>
{
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly string what;
    readonly int total;
    TimeSpan last = TimeSpan.FromDays(-1);

    public ConsoleProgress(string what, int total = 0)
    {
        this.what = what;
        this.total = total;
    }

    static bool Interactive => AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected;

    public void Report(ImportProgress value)
    {
        if (!Due(false))
        {
            return;
        }

        var rate = value.Rows / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Write($"{what} [{value.FileIndex + 1}/{value.FileCount}] {Path.GetFileName(value.File)}: {value.Rows:N0} rows ({rate:N0} rows/s)");
    }

    public void Report(int value)
    {
        if (!Due(false))
        {
            return;
        }

        var rate = value / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Write(total > 0 ? $"{what}: {value:N0}/{total:N0} ({rate:N0}/s)" : $"{what}: {value:N0} ({rate:N0}/s)");
    }

    bool Due(bool force)
    {
        var now = clock.Elapsed;
        if (!force && now - last < TimeSpan.FromMilliseconds(Interactive ? 100 : 1000))
        {
            return false;
        }

        last = now;
        return true;
    }

    static void Write(string line)
    {
        if (Interactive)
        {
            Console.Error.Write("\r\u001b[2K" + line);
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    public static void Done()
    {
        if (Interactive)
        {
            Console.Error.WriteLine();
        }
    }
}
