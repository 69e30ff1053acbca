namespace PayerAtlas.Importers.PlaceOfService;

/// <summary>One CMS place-of-service code ("11" Office, "22" On Campus-Outpatient Hospital …).</summary>
/// <param name="Row">Line number in the CSV, or the XPath-like location of the concept in the FHIR XML.</param>
public sealed record PlaceOfServiceRecord(string Code, string Name, string Description, string Row);
