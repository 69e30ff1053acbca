namespace PayerAtlas.Importers.Tic;

/// <summary>The top-level fields of a TiC file (in-network, allowed amounts, table of contents), wherever they appear.</summary>
public sealed record TicHeader
{
    public string? ReportingEntityName { get; init; }
    public string? ReportingEntityType { get; init; }
    public string? PlanName { get; init; }
    public string? IssuerName { get; init; }
    public string? PlanSponsorName { get; init; }
    public string? PlanIdType { get; init; }
    public string? PlanId { get; init; }
    public string? PlanMarketType { get; init; }
    public DateOnly? LastUpdatedOn { get; init; }
    public string? Version { get; init; }

    /// <summary>Schema 1.0 files may list several plans in <c>reporting_plans</c> instead of one plan's fields.</summary>
    public IReadOnlyList<TicReportingPlan> ReportingPlans { get; init; } = [];

    /// <summary>
    /// The payer of every rate in the file: the issuer when the file names one (<c>issuer_name</c>, schema 2.x and
    /// table-of-contents plans), else the reporting entity (schema 1.x files are published by the insurer itself, or
    /// by an administrator on its behalf).
    /// </summary>
    public string? Payer => IssuerName ?? (ReportingPlans.Count > 0 && ReportingPlans.All(p => p.IssuerName is not null && p.IssuerName == ReportingPlans[0].IssuerName) ? ReportingPlans[0].IssuerName : null) ?? ReportingEntityName;

    /// <summary>Schema major version 1 (inline provider groups allowed, no issuer or setting).</summary>
    public bool IsVersion1 => Version is { } v && v.StartsWith('1');
}

/// <summary>One plan a table of contents (or a schema 1.0 file's <c>reporting_plans</c>) lists.</summary>
public sealed record TicReportingPlan
{
    public string? PlanName { get; init; }
    public string? PlanIdType { get; init; }
    public string? PlanId { get; init; }
    public string? PlanMarketType { get; init; }
    public string? IssuerName { get; init; }
    public string? PlanSponsorName { get; init; }
}
