using System.Diagnostics;
using System.Globalization;

namespace PayerAtlas.Lake.Tests;

/// <summary>
/// The ingest's helper threads run <see cref="HelperThreads.Niceness"/> nice levels below the thread that started them.
/// Each case starts its helpers from a thread of its own, itself lowered first, so its helpers' nice value is one no
/// other test's helpers have (those start from threads at the test process's own nice value).
/// </summary>
public sealed class HelperThreadsTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task The_writer_s_partitioner_and_encoders_run_below_the_thread_that_made_the_writer()
    {
        LakeWriter? writer = null;
        var starter = OnOwnThread(() => writer = new LakeWriter(folder.File("staging"), new LakeWriterOptions { Encoders = 2 }));
        try
        {
            foreach (var name in new[] { "lake-partition", "lake-encode-0", "lake-encode-1" })
            {
                AssertSoon(name, Expected(starter));
            }
        }
        finally
        {
            await writer!.DisposeAsync();
        }
    }

    [Fact]
    public void The_hash_of_a_mapped_file_runs_below_the_thread_that_opened_it()
    {
        var path = folder.File("big.json");
        File.WriteAllBytes(path, [(byte)'{', .. new byte[64 << 20]]);
        MappedFile? mapped = null;
        var starter = OnOwnThread(() => mapped = MappedFile.TryOpen(path));
        using (mapped)
        {
            Assert.NotNull(mapped);
            AssertSoon("hash", Expected(starter));
        }
    }

    [Fact]
    public void The_read_ahead_of_a_stream_runs_below_the_thread_that_made_it()
    {
        ReadAheadStream? ahead = null;
        var starter = OnOwnThread(() => ahead = new ReadAheadStream(new MemoryStream(new byte[16 << 20]), 1 << 16, depth: 2));
        using (ahead)
        {
            AssertSoon("read-ahead", Expected(starter));
        }
    }

    static int Expected(int starter) => Math.Min(19, starter + HelperThreads.Niceness);

    /// <summary>Runs <paramref name="start"/> on a new thread lowered as a helper is (so its own nice value is unusual); returns that value.</summary>
    static int OnOwnThread(Action start)
    {
        var nice = 0;
        var thread = new Thread(() =>
        {
            HelperThreads.Start();
            nice = Nice("thread-self");
            start();
        });
        thread.Start();
        thread.Join();
        return nice;
    }

    /// <summary>Waits (up to 10 s) for a thread of this process named <paramref name="name"/> at nice <paramref name="nice"/>.</summary>
    static void AssertSoon(string name, int nice)
    {
        var clock = Stopwatch.StartNew();
        var seen = new List<string>();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            seen.Clear();
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == name)
                    {
                        var n = Nice(task[("/proc/".Length)..]);
                        seen.Add(n.ToString(CultureInfo.InvariantCulture));
                        if (n == nice)
                        {
                            return;
                        }
                    }
                }
                catch (IOException)
                {
                    // The thread ended meanwhile.
                }
            }

            Thread.Sleep(20);
        }

        Assert.Fail($"no thread named {name} at nice {nice} (seen at: {string.Join(", ", seen)})");
    }

    /// <summary>The nice value of /proc/<paramref name="task"/> (field 19 of its stat line).</summary>
    static int Nice(string task)
    {
        var stat = File.ReadAllText(Path.Combine("/proc", task, "stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
