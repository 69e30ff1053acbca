namespace PayerAtlas.Claims;

/// <summary>The passages of CMS's manuals and layouts the rules are written from; each finding cites one or more.</summary>
public static class PolicyRefs
{
    const string Manual = "NCCI Policy Manual for Medicare Services (revision 1/1/2026)";

    public static readonly FindingSource PtpEdits = new($"{Manual}, Introduction and chapter I, section E (modifiers and modifier indicators)");
    public static readonly FindingSource Mue = new($"{Manual}, chapter I, section V (Medically Unlikely Edits)");
    public static readonly FindingSource EvaluationAndManagement = new($"{Manual}, chapter I, section D (E&M services and the global surgery rules)");
    public static readonly FindingSource GlobalPackage = new($"{Manual}, chapter I, sections C and E (medical/surgical package; modifiers 58, 78, 79)");
    public static readonly FindingSource PcTcIndicator = new("CMS PFS relative value file layout (RVU25D), PC/TC indicator");
    public static readonly FindingSource StatusCode = new("CMS PFS relative value file layout (RVU25D), status code");
    public static readonly FindingSource GlobalDays = new("CMS PFS relative value file layout (RVU25D), global days");
    public static readonly FindingSource NaIndicator = new("CMS PFS relative value file layout (RVU25D), facility and non-facility NA indicators");
    public static readonly FindingSource RadiologyComponents = new($"{Manual}, chapter IX, section D (procedural and supervision-and-interpretation components)");
}
