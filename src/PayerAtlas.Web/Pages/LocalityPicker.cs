using PayerAtlas.Importers.Pfs;
using PayerAtlas.Pricing;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rendering.Html;
using PayerAtlas.Web.Infrastructure;
using static PayerAtlas.Web.Pages.SiteHtml;

namespace PayerAtlas.Web.Pages;

/// <summary>
/// The code page's "Medicare payment by location" box: a plain GET form (works with scripts off; app.js only
/// submits it on change) and the amounts for the chosen place. Every amount is a fact of the code's publication
/// built with every locality, so it carries the same id and provenance as in /api/v1/publications/{code}?localities=true.
/// </summary>
public sealed class LocalityPicker
{
    readonly Publication full;
    readonly Dictionary<string, Fact> facts;
    readonly IReadOnlyList<GpciRecord> localities;
    readonly IReadOnlyList<string> components;

    LocalityPicker(Publication full, IReadOnlyList<GpciRecord> localities, IReadOnlyList<string> components)
    {
        this.full = full;
        this.localities = localities;
        this.components = components;
        facts = full.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    /// <summary>The picker, or null when the code has no priced fee-schedule row (the publication says so).</summary>
    public static LocalityPicker? Create(Publication full, IReadOnlyList<GpciRecord> localities, IReadOnlyList<RvuRecord> feeSchedule)
    {
        var priced = feeSchedule.Where(MedicarePricer.IsPriced).Select(r => r.Modifier).ToList();
        return priced.Count == 0 ? null : new LocalityPicker(full, localities, priced);
    }

    /// <summary>Why <paramref name="scope"/> names no place in this release, or null when it does.</summary>
    public string? Unknown(PriceScope scope) => scope switch
    {
        PriceScope.State s when !localities.Any(l => l.State == s.Code) => $"there is no Medicare locality in state '{s.Code}' in release {full.Release}",
        PriceScope.Locality l when Find(l) is null => $"there is no Medicare locality {l.Mac}-{l.Number} in release {full.Release}",
        _ => null,
    };

    GpciRecord? Find(PriceScope.Locality l) => localities.FirstOrDefault(g => g.Mac == l.Mac && g.LocalityNumber == l.Number);

    public void Write(TextWriter w, PriceScope scope, ResolvedRelease release, Citations citations)
    {
        w.Write("<div class=\"picker\" id=\"locality-picker\" role=\"region\" aria-labelledby=\"picker-h\">\n<h3 id=\"picker-h\">Medicare payment by location</h3>\n");
        w.Write("<form method=\"get\" action=\"/codes/");
        E(w, full.Code);
        w.Write("#locality-picker\"><label for=\"at\">Location</label> <select id=\"at\" name=\"at\">");
        Option(w, "national", "National (every GPCI 1.0)", scope is PriceScope.National);
        foreach (var state in localities.GroupBy(l => l.State).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.Write("<optgroup label=\"");
            E(w, state.Key);
            w.Write("\">");
            Option(w, state.Key, $"{state.Key}: every locality", scope is PriceScope.State s && s.Code == state.Key);
            foreach (var l in state.OrderBy(l => l.LocalityName, StringComparer.Ordinal))
            {
                Option(w, l.Id, $"{l.State}: {l.LocalityName} ({l.Id})", scope is PriceScope.Locality x && x.Mac == l.Mac && x.Number == l.LocalityNumber);
            }

            w.Write("</optgroup>");
        }

        w.Write("</select>");
        if (release.Pinned)
        {
            w.Write("<input type=\"hidden\" name=\"release\" value=\"");
            E(w, release.Release.Label);
            w.Write("\">");
        }

        w.Write(" <button type=\"submit\">Show amounts</button></form>\n");
        switch (scope)
        {
            case PriceScope.Locality l when Find(l) is { } g:
                Headline(w, citations, $"{g.LocalityName}, {g.State} ({g.Id})", $"pay.{g.Id}.{Key(components[0])}");
                Components(w, citations, $"pay.{g.Id}");
                break;
            case PriceScope.State s:
                WriteState(w, citations, s.Code);
                break;
            default:
                Headline(w, citations, "National", $"pay.national.{Key(components[0])}");
                Components(w, citations, "pay.national");
                break;
        }

        w.Write("<p class=\"snippet\">Amounts apply the fee-schedule formula to the location's GPCIs; each value links to its source row under Sources. The same figures, with provenance, are in the publication JSON with <code>?localities=true</code> and in the price API.</p>\n</div>\n");
    }

    void Headline(TextWriter w, Citations citations, string where, string prefix)
    {
        w.Write("<p>");
        E(w, $"{DossierFacts.ComponentName(components[0])}, ");
        var (fact, setting) = facts.TryGetValue(prefix + ".nonfacility", out var nf) ? (nf, "non-facility") : (facts.GetValueOrDefault(prefix + ".facility"), "facility");
        E(w, setting);
        w.Write(", <strong>");
        E(w, where);
        w.Write("</strong>: <span class=\"amount\" id=\"picked-amount\">");
        if (fact is null)
        {
            w.Write("NA");
        }
        else
        {
            FactSpan(w, citations, fact, ProseBuilder.FormatMoney(fact.Value));
        }

        w.Write("</span></p>\n");
    }

    void Components(TextWriter w, Citations citations, string prefix)
    {
        w.Write("<div class=\"table-wrap\"><table id=\"picked-amounts\"><caption>Medicare amount at this location by component</caption><thead><tr><th scope=\"col\">Component</th><th scope=\"col\">Non-facility</th><th scope=\"col\">Facility</th></tr></thead><tbody>");
        foreach (var c in components)
        {
            w.Write("<tr><th scope=\"row\">");
            E(w, DossierFacts.ComponentName(c));
            w.Write("</th><td class=\"num\">");
            Amount(w, citations, $"{prefix}.{Key(c)}.nonfacility", $"rvu.{Key(c)}.nonfacility_na");
            w.Write("</td><td class=\"num\">");
            Amount(w, citations, $"{prefix}.{Key(c)}.facility", $"rvu.{Key(c)}.facility_na");
            w.Write("</td></tr>");
        }

        w.Write("</tbody></table></div>\n");
    }

    void WriteState(TextWriter w, Citations citations, string state)
    {
        var main = Key(components[0]);
        var average = facts.GetValueOrDefault($"pay.state.{state}.{main}.nonfacility.average") ?? facts.GetValueOrDefault($"pay.state.{state}.{main}.nonfacility");
        w.Write("<p>");
        E(w, $"{DossierFacts.ComponentName(components[0])}, non-facility, ");
        w.Write("<strong>");
        E(w, $"{state} (unweighted average of its localities)");
        w.Write("</strong>: <span class=\"amount\" id=\"picked-amount\">");
        if (average is null)
        {
            w.Write("NA");
        }
        else
        {
            FactSpan(w, citations, average, ProseBuilder.FormatMoney(average.Value));
        }

        w.Write("</span></p>\n<div class=\"table-wrap\"><table id=\"picked-amounts\"><caption>Medicare amount in each locality of the state</caption><thead><tr><th scope=\"col\">Locality</th>");
        foreach (var c in components)
        {
            w.Write("<th scope=\"col\">");
            E(w, $"{DossierFacts.ComponentName(c)} non-facility");
            w.Write("</th><th scope=\"col\">");
            E(w, $"{DossierFacts.ComponentName(c)} facility");
            w.Write("</th>");
        }

        w.Write("</tr></thead><tbody>");
        foreach (var l in localities.Where(l => l.State == state).OrderBy(l => l.LocalityName, StringComparer.Ordinal))
        {
            w.Write("<tr><th scope=\"row\">");
            E(w, l.LocalityName);
            w.Write(" (");
            if (facts.TryGetValue($"locality.{l.Id}", out var id))
            {
                FactSpan(w, citations, id, id.Value);
            }
            else
            {
                E(w, l.Id);
            }

            w.Write(")</th>");
            foreach (var c in components)
            {
                w.Write("<td class=\"num\">");
                Amount(w, citations, $"pay.{l.Id}.{Key(c)}.nonfacility", $"rvu.{Key(c)}.nonfacility_na");
                w.Write("</td><td class=\"num\">");
                Amount(w, citations, $"pay.{l.Id}.{Key(c)}.facility", $"rvu.{Key(c)}.facility_na");
                w.Write("</td>");
            }

            w.Write("</tr>");
        }

        w.Write("</tbody></table></div>\n");
    }

    void Amount(TextWriter w, Citations citations, string id, string notApplicable)
    {
        if (facts.TryGetValue(id, out var fact))
        {
            FactSpan(w, citations, fact, ProseBuilder.FormatMoney(fact.Value));
        }
        else if (facts.TryGetValue(notApplicable, out var na))
        {
            FactSpan(w, citations, na, na.Value);
        }
        else
        {
            w.Write("NA");
        }
    }

    static void FactSpan(TextWriter w, Citations citations, Fact fact, string text) => citations.WriteFact(w, fact, text);

    static void Option(TextWriter w, string value, string text, bool selected)
    {
        w.Write("<option value=\"");
        E(w, value);
        w.Write(selected ? "\" selected>" : "\">");
        E(w, text);
        w.Write("</option>");
    }

    static string Key(string modifier) => DossierFacts.ComponentKey(modifier);
}
