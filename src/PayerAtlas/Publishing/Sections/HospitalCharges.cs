using System.Globalization;
using PayerAtlas.Rates;
using PayerAtlas.Sources;

namespace PayerAtlas.Publishing.Sections;

/// <summary>
/// The hospitals' payer-independent standard charges for the code, one row per item of each standard-charges file:
/// gross charge, discounted cash price, and the de-identified lowest and highest negotiated charge, each a fact citing
/// the file and the item's place in it. Without any for the code the gap is stated.
/// </summary>
internal static class HospitalCharges
{
    public static void Write(SectionContext context, SectionBuilder section, IReadOnlyList<HospitalCharge> charges)
    {
        if (charges.Count == 0)
        {
            section.Missing("rates.hospital_charges", "Hospital standard charges (gross, discounted cash, lowest and highest negotiated)");
            return;
        }

        var known = context.Known;
        var release = context.Dossier.Release.Label;
        var rows = Keyed(charges);
        section.Paragraph(p => p.Text("Standard charges hospitals publish for this code whatever the payer: the gross charge (the hospital's list price), the discounted cash price (what a patient paying cash is charged) and the lowest and highest charge the hospital negotiated with any payer (de-identified). One row per item of each file, as the file states it; an empty field in the file is a gap here."));
        section.Table("Hospital standard charges (not payer-specific)",
            ["Hospital", "State", "Setting", "Modifiers", "Gross charge", "Discounted cash price", "Lowest negotiated", "Highest negotiated", "Source"], rows,
            (p, r) => p.Fact(known.Sourced($"{r.Key}.hospital", r.C.Hospital, "Hospital", Source(r.C, release))),
            (p, r) => p.Text(r.C.State ?? "not stated"),
            (p, r) => p.Text(r.C.Setting ?? "not stated"),
            (p, r) => p.Text(r.C.Modifiers.Length == 0 ? "none" : r.C.Modifiers.Replace(':', ' ')),
            (p, r) => Amount(p, known, r, release, "gross", r.C.Gross, "Gross charge"),
            (p, r) => Amount(p, known, r, release, "cash", r.C.DiscountedCash, "Discounted cash price"),
            (p, r) => Amount(p, known, r, release, "min", r.C.Minimum, "Lowest negotiated charge (de-identified minimum)"),
            (p, r) => Amount(p, known, r, release, "max", r.C.Maximum, "Highest negotiated charge (de-identified maximum)"),
            (p, r) => p.Fact(known.Sourced($"{r.Key}.row", $"{RateSourceName.Display(r.C.SourceFile)}, {r.C.Locator}", $"Where in the file, {r.C.Hospital}", Source(r.C, release))));
    }

    static void Amount(ProseBuilder p, DossierFacts known, Row r, string release, string field, decimal? amount, string label)
    {
        if (amount is not { } value)
        {
            p.Gap($"{r.Key}.{field}", $"{label}, {r.C.Hospital}");
            return;
        }

        p.Money(known.Sourced($"{r.Key}.{field}", Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture),
            $"{label}, {r.C.Hospital}", Source(r.C, release)));
    }

    static SourceRef Source(HospitalCharge c, string release) => new(RateSourceName.Display(c.SourceFile), release, c.Locator);

    /// <summary>"hospital.west-mercy-hospital.1", numbered per hospital in the charges' order.</summary>
    static List<Row> Keyed(IReadOnlyList<HospitalCharge> charges)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<Row>(charges.Count);
        foreach (var c in charges)
        {
            var slug = FactSlug.Of(c.Hospital);
            var n = counts[slug] = counts.GetValueOrDefault(slug) + 1;
            rows.Add(new Row(c, $"hospital.{slug}.{n.ToString(CultureInfo.InvariantCulture)}"));
        }

        return rows;
    }

    sealed record Row(HospitalCharge C, string Key);
}
