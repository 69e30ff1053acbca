using System.Runtime.InteropServices;

namespace PayerAtlas.Lake;

/// <summary>
/// The ingest's helper threads — the writer's partitioner and encoders, the hash of a mapped file, the read-ahead of a
/// stream — run <see cref="DefaultNiceness"/> nice levels below the thread that started them, the reader's (the
/// ingest's bottleneck; <see cref="LakeWriterOptions.HelperNiceness"/>, <c>rates ingest --helper-nice</c>). Their
/// work comes in bursts (a partitioner woken for several batches floods its encoders): at equal priority a burst took
/// the reader's core from it while the other core sat idle once the burst was done — a fifth of both cores' time on
/// a 1 GB ingest. Lower, a helper waits for the core the reader leaves, the backlog it keeps fills that core, and the
/// reader runs on: 7–14 % less wall time for plain and gzip files, the same CPU time (bench/rates/README.md). Nice
/// levels weigh threads of one scheduling group (Linux autogroup: a terminal session; or a cgroup) against each
/// other: beside busy loops of another session the ingest ran faster too (15.9–16.7 s against 18.8–19.3), but
/// CPU-bound work of the same group now takes the helpers' share first (beside two busy loops of the same session:
/// 13.6–13.9 s against 8.8–10.2) — <c>--helper-nice 0</c> runs them at the reader's priority.
/// </summary>
internal static partial class HelperThreads
{
    /// <summary>Nice levels a helper runs below its starter by default (CFS weight 1024 against 272: a helper shares a core with the reader 1 : 3.8).</summary>
    public const int DefaultNiceness = 6;

    const int PrioProcess = 0;

    /// <summary>
    /// Names the calling thread (as <c>top -H</c> and <c>/proc</c> show it, 15 characters at most; a long-running
    /// task's thread is otherwise ".NET Long Running Task", cut to ".NET Long Runni") and, on Linux, lowers its
    /// priority by <paramref name="niceness"/> levels (0: left as it is). For a thread of its own only, at its start:
    /// never a pool thread, which would keep the lower priority for other work.
    /// </summary>
    public static void Start(string? name, int niceness)
    {
        if (name is not null)
        {
            Thread.CurrentThread.Name = name;
        }

        if (niceness <= 0 || !OperatingSystem.IsLinux())
        {
            return;
        }

        // A new thread starts with its creator's nice value; a failure (a sandbox without the calls) leaves it there.
        // On Linux the nice value is per thread, and "who" 0 of PRIO_PROCESS is the calling thread.
        var now = GetPriority(PrioProcess, 0);
        if (now == -1 && Marshal.GetLastPInvokeError() != 0)
        {
            return;
        }

        _ = SetPriority(PrioProcess, 0, Math.Min(19, now + niceness));
    }

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, uint who);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, uint who, int priority);
}
