using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Importing;

public enum ImportOutcome
{
    Imported,
    Skipped,
    CarriedForward,
}

/// <summary>What happened to one input file (or carried-over dataset) in an import.</summary>
public sealed record ImportedFile(string File, SourceKind? Kind, ImportOutcome Outcome, long Rows, string Note);

/// <summary>The result of one import: the new release and a line per input.</summary>
public sealed record ImportReport(ReleaseInfo Release, IReadOnlyList<ImportedFile> Files, TimeSpan Elapsed)
{
    public long Rows => Files.Where(f => f.Outcome == ImportOutcome.Imported).Sum(f => f.Rows);
}

/// <summary>Progress of a running import, reported per batch of rows.</summary>
public readonly record struct ImportProgress(string File, long Rows, int FileIndex, int FileCount);
