namespace PayerAtlas.Claims;

/// <summary>Modifier groups the rules use, as the NCCI Policy Manual (chapter I, section E) lists them.</summary>
public static class ClaimModifiers
{
    /// <summary>Anatomic modifiers that may bypass a PTP edit for separate sites: E1-E4, FA, F1-F9, TA, T1-T9, LT, RT, LC, LD, RC, LM, RI.</summary>
    public static readonly IReadOnlySet<string> Anatomic = new HashSet<string>(StringComparer.Ordinal)
    {
        "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
        "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
    };

    /// <summary>Global surgery modifiers that may bypass a PTP edit: 24, 25, 57, 58, 78, 79.</summary>
    public static readonly IReadOnlySet<string> GlobalSurgery = new HashSet<string>(StringComparer.Ordinal) { "24", "25", "57", "58", "78", "79" };

    /// <summary>The other NCCI PTP-associated modifiers: 27, 59, 91, XE, XS, XP, XU.</summary>
    public static readonly IReadOnlySet<string> Distinct = new HashSet<string>(StringComparer.Ordinal) { "27", "59", "91", "XE", "XS", "XP", "XU" };

    /// <summary>Every NCCI PTP-associated modifier.</summary>
    public static readonly IReadOnlySet<string> PtpAssociated = new HashSet<string>(Anatomic.Concat(GlobalSurgery).Concat(Distinct), StringComparer.Ordinal);

    /// <summary>22, 76 and 77 are not PTP-associated: they never bypass an edit.</summary>
    public static readonly IReadOnlySet<string> NotBypassing = new HashSet<string>(StringComparer.Ordinal) { "22", "76", "77" };

    /// <summary>Modifiers that let one code be reported on separate lines against a claim-line MUE (MAI 1).</summary>
    public static readonly IReadOnlySet<string> SeparateLine = new HashSet<string>(Anatomic.Concat(["59", "XE", "XP", "XS", "XU", "76", "77", "91"]), StringComparer.Ordinal);
}

/// <summary>Place-of-service groups the rules use.</summary>
public static class PlaceOfServiceGroups
{
    /// <summary>
    /// Hospital settings where the hospital furnishes and bills the technical component of a diagnostic test:
    /// 19 and 22 outpatient hospital (off and on campus), 21 inpatient hospital, 23 emergency room, 51 inpatient psychiatric
    /// facility, 61 comprehensive inpatient rehabilitation facility.
    /// </summary>
    public static readonly IReadOnlySet<string> Hospital = new HashSet<string>(StringComparer.Ordinal) { "19", "21", "22", "23", "51", "61" };

    /// <summary>The settings CMS pays at the facility rate (19, 21-24, 26, 31, 34, 41, 42, 51-53, 56, 61).</summary>
    public static readonly IReadOnlySet<string> Facility = new HashSet<string>(StringComparer.Ordinal)
    {
        "19", "21", "22", "23", "24", "26", "31", "34", "41", "42", "51", "52", "53", "56", "61",
    };

    public static bool IsEvaluationAndManagement(string code) =>
        code.Length == 5 && code.StartsWith("99", StringComparison.Ordinal) && int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 99202 and <= 99499;
}
