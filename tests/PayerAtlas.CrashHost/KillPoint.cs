using System.Diagnostics;
using System.Globalization;

namespace PayerAtlas.CrashHost;

/// <summary>Where the child process kills itself with SIGKILL (no finally blocks, no flushing, no rollback).</summary>
public sealed record KillPoint(long AfterRows, int BeforeCarry, bool BeforeCommit, bool AfterCommit)
{
    public static KillPoint Parse(string text)
    {
        var (kind, value) = text.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? (text[..colon], text[(colon + 1)..]) : (text, "");
        return kind switch
        {
            "rows" => new KillPoint(long.Parse(value, CultureInfo.InvariantCulture), 0, false, false),
            "carry" => new KillPoint(0, int.Parse(value, CultureInfo.InvariantCulture), false, false),
            "commit" => new KillPoint(0, 0, true, false),
            "committed" => new KillPoint(0, 0, false, true),
            "none" => new KillPoint(0, 0, false, false),
            _ => throw new ArgumentException($"unknown kill point '{text}'"),
        };
    }

    public static void Now(string where)
    {
        Console.Error.WriteLine($"crash host: SIGKILL {where}");
        Console.Error.Flush();
        Process.GetCurrentProcess().Kill(); // SIGKILL on Linux
        Thread.Sleep(Timeout.Infinite);
    }
}
