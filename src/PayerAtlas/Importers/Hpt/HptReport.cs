namespace PayerAtlas.Importers.Hpt;

/// <summary>A row (CSV) or item (JSON) left out, with where and why.</summary>
/// <param name="Locator">"line 12" or "$.standard_charge_information[3] @ 4711".</param>
/// <param name="Column">1-based CSV column of the bad field; 0 when the whole row is at fault or for JSON.</param>
public sealed record HptRejection(string Locator, int Column, string Reason)
{
    public override string ToString() => Column > 0 ? $"{Locator}, column {Column}: {Reason}" : $"{Locator}: {Reason}";
}

/// <summary>What reading one hospital file produced.</summary>
public sealed record HptReport
{
    public required HptFile File { get; init; }

    /// <summary>Charge rows (CSV) or items (JSON) read, rejected ones included.</summary>
    public required long Rows { get; init; }

    public required long Observations { get; init; }

    /// <summary>Rows or entries that describe a modifier's payment adjustment, not an item (no code): read, not observations.</summary>
    public required long ModifierRows { get; init; }

    public required long RejectedCount { get; init; }

    /// <summary>The first <see cref="HptReader.MaxRejectionDetails"/> rejections.</summary>
    public required IReadOnlyList<HptRejection> Rejections { get; init; }

    /// <summary>CSV lines that were not valid UTF-8 and were read as Windows-1252.</summary>
    public IReadOnlyList<long> Windows1252Lines { get; init; } = [];
}

/// <summary>Counts while a reader runs.</summary>
internal sealed class HptTally
{
    public long Rows;
    public long Observations;
    public long ModifierRows;
    public long RejectedCount;
    public readonly List<HptRejection> Rejections = [];
    public readonly List<long> Windows1252Lines = [];

    public void Reject(string locator, int column, string reason)
    {
        RejectedCount++;
        if (Rejections.Count < HptReader.MaxRejectionDetails)
        {
            Rejections.Add(new HptRejection(locator, column, reason));
        }
    }

    public HptReport Report(HptFile file) => new()
    {
        File = file,
        Rows = Rows,
        Observations = Observations,
        ModifierRows = ModifierRows,
        RejectedCount = RejectedCount,
        Rejections = [.. Rejections],
        Windows1252Lines = [.. Windows1252Lines],
    };
}
