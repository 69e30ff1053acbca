using System.Diagnostics;
using System.Text.RegularExpressions;
using PayerAtlas.Importing;

namespace PayerAtlas.Tests.Safety.Fuzz;

/// <summary>One input that broke the oracle: how to regenerate it, what happened.</summary>
public sealed record Finding(string Target, int Seed, int Iteration, IReadOnlyList<Mutation> Mutations, string What, string? SavedInput)
{
    public override string ToString() => $"{Target} seed {Seed} iteration {Iteration} ({string.Join("+", Mutations)}): {What}"
        + (SavedInput is null ? "" : $" [input: {SavedInput}]");
}

/// <summary>What a run of one target tried and found.</summary>
public sealed record FuzzReport(string Target, int Inputs, int Accepted, int Rejected, IReadOnlyList<Finding> Findings, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Target,-14} {Inputs,6} inputs ({Accepted} accepted, {Rejected} rejected) in {Elapsed.TotalSeconds,5:N1} s: {Findings.Count} findings";
}

/// <summary>
/// Runs seeded mutations of a target's seed through its importer. The oracle: the import succeeds, or it throws the
/// project's <see cref="ImportException"/> naming the file and a line (or byte offset), or a verdict about the whole
/// file (empty, unknown layout, not a ZIP…). Any other exception, a hang past <see cref="Timeout"/>, an input that
/// allocates more than <see cref="MaxAllocatedBytes"/>, or a rejected import that changed the store is a finding.
/// </summary>
public sealed partial class FuzzRunner(int seed)
{
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);

    public const long MaxAllocatedBytes = 1L << 30;

    /// <summary>Inputs per target: PAYERATLAS_FUZZ_ITERATIONS, default 150 (CI); PAYERATLAS_FUZZ_SECONDS caps the time per target.</summary>
    public static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("PAYERATLAS_FUZZ_ITERATIONS"), out var n) ? n : 150;

    public static TimeSpan? TimeBudget => double.TryParse(Environment.GetEnvironmentVariable("PAYERATLAS_FUZZ_SECONDS"), out var s) ? TimeSpan.FromSeconds(s) : null;

    public static int DefaultSeed => int.TryParse(Environment.GetEnvironmentVariable("PAYERATLAS_FUZZ_SEED"), out var n) ? n : 7;

    /// <summary>PAYERATLAS_FUZZ_OUT: a folder where each finding's input is saved (for reducing it to a fixture).</summary>
    static string? SaveDir => Environment.GetEnvironmentVariable("PAYERATLAS_FUZZ_OUT");

    public FuzzReport Run(FuzzTarget target, int iterations, TimeSpan? budget = null)
    {
        var clock = Stopwatch.StartNew();
        var seedBytes = target.Seed();
        var findings = new List<Finding>();
        int accepted = 0, rejected = 0, inputs = 0;
        using var store = new FuzzStore();
        var inputDir = Path.Combine(store.InputDir, "in");
        Directory.CreateDirectory(inputDir);
        var path = Path.Combine(inputDir, target.FileName);

        // The seed itself must import: otherwise every mutation is rejected for the seed's fault and proves nothing.
        File.WriteAllBytes(path, seedBytes);
        if (RunOne(() => target.Import(store, path)).Error is { } seedError)
        {
            findings.Add(new Finding(target.Name, seed, -1, [], $"the unmutated seed is rejected: {seedError.Message}", null));
            return new FuzzReport(target.Name, 0, 0, 0, findings, clock.Elapsed);
        }

        for (var i = 0; i < iterations && (budget is null || clock.Elapsed < budget); i++)
        {
            var (bytes, mutations) = Input(target, seedBytes, i);
            File.WriteAllBytes(path, bytes);
            inputs++;
            var (error, allocated, hung) = RunOne(() => target.Import(store, path));
            string? what = hung ? $"no answer after {Timeout.TotalSeconds:N0} s (hang)"
                : allocated > MaxAllocatedBytes ? $"allocated {allocated >> 20:N0} MiB for a {bytes.Length >> 10:N0} KiB input"
                : error is null ? null
                : Judge(error, target.FileName);
            if (what is not null)
            {
                findings.Add(new Finding(target.Name, seed, i, mutations, what, Save(target, i, bytes)));
            }
            else if (error is null)
            {
                accepted++;
            }
            else
            {
                rejected++;
            }

            if (hung)
            {
                break; // the stuck thread still holds the store
            }
        }

        if (findings.All(f => !f.What.Contains("hang", StringComparison.Ordinal)))
        {
            try
            {
                store.AssertBaseIntact();
            }
            catch (FuzzFinding e)
            {
                findings.Add(new Finding(target.Name, seed, -1, [], e.Message, null));
            }
        }

        return new FuzzReport(target.Name, inputs, accepted, rejected, findings, clock.Elapsed);
    }

    /// <summary>The input of one iteration, regenerated from (target, seed, iteration) alone.</summary>
    public (byte[] Bytes, List<Mutation> Mutations) Input(FuzzTarget target, byte[] seedBytes, int iteration) =>
        new Mutator(new Random(StableHash(target.Name) ^ (seed * 7919) ^ (iteration * 104_729)), target.Syntax).Mutate(seedBytes);

    static (Exception? Error, long Allocated, bool Hung) RunOne(Action import)
    {
        Exception? error = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                import();
            }
            catch (Exception e)
            {
                error = e;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { IsBackground = true };
        thread.Start();
        var done = thread.Join(Timeout);
        return (error, allocated, !done);
    }

    /// <summary>Null when the exception is an acceptable rejection, else what is wrong with it.</summary>
    static string? Judge(Exception error, string fileName)
    {
        if (error is FuzzFinding finding)
        {
            return finding.Message;
        }

        if (error is PayerAtlas.Importers.Tic.TicFormatException tic)
        {
            // The TiC reader's own exception: file, byte offset in the uncompressed JSON and JSON path, always.
            return tic.File.Contains(fileName, StringComparison.Ordinal) ? null : $"the error does not name the file: {tic.Message}";
        }

        if (error is not ImportException e)
        {
            var frame = new StackTrace(error, true).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("PayerAtlas", StringComparison.Ordinal) == true);
            var where = frame?.GetMethod() is { } m ? $" at {m.DeclaringType?.Name}.{m.Name}" : "";
            return $"{error.GetType().Name}{where}: {error.Message}";
        }

        if (!e.File.Contains(fileName, StringComparison.Ordinal))
        {
            return $"the error does not name the file: {e.Message}";
        }

        if (e.Line > 0 || e.Reason.Contains("offset", StringComparison.Ordinal) || ByteAndPath().IsMatch(e.Reason) || WholeFileVerdict().IsMatch(e.Reason))
        {
            return null;
        }

        return $"the error names no line or offset: {e.Message}";
    }

    /// <summary>The hospital JSON reader's location: "byte 1497 ($.standard_charge_information[3].code_information): …".</summary>
    [GeneratedRegex(@"^byte \d+ \(\$")]
    private static partial Regex ByteAndPath();

    /// <summary>Rejections about the file as a whole, where a line number would mean nothing.</summary>
    [GeneratedRegex(@"^(file is empty|empty (file|input)|unknown layout|binary or UTF-16|not a readable (ZIP|PDF)|nothing to import|PDF document|HTML page|a second \w+ table in one import|.* version .* is already stored"
        + @"|no .*header.* found|the file ends before|MUE table whose header names no|no CPT, HCPCS or ICD-10 code found in the document|the document has no title)")]
    private static partial Regex WholeFileVerdict();

    static string? Save(FuzzTarget target, int iteration, byte[] bytes)
    {
        if (SaveDir is not { } dir)
        {
            return null;
        }

        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{target.Name}-{iteration}-{target.FileName}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static int StableHash(string s)
    {
        var h = unchecked((int)2166136261);
        foreach (var c in s)
        {
            h = unchecked((h ^ c) * 16777619);
        }

        return h;
    }
}
