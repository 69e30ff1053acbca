namespace PayerAtlas.Importers.Hpt;

/// <summary>One code of an item (<c>code|i</c> + <c>code|i|type</c>, or a <c>code_information</c> entry).</summary>
internal readonly record struct HptCode(string Code, string Type);

/// <summary>One payer × plan's charge for an item in one setting.</summary>
internal sealed record HptPayerCharge
{
    public required string Payer { get; init; }
    public required string Plan { get; init; }
    public required string Locator { get; init; }
    public string? Methodology { get; init; }
    public decimal? Dollar { get; init; }
    public decimal? Percentage { get; init; }
    public string? Algorithm { get; init; }

    /// <summary>Payer notes and the v3 allowed-amount figures (median, 10th/90th percentile, count) or v2 estimated amount, as stated.</summary>
    public string? Notes { get; init; }

    public bool IsEmpty => Dollar is null && Percentage is null && Algorithm is null;
}

/// <summary>An item's charges in one setting (with one modifier set): the payer-independent ones and each payer's.</summary>
internal sealed record HptCharge
{
    public required string Locator { get; init; }
    public string? Setting { get; init; }
    public string Modifiers { get; init; } = "";
    public decimal? Gross { get; init; }
    public decimal? DiscountedCash { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public required IReadOnlyList<HptPayerCharge> Payers { get; init; }
}
