using Xunit.Abstractions;

namespace PayerAtlas.Tests.Safety.Fuzz;

/// <summary>
/// Every importer survives seeded mutations of its real input: it accepts the input or rejects it with an
/// <see cref="PayerAtlas.Importing.ImportException"/> that names the file and where; no other exception, no hang, no
/// runaway memory, and a rejected import leaves the store as it was. CI runs 150 inputs per target
/// (PAYERATLAS_FUZZ_ITERATIONS / PAYERATLAS_FUZZ_SECONDS / PAYERATLAS_FUZZ_SEED for more; bench/fuzz/run.sh).
/// </summary>
[Trait("Category", "Safety")]
public sealed class FuzzTests(ITestOutputHelper output)
{
    public static TheoryData<string> Targets => new(FuzzTargets.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void Seeded_mutations_are_accepted_or_rejected_with_file_and_line(string target)
    {
        var report = new FuzzRunner(FuzzRunner.DefaultSeed).Run(FuzzTargets.Named(target), FuzzRunner.Iterations, FuzzRunner.TimeBudget);
        output.WriteLine(report.ToString());
        foreach (var finding in report.Findings)
        {
            output.WriteLine("  finding: " + finding);
        }

        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings.Take(5)));
        Assert.True(report.Rejected > 0, "no mutation was rejected: the mutations did not reach the importer");
    }
}
