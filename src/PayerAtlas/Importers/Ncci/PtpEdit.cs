namespace PayerAtlas.Importers.Ncci;

/// <summary>The correct coding modifier indicator of a PTP edit (NCCI Policy Manual, chapter I, section E).</summary>
public enum PtpModifierIndicator
{
    /// <summary>0: no modifier bypasses the edit.</summary>
    NotAllowed = 0,
    /// <summary>1: an NCCI PTP-associated modifier bypasses the edit when the clinical circumstances justify it.</summary>
    Allowed = 1,
    /// <summary>9: not applicable; CMS uses it for edits deleted on their effective date, which never applied.</summary>
    NotApplicable = 9,
}

/// <summary>
/// One procedure-to-procedure edit as CMS publishes it: when both codes are billed for one patient on one date by
/// one provider, the column 1 code is eligible for payment and the column 2 code is denied unless the indicator
/// allows an NCCI PTP-associated modifier and one is reported.
/// </summary>
public sealed record PtpEdit
{
    public required string Column1 { get; init; }
    public required string Column2 { get; init; }
    /// <summary>"*" in the third column: the edit was in existence before 1996.</summary>
    public required bool PriorTo1996 { get; init; }
    public required DateOnly Effective { get; init; }
    /// <summary>
    /// Null while the edit is in effect ("*" = no data). A date is the last day the edit applied: CMS deletes an edit
    /// at the end of a quarter (e.g. 20231231), and an edit deleted retroactively carries its effective date here
    /// with indicator 9.
    /// </summary>
    public DateOnly? Deletion { get; init; }
    public required PtpModifierIndicator ModifierIndicator { get; init; }
    /// <summary>CMS's rationale category, e.g. "Mutually exclusive procedures".</summary>
    public required string Rationale { get; init; }
    /// <summary>1-based line in the source file.</summary>
    public required long Line { get; init; }

    /// <summary>True when the edit applies to a service on <paramref name="date"/>; indicator 9 edits never apply.</summary>
    public bool AppliesOn(DateOnly date) =>
        ModifierIndicator != PtpModifierIndicator.NotApplicable && Effective <= date && (Deletion is null || date <= Deletion.Value);

    public bool IsDeleted => Deletion is not null;
}
