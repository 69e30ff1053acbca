using System.Globalization;
using PayerAtlas.Dossiers;
using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Pricing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Publishing;

/// <summary>
/// Turns dossier values into facts with stable ids and their provenance, so every writer names the same value
/// the same way ("rvu.26.work", "editorial.title", "pay.national.global.nonfacility").
/// </summary>
public sealed class DossierFacts(Dossier dossier, FactBook book)
{
    static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    public Dossier Dossier => dossier;

    /// <summary>A fact's label without its qualifier: "PC/TC indicator, global" → "PC/TC indicator".</summary>
    public static string ShortLabel(Fact fact) => fact.Label.Split(", ")[0];

    public Fact Code()
    {
        var source = dossier.Primary?.Source ?? dossier.Hcpcs?.Source
            ?? EditorialSource(1);
        return book.Add("code", dossier.Code, "Billing code", source);
    }

    public string Headline() => $"{dossier.CodeSystem} {dossier.Code}: {TitleText()}";

    string TitleText() =>
        dossier.Content?.Title?.Value
        ?? dossier.Hcpcs?.Record.ShortDescription
        ?? dossier.Primary?.Record.Description
        ?? "title not available in the input";

    public Fact? Title() => dossier.Content?.Title is { } t
        ? Editorial("title", t, "Title")
        : dossier.Hcpcs is { } h
            ? book.Add("hcpcs.short", h.Record.ShortDescription, "HCPCS short description", h.Source)
            : dossier.Primary is { } r
                ? book.Add("rvu.global.description", r.Record.Description, "Fee schedule short descriptor", r.Source)
                : null;

    SourceRef EditorialSource(long line) =>
        new(dossier.Editorial?.Source.File ?? "content pack", dossier.Release.Label, line.ToString(CultureInfo.InvariantCulture));

    public Fact? Editorial(string key, Sourced<string>? value, string label) =>
        value is null ? null : book.Add($"editorial.{key}", value.Value, label, EditorialSource(value.Line));

    public IReadOnlyList<Fact> EditorialList(string key, IReadOnlyList<Sourced<string>> values, string label) =>
        values.Select((v, i) => book.Add($"editorial.{key}.{i + 1}", v.Value, label, EditorialSource(v.Line))).ToList();

    public Fact EditorialValue<T>(string id, Sourced<T> value, string text, string label) =>
        book.Add($"editorial.{id}", text, label, EditorialSource(value.Line));

    public static string ComponentKey(string modifier) => modifier == "" ? "global" : modifier;

    public static string ComponentName(string modifier) => modifier switch
    {
        "" => "Global",
        "26" => "Professional component (26)",
        "TC" => "Technical component (TC)",
        "53" => "Discontinued procedure (53)",
        _ => $"Modifier {modifier}",
    };

    public Fact Rvu(Stored<RvuRecord> row, string field, string value, string label) =>
        book.Add($"rvu.{ComponentKey(row.Record.Modifier)}.{field}", value, $"{label}, {ComponentName(row.Record.Modifier).ToLowerInvariant()}", row.Source);

    public Fact RvuNumber(Stored<RvuRecord> row, string field, decimal value, string label) => Rvu(row, field, Num(value), label);

    public Fact ConversionFactor(Stored<RvuRecord> row) =>
        book.Add("rvu.conversion_factor", Num(row.Record.ConversionFactor), "Conversion factor", row.Source);

