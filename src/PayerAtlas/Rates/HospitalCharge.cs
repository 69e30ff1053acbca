namespace PayerAtlas.Rates;

/// <summary>
/// A hospital's payer-independent standard charges for one code, as one item of its standard-charges file states
/// them: the gross charge, the discounted cash price and the de-identified minimum and maximum of its negotiated
/// charges. Null where the file leaves the field empty. <see cref="Locator"/> is the item's place in the file.
/// </summary>
public sealed record HospitalCharge
{
    public required string BillingCode { get; init; }
    public required string Hospital { get; init; }
    public string? State { get; init; }

    /// <summary>inpatient, outpatient or both, as the file writes it.</summary>
    public string? Setting { get; init; }

    /// <summary>Modifiers as in <see cref="RateObservation.Modifiers"/>; empty for the unmodified code.</summary>
    public string Modifiers { get; init; } = "";

    public decimal? Gross { get; init; }
    public decimal? DiscountedCash { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }

    public required string SourceFile { get; init; }
    public required string Locator { get; init; }

    /// <summary>The negotiated types a hospital's payer-independent charges are stored under (payer empty).</summary>
    public static IReadOnlyList<string> Types { get; } = ["gross", "discounted cash", "min", "max"];

    /// <summary>Folds payer-independent observations (one per charge kind) into one charge per code, file and item.</summary>
    public static IReadOnlyList<HospitalCharge> From(IEnumerable<RateObservation> observations) =>
        Fold(observations
            .Where(o => o.Payer.Length == 0 && o.Rate is not null && !o.RateIsPercentage && Types.Contains(o.NegotiatedType, StringComparer.Ordinal))
            .Select(o => new HospitalChargeRow(o.BillingCode, o.ReportingEntity, o.State, o.Setting, o.Modifiers, o.NegotiatedType, o.Rate!.Value, o.SourceFile, o.Locator.ToString())));

    /// <summary>
    /// One charge per code, file and item from its rows (one per charge kind), ordered by code, hospital, file and place
    /// in the file (shorter locators first, so <c>line 9</c> comes before <c>line 10</c>).
    /// </summary>
    public static IReadOnlyList<HospitalCharge> Fold(IEnumerable<HospitalChargeRow> rows) =>
        [.. rows
            .GroupBy(r => (r.BillingCode, r.SourceFile, r.Locator))
            .Select(g =>
            {
                var first = g.First();
                decimal? Amount(string type) => g.Where(r => r.Type == type).Select(r => (decimal?)r.Amount).FirstOrDefault();
                return new HospitalCharge
                {
                    BillingCode = g.Key.BillingCode,
                    Hospital = first.Hospital,
                    State = first.State,
                    Setting = first.Setting,
                    Modifiers = first.Modifiers,
                    Gross = Amount("gross"),
                    DiscountedCash = Amount("discounted cash"),
                    Minimum = Amount("min"),
                    Maximum = Amount("max"),
                    SourceFile = g.Key.SourceFile,
                    Locator = g.Key.Locator,
                };
            })
            .OrderBy(c => c.BillingCode, StringComparer.Ordinal)
            .ThenBy(c => c.Hospital, StringComparer.Ordinal)
            .ThenBy(c => c.SourceFile, StringComparer.Ordinal)
            .ThenBy(c => c.Locator.Length)
            .ThenBy(c => c.Locator, StringComparer.Ordinal)];
}

/// <summary>One payer-independent charge of a hospital item: its kind (<see cref="HospitalCharge.Types"/>) and amount.</summary>
public sealed record HospitalChargeRow(
    string BillingCode, string Hospital, string? State, string? Setting, string Modifiers, string Type, decimal Amount, string SourceFile, string Locator);
