namespace PayerAtlas.Sources;

/// <summary>The layouts PayerAtlas recognises by content.</summary>
public enum SourceKind
{
    PfsRvuCsv,
    PfsRvuFixedWidth,
    GpciCsv,
    OppsCapCsv,
    GpciFixedWidth,
    LocalityCountyCsv,
    LocalityCountyFixedWidth,
    HcpcsLevel2,
    PlaceOfServiceCsv,
    PlaceOfServiceFhirXml,
    EditorialContent,
    ContentPackManifest,
    NcciPtpPractitioner,
    NcciPtpHospital,
    NcciMuePractitioner,
    NcciMueOutpatientHospital,
    NcciMueDme,
    PolicyYaml,
    PolicyPdf,
    PolicyHtml,
}

/// <summary>The dataset a layout fills. Two layouts of one dataset (CSV and TXT) replace each other.</summary>
public enum Dataset
{
    FeeSchedule,
    Gpci,
    LocalityCounties,
    OppsCap,
    HcpcsLevel2,
    PlacesOfService,
    Editorial,
    NcciPtpPractitioner,
    NcciPtpHospital,
    NcciMuePractitioner,
    NcciMueOutpatientHospital,
    NcciMueDme,
    /// <summary>Payer policy versions. Unlike the other datasets, an import adds to the versions already stored.</summary>
    Policies,
}

public static class SourceKindExtensions
{
    public static Dataset Dataset(this SourceKind kind) => kind switch
    {
        SourceKind.PfsRvuCsv or SourceKind.PfsRvuFixedWidth => Sources.Dataset.FeeSchedule,
        SourceKind.GpciCsv or SourceKind.GpciFixedWidth => Sources.Dataset.Gpci,
        SourceKind.LocalityCountyCsv or SourceKind.LocalityCountyFixedWidth => Sources.Dataset.LocalityCounties,
        SourceKind.OppsCapCsv => Sources.Dataset.OppsCap,
        SourceKind.HcpcsLevel2 => Sources.Dataset.HcpcsLevel2,
        SourceKind.PlaceOfServiceCsv or SourceKind.PlaceOfServiceFhirXml => Sources.Dataset.PlacesOfService,
        SourceKind.EditorialContent or SourceKind.ContentPackManifest => Sources.Dataset.Editorial,
        SourceKind.NcciPtpPractitioner => Sources.Dataset.NcciPtpPractitioner,
        SourceKind.NcciPtpHospital => Sources.Dataset.NcciPtpHospital,
        SourceKind.NcciMuePractitioner => Sources.Dataset.NcciMuePractitioner,
        SourceKind.NcciMueOutpatientHospital => Sources.Dataset.NcciMueOutpatientHospital,
        SourceKind.NcciMueDme => Sources.Dataset.NcciMueDme,
        SourceKind.PolicyYaml or SourceKind.PolicyPdf or SourceKind.PolicyHtml => Sources.Dataset.Policies,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Publisher(this SourceKind kind) => kind switch
    {
        SourceKind.EditorialContent or SourceKind.ContentPackManifest => "content pack",
        SourceKind.PolicyYaml => "policy summary (editorial)",
        SourceKind.PolicyPdf or SourceKind.PolicyHtml => "payer document",
        _ => "CMS",
    };

    /// <summary>Datasets that accumulate: every import carries the earlier rows forward and adds its own.</summary>
    public static bool Accumulates(this Dataset dataset) => dataset == Sources.Dataset.Policies;
}
