using PayerAtlas.Sources;

namespace PayerAtlas.Importers.Ncci;

/// <summary>
/// Which claims an NCCI table applies to. CMS publishes PTP edits for practitioners (which also covers ambulatory
/// surgical centers) and for outpatient hospitals, and MUE tables for practitioners, outpatient hospitals and
/// DME suppliers.
/// </summary>
public enum NcciSetting
{
    Practitioner = 0,
    OutpatientHospital = 1,
    Dme = 2,
}

public static class NcciSettings
{
    public static string Name(this NcciSetting setting) => setting switch
    {
        NcciSetting.Practitioner => "practitioner",
        NcciSetting.OutpatientHospital => "outpatient hospital",
        NcciSetting.Dme => "DME supplier",
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    /// <summary>The short key used in fact ids, JSON and the command line.</summary>
    public static string Key(this NcciSetting setting) => setting switch
    {
        NcciSetting.Practitioner => "practitioner",
        NcciSetting.OutpatientHospital => "outpatient-hospital",
        NcciSetting.Dme => "dme",
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    public static NcciSetting? Parse(string? text) => text?.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-') switch
    {
        "practitioner" or "professional" or "physician" or "asc" => NcciSetting.Practitioner,
        "outpatient-hospital" or "hospital" or "facility" or "opps" => NcciSetting.OutpatientHospital,
        "dme" or "dme-supplier" => NcciSetting.Dme,
        _ => null,
    };

    public static Dataset PtpDataset(this NcciSetting setting) => setting switch
    {
        NcciSetting.Practitioner => Dataset.NcciPtpPractitioner,
        NcciSetting.OutpatientHospital => Dataset.NcciPtpHospital,
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "CMS publishes no PTP table for DME suppliers"),
    };

    public static Dataset MueDataset(this NcciSetting setting) => setting switch
    {
        NcciSetting.Practitioner => Dataset.NcciMuePractitioner,
        NcciSetting.OutpatientHospital => Dataset.NcciMueOutpatientHospital,
        NcciSetting.Dme => Dataset.NcciMueDme,
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    /// <summary>The setting of an NCCI layout, or null for other layouts.</summary>
    public static NcciSetting? Of(SourceKind kind) => kind switch
    {
        SourceKind.NcciPtpPractitioner or SourceKind.NcciMuePractitioner => NcciSetting.Practitioner,
        SourceKind.NcciPtpHospital or SourceKind.NcciMueOutpatientHospital => NcciSetting.OutpatientHospital,
        SourceKind.NcciMueDme => NcciSetting.Dme,
        _ => null,
    };

    /// <summary>CMS splits the practitioner PTP table over four files (f1–f4); they are one dataset.</summary>
    public static bool SplitAcrossFiles(Dataset dataset) => dataset is Dataset.NcciPtpPractitioner or Dataset.NcciPtpHospital;
}
