namespace PayerAtlas.Importers.Tic;

/// <summary>A table-of-contents file: which in-network and allowed-amount files cover which plans.</summary>
public sealed record TicTableOfContents
{
    public required TicHeader Header { get; init; }
    public required IReadOnlyList<TicReportingStructure> ReportingStructures { get; init; }

    /// <summary>
    /// Every file the table lists, one row per (plan, file), optionally only for plans whose name or id matches
    /// <paramref name="plan"/> (case-insensitive).
    /// </summary>
    public IReadOnlyList<TicListedFile> ListFiles(string? plan = null)
    {
        var rows = new List<TicListedFile>();
        foreach (var structure in ReportingStructures)
        {
            foreach (var p in structure.ReportingPlans)
            {
                if (plan is not null && !string.Equals(p.PlanName, plan, StringComparison.OrdinalIgnoreCase) && !string.Equals(p.PlanId, plan, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                rows.AddRange(structure.InNetworkFiles.Select(f => new TicListedFile(p, TicFileKind.InNetwork, f)));
                if (structure.AllowedAmountFile is { } a)
                {
                    rows.Add(new TicListedFile(p, TicFileKind.AllowedAmounts, a));
                }
            }
        }

        return rows;
    }
}

public sealed record TicReportingStructure
{
    public required IReadOnlyList<TicReportingPlan> ReportingPlans { get; init; }
    public required IReadOnlyList<TicFileLocation> InNetworkFiles { get; init; }
    public TicFileLocation? AllowedAmountFile { get; init; }
}

/// <summary>A file named by a table of contents; <see cref="Source"/> resolves it against the table's own location.</summary>
public sealed record TicFileLocation(string? Description, string Location, TicSource Source);

public sealed record TicListedFile(TicReportingPlan Plan, TicFileKind Kind, TicFileLocation File);

public enum TicFileKind
{
    Unknown,
    InNetwork,
    AllowedAmounts,
    TableOfContents,
    ProviderReference,
}
