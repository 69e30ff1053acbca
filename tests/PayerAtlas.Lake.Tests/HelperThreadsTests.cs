using System.Diagnostics;
using System.Globalization;
using PayerAtlas.Importers.Tic;

namespace PayerAtlas.Lake.Tests;

/// <summary>
/// The ingest's helper threads run <see cref="LakeWriterOptions.HelperNiceness"/> nice levels below the thread that
/// started them. Each case starts its helpers from a thread of its own, itself lowered first, so its helpers' nice value
/// is one no other test's helpers have (those start from threads at the test process's own nice value, 0 here).
/// </summary>
public sealed class HelperThreadsTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task The_writer_s_partitioner_and_encoders_run_below_the_thread_that_made_the_writer()
    {
        LakeWriter? writer = null;
        var starter = OnOwnThread(6, () => writer = new LakeWriter(folder.File("staging"), new LakeWriterOptions { Encoders = 2 }));
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
        var starter = OnOwnThread(6, () => mapped = MappedFile.TryOpen(path));
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
        var starter = OnOwnThread(6, () => ahead = new ReadAheadStream(new MemoryStream(new byte[16 << 20]), 1 << 16, depth: 2));
        using (ahead)
        {
            AssertSoon("read-ahead", Expected(starter));
        }
    }

    [Fact]
    public async Task Helpers_at_niceness_0_keep_the_priority_of_the_thread_that_made_the_writer()
    {
        LakeWriter? writer = null;
        var starter = OnOwnThread(5, () => writer = new LakeWriter(folder.File("staging"), new LakeWriterOptions { Encoders = 1, HelperNiceness = 0 }));
        try
        {
            AssertSoon("lake-partition", starter);
            AssertSoon("lake-encode-0", starter);
        }
        finally
        {
            await writer!.DisposeAsync();
        }
    }

    [Fact]
    public void An_ingest_runs_its_hash_and_writer_threads_at_the_lake_s_helper_niceness()
    {
        var file = folder.File("in-network.json");
        TicSynthesizer.Write(file, new TicSynthesizerOptions { TargetBytes = 40_000_000, Seed = 11 });
        var lake = new RateLake(folder.Lake, new LakeWriterOptions { HelperNiceness = 3 });
        var seen = new HashSet<string>();
        var creator = Nice("thread-self");
        var starter = 0;
        var ingest = new Thread(() =>
        {
            HelperThreads.Start(null, 5);
            starter = Nice("thread-self");
            new RateIngester(lake, RateReaders.Default()).IngestAsync(file).GetAwaiter().GetResult();
        });
        ingest.Start();

        // Watched while it runs: the helpers live as long as the ingest.
        while (ingest.IsAlive)
        {
            foreach (var (name, nice) in Threads())
            {
                if (nice == Math.Min(19, starter + 3) && name is "hash" or "lake-partition")
                {
                    seen.Add(name);
                }
            }
        }

        ingest.Join();
        Assert.Equal(Math.Min(19, creator + 5), starter);
        Assert.Equal(["hash", "lake-partition"], seen.Order());
        Assert.Single(lake.Sources());
    }

    [Fact]
    public async Task The_caller_goes_on_at_its_own_priority_once_the_writer_finished()
    {
        // An await of a helper's task would go on on the helper's thread, below the caller's priority.
        var before = Nice("thread-self");
        var writer = new LakeWriter(folder.File("staging"), new LakeWriterOptions { Encoders = 2 });
        await using (writer)
        {
            foreach (var o in Observations.Many(60_000, seed: 2))
            {
                writer.Write(in o);
            }

            var parts = await writer.FinishAsync();
            Assert.NotEmpty(parts);
            Assert.Equal(before, Nice("thread-self"));
        }

        Assert.Equal(before, Nice("thread-self"));
    }

    static int Expected(int starter) => Math.Min(19, starter + HelperThreads.DefaultNiceness);

    /// <summary>Runs <paramref name="start"/> on a new thread first lowered by <paramref name="lowerBy"/> (so its own nice value is unusual); returns that value.</summary>
    static int OnOwnThread(int lowerBy, Action start)
    {
        var nice = 0;
        var thread = new Thread(() =>
        {
            HelperThreads.Start(null, lowerBy);
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
            foreach (var (threadName, n) in Threads())
            {
                if (threadName == name)
                {
                    seen.Add(n.ToString(CultureInfo.InvariantCulture));
                    if (n == nice)
                    {
                        return;
                    }
                }
            }

            Thread.Sleep(20);
        }

        Assert.Fail($"no thread named {name} at nice {nice} (seen at: {string.Join(", ", seen)})");
    }

    /// <summary>This process's threads now: name and nice value.</summary>
    static List<(string Name, int Nice)> Threads()
    {
        var threads = new List<(string, int)>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                threads.Add((File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n'), Nice(task["/proc/".Length..])));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The thread ended meanwhile.
            }
        }

        return threads;
    }

    /// <summary>The nice value of /proc/<paramref name="task"/> (field 19 of its stat line).</summary>
    static int Nice(string task)
    {
        var stat = File.ReadAllText(Path.Combine("/proc", task, "stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
