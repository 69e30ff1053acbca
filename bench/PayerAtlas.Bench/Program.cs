using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PayerAtlas.Bench;

// `split [--codes N]`: the Stopwatch split of the site build; `site [--workers 1,2,4] [--rounds 3]`: StaticSite.Build
// in-process per worker count; anything else goes to BenchmarkDotNet (e.g. `--filter '*'`, `--filter '*Read*'`, `--list flat`).
switch (args.FirstOrDefault())
{
    case "split":
        return SiteSplit.Run(args[1..]);
    case "site":
        return SiteSweep.Run(args[1..]);
}

// A short job (1 warm-up, 3 iterations, one launch) in-process: minutes, not tens of minutes, and no generated
// project to build against the repository's central package management.
var job = Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance.AddJob(job.AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(ReadBenchmarks).Assembly).Run(args, config);
return 0;
