namespace PayerAtlas.Importers.Ncci;

/// <summary>MUE adjudication indicator (NCCI Policy Manual, chapter I, section V).</summary>
public enum MueAdjudication
{
    /// <summary>1: claim line edit; each line's units are compared with the value.</summary>
    ClaimLine = 1,
    /// <summary>2: date of service edit based on policy; an absolute limit.</summary>
    DateOfServicePolicy = 2,
    /// <summary>3: date of service edit based on clinical benchmarks; may be bypassed on appeal with documentation.</summary>
    DateOfServiceClinical = 3,
}

/// <summary>One row of a CMS MUE table: the most units of a code one provider reports for one patient on one date.</summary>
public sealed record MueRecord
{
    public required string Code { get; init; }
    public required int Value { get; init; }
    public required MueAdjudication Adjudication { get; init; }
    /// <summary>The indicator cell as published, e.g. "3 Date of Service Edit: Clinical".</summary>
    public required string AdjudicationText { get; init; }
    public required string Rationale { get; init; }
    public required long Line { get; init; }

    public bool IsDateOfService => Adjudication != MueAdjudication.ClaimLine;
}
