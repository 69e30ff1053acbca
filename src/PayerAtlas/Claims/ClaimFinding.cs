using PayerAtlas.Sources;

namespace PayerAtlas.Claims;

/// <summary>How a finding affects the line: <see cref="Deny"/> means the line would be denied as billed.</summary>
public enum Severity
{
    Info = 0,
    Warning = 1,
    Deny = 2,
}

/// <summary>What a finding rests on: a stored row (file, release, row) or a policy passage (no row).</summary>
public sealed record FindingSource(string Title, SourceRef? Row = null)
{
    public override string ToString() => Row is null ? Title : $"{Title}: {Row}";
}

/// <summary>One rule's verdict on one claim line, with its sources and the fix.</summary>
public sealed record ClaimFinding
{
    public required string ClaimId { get; init; }
    public required int Line { get; init; }
    public required string Code { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>Stable rule id, e.g. "ncci.ptp", "mue.date-of-service", "pctc.global-in-facility".</summary>
    public required string Rule { get; init; }
    public required string Message { get; init; }
    public required string Fix { get; init; }
    public required IReadOnlyList<FindingSource> Sources { get; init; }
    /// <summary>The other line the finding is about (the column 1 line of a PTP edit, the surgery of a global period).</summary>
    public int? RelatedLine { get; init; }
    public long InputLine { get; init; }
}