    /// <summary>A Medicare amount with its derivation: the RVU and GPCI facts it multiplies.</summary>
    public Fact? Payment(Stored<RvuRecord> row, Stored<GpciRecord>? locality, Setting setting)
    {
        var r = row.Record;
        var gpci = locality is null ? Gpci.National : new Gpci(locality.Record.WorkGpci, locality.Record.PeGpci, locality.Record.MpGpci);
        var amount = MedicarePricer.Price(r, gpci, setting);
        if (amount is null)
        {
            return null;
        }

        var cap = locality is null ? null : dossier.OppsCap(r.Modifier, locality.Record);
        var capPrice = cap is null ? (decimal?)null : setting == Setting.NonFacility ? cap.Record.NonFacilityPrice : cap.Record.FacilityPrice;

        var scope = locality is null ? "national" : locality.Record.Id;
        var settingKey = setting == Setting.NonFacility ? "nonfacility" : "facility";
        var pe = setting == Setting.NonFacility ? RvuNumber(row, "pe_nonfacility", r.NonFacilityPeRvu, "Non-facility PE RVU") : RvuNumber(row, "pe_facility", r.FacilityPeRvu, "Facility PE RVU");
        var inputs = new List<string> { RvuNumber(row, "work", r.WorkRvu, "Work RVU").Id, pe.Id, RvuNumber(row, "mp", r.MpRvu, "Malpractice RVU").Id, ConversionFactor(row).Id };
        if (locality is not null)
        {
            inputs.AddRange(GpciFacts(locality).Select(f => f.Id));
        }

        var where = locality is null ? "national" : $"{locality.Record.LocalityName} ({locality.Record.State}, {locality.Record.Id})";
        if (cap is not null && capPrice < amount)
        {
            var capFact = book.Add($"oppscap.{ComponentKey(r.Modifier)}.{locality!.Record.Id}.{settingKey}", Num(capPrice.Value),
                $"OPPS-capped price, {ComponentName(r.Modifier).ToLowerInvariant()}, {where}", cap.Source);
            inputs.Add(capFact.Id);
            return book.Add($"pay.{scope}.{ComponentKey(r.Modifier)}.{settingKey}", Num(capPrice.Value),
                $"Medicare {(setting == Setting.NonFacility ? "non-facility" : "facility")} amount after the OPPS cap, {ComponentName(r.Modifier).ToLowerInvariant()}, {where}",
                cap.Source,
                new Derivation("lesser of the PFS formula amount and the OPPS-capped price", inputs));
        }

        return book.Add($"pay.{scope}.{ComponentKey(r.Modifier)}.{settingKey}", Num(amount.Value),
            $"Medicare {(setting == Setting.NonFacility ? "non-facility" : "facility")} amount, {ComponentName(r.Modifier).ToLowerInvariant()}, {where}",
            row.Source with { File = locality is null ? row.Source.File : $"{row.Source.File} + {locality.Source.File}" },
            new Derivation("round(((work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)) × conversion factor, 2)", inputs));
    }

    public IReadOnlyList<Fact> GpciFacts(Stored<GpciRecord> g) =>
    [
        book.Add($"gpci.{g.Record.Id}.work", Num(g.Record.WorkGpci), $"Work GPCI, {g.Record.LocalityName}", g.Source),
        book.Add($"gpci.{g.Record.Id}.pe", Num(g.Record.PeGpci), $"PE GPCI, {g.Record.LocalityName}", g.Source),
        book.Add($"gpci.{g.Record.Id}.mp", Num(g.Record.MpGpci), $"MP GPCI, {g.Record.LocalityName}", g.Source),
    ];

    public Fact Locality(Stored<GpciRecord> g) =>
        book.Add($"locality.{g.Record.Id}", g.Record.Id, $"Medicare locality {g.Record.LocalityName} ({g.Record.State})", g.Source);

    /// <summary>A value computed from other facts (a state average, a range end).</summary>
    public Fact Derived(string id, decimal value, string label, SourceRef source, string formula, IReadOnlyList<string> inputs) =>
        book.Add(id, Num(value), label, source, new Derivation(formula, inputs));

    public Fact Sourced(string id, string value, string label, SourceRef source) => book.Add(id, value, label, source);

    public Fact? PlaceOfService(string code)
    {
        var pos = dossier.PlacesOfService.FirstOrDefault(p => p.Record.Code == code);
        return pos is null ? null : book.Add($"pos.{code}", pos.Record.Code, $"Place of service {pos.Record.Code}: {pos.Record.Name}", pos.Source);
    }

    /// <summary>What an indicator value means, per the CMS record layout (RVU25D Attachment A), as a citable fact.</summary>
    public Fact? Meaning(Stored<RvuRecord> row, string field, string? meaning, string label) =>
        meaning is null
            ? null
            : book.Add($"rvu.{ComponentKey(row.Record.Modifier)}.{field}.meaning", meaning, $"Meaning of the {label.ToLowerInvariant()}",
                new SourceRef("CMS PFS relative value file record layout (Attachment A)", dossier.Release.Label, label));

    public string? PlaceOfServiceName(string code) => dossier.PlacesOfService.FirstOrDefault(p => p.Record.Code == code)?.Record.Name;
}
