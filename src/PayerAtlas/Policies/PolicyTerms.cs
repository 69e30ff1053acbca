namespace PayerAtlas.Policies;

public enum PolicyKind
{
    Medical,
    Reimbursement,
    PriorAuthorizationList,
    MedicareNcd,
    MedicareLcd,
    MedicareArticle,
    MedicareManual,
    Regulation,
}

public enum Stance
{
    Unknown,
    Covered,
    CoveredWithCriteria,
    NotCovered,
    Experimental,
}

public enum PriorAuthorization
{
    Unknown,
    Required,
    NotRequired,
}

public enum LineOfBusiness
{
    Commercial,
    Medicare,
    MedicareAdvantage,
    Medicaid,
    IndividualExchange,
    FederalEmployee,
}

/// <summary>
/// The words of the policy vocabulary: the snake_case names editors write in YAML, and the plain words
/// publications print. One table per enum so the two can never drift apart.
/// </summary>
public static class PolicyTerms
{
    static readonly (PolicyKind Value, string Name, string Words)[] Kinds =
    [
        (PolicyKind.Medical, "medical", "medical (coverage) policy"),
        (PolicyKind.Reimbursement, "reimbursement", "reimbursement (payment) policy"),
        (PolicyKind.PriorAuthorizationList, "prior_authorization_list", "prior-authorization list"),
        (PolicyKind.MedicareNcd, "medicare_ncd", "Medicare national coverage determination"),
        (PolicyKind.MedicareLcd, "medicare_lcd", "Medicare local coverage determination"),
        (PolicyKind.MedicareArticle, "medicare_article", "Medicare billing and coding article"),
        (PolicyKind.MedicareManual, "medicare_manual", "Medicare manual or instruction"),
        (PolicyKind.Regulation, "regulation", "regulation"),
    ];

    static readonly (Stance Value, string Name, string Words)[] Stances =
    [
        (Stance.Covered, "covered", "covered"),
        (Stance.CoveredWithCriteria, "covered_with_criteria", "covered when criteria are met"),
        (Stance.NotCovered, "not_covered", "not covered"),
        (Stance.Experimental, "experimental", "experimental or investigational (not covered)"),
        (Stance.Unknown, "unknown", "not stated"),
    ];

    static readonly (PriorAuthorization Value, string Name, string Words)[] PriorAuthorizations =
    [
        (PriorAuthorization.Required, "required", "required"),
        (PriorAuthorization.NotRequired, "not_required", "not required"),
        (PriorAuthorization.Unknown, "unknown", "not stated"),
    ];

    static readonly (LineOfBusiness Value, string Name, string Words)[] Lines =
    [
        (LineOfBusiness.Commercial, "commercial", "commercial"),
        (LineOfBusiness.Medicare, "medicare", "Original Medicare"),
        (LineOfBusiness.MedicareAdvantage, "medicare_advantage", "Medicare Advantage"),
        (LineOfBusiness.Medicaid, "medicaid", "Medicaid"),
        (LineOfBusiness.IndividualExchange, "individual_exchange", "individual and exchange plans"),
        (LineOfBusiness.FederalEmployee, "federal_employee", "federal employee program"),
    ];

    public static IReadOnlyList<string> KindNames => Kinds.Select(k => k.Name).ToList();
    public static IReadOnlyList<string> StanceNames => Stances.Select(s => s.Name).ToList();
    public static IReadOnlyList<string> PriorAuthorizationNames => PriorAuthorizations.Select(p => p.Name).ToList();
    public static IReadOnlyList<string> LineOfBusinessNames => Lines.Select(l => l.Name).ToList();

    public static PolicyKind? ParseKind(string name) => Find(Kinds, name);
    public static Stance? ParseStance(string name) => Find(Stances, name);
    public static PriorAuthorization? ParsePriorAuthorization(string name) => Find(PriorAuthorizations, name);
    public static LineOfBusiness? ParseLineOfBusiness(string name) => Find(Lines, name);

    public static string Name(PolicyKind v) => Kinds.First(k => k.Value == v).Name;
    public static string Name(Stance v) => Stances.First(k => k.Value == v).Name;
    public static string Name(PriorAuthorization v) => PriorAuthorizations.First(k => k.Value == v).Name;
    public static string Name(LineOfBusiness v) => Lines.First(k => k.Value == v).Name;

    public static string Words(PolicyKind v) => Kinds.First(k => k.Value == v).Words;
    public static string Words(Stance v) => Stances.First(k => k.Value == v).Words;
    public static string Words(PriorAuthorization v) => PriorAuthorizations.First(k => k.Value == v).Words;
    public static string Words(LineOfBusiness v) => Lines.First(k => k.Value == v).Words;

    static T? Find<T>((T Value, string Name, string Words)[] table, string name) where T : struct, Enum
    {
        foreach (var (value, n, _) in table)
        {
            if (n == name)
            {
                return value;
            }
        }

        return null;
    }
}
