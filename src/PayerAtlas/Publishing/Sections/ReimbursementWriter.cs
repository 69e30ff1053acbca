using PayerAtlas.Importers.Pfs;
using PayerAtlas.Pricing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Store;

namespace PayerAtlas.Publishing.Sections;

/// <summary>
/// Reimbursement: Medicare amounts (national; per state range and average; optionally every locality) for the
/// global service and each component row, then commercial benchmarks by payer when the pipeline has rate
/// benchmarks (<see cref="CommercialRates"/>); otherwise that gap is stated.
/// </summary>
public sealed class ReimbursementWriter : ISectionWriter
{
    public string Id => "reimbursement";
    public string Title => "Reimbursement";

    public void Write(SectionContext context, SectionBuilder section)
    {
        var known = context.Known;
        var dossier = context.Dossier;
        var priced = dossier.FeeSchedule.Where(r => MedicarePricer.IsPriced(r.Record)).ToList();
        section.Heading("medicare-payment", "Medicare payment");
        if (priced.Count == 0)
        {
            if (dossier.Primary is { } row)
            {
                var status = known.Rvu(row, "status", row.Record.StatusCode, "Medicare status code");
                section.Paragraph(p => p.Text("The fee schedule lists this code with status ").Fact(status)
                    .Text(", which carries no national payment amount. ").Strong("Medicare payment: ").Gap("pay.national", "Medicare national payment amount"));
            }
            else
            {
                section.Missing("pay.national", "Medicare payment amount");
            }
        }
        else
        {
            WriteMedicare(context, section, priced);
        }

        section.Heading("commercial-rates", "Commercial negotiated rates");
        CommercialRates.Write(context, section);
    }

    static void WriteMedicare(SectionContext context, SectionBuilder section, List<Stored<RvuRecord>> priced)
    {
        var known = context.Known;
        var cf = known.ConversionFactor(priced[0]);
        section.Paragraph(p => p.Text("Amounts use the conversion factor ").Fact(cf)
            .Text(" and are rounded to the cent once, after [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × conversion factor. National amounts set every GPCI to one; NA marks a setting CMS considers rarely or never used."));

        section.Table("Medicare national payment by component", ["Component", "Work RVU", "PE RVU (non-facility)", "PE RVU (facility)", "MP RVU", "Non-facility", "Facility"], priced,
            (p, r) => p.Text(DossierFacts.ComponentName(r.Record.Modifier)),
            (p, r) => p.Fact(known.RvuNumber(r, "work", r.Record.WorkRvu, "Work RVU")),
            (p, r) => p.Fact(known.RvuNumber(r, "pe_nonfacility", r.Record.NonFacilityPeRvu, "Non-facility PE RVU")),
            (p, r) => p.Fact(known.RvuNumber(r, "pe_facility", r.Record.FacilityPeRvu, "Facility PE RVU")),
            (p, r) => p.Fact(known.RvuNumber(r, "mp", r.Record.MpRvu, "Malpractice RVU")),
            (p, r) => Amount(p, known, r, null, Setting.NonFacility),
            (p, r) => Amount(p, known, r, null, Setting.Facility));

        var localities = context.Dossier.Localities;
        if (localities.Count == 0)
        {
            section.Missing("pay.localities", "Medicare amounts by locality (GPCI file)");
            return;
        }

        var main = priced[0];
        var states = localities.GroupBy(l => l.Record.State).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        section.Table($"Medicare {DossierFacts.ComponentName(main.Record.Modifier).ToLowerInvariant()} amount by state (range and unweighted average of its localities)",
            ["State", "Non-facility range", "Non-facility average", "Facility range", "Facility average"], states,
            (p, g) => p.Text(g.Key),
            (p, g) => Range(p, known, main, g.ToList(), Setting.NonFacility),
            (p, g) => Average(p, known, main, g.ToList(), Setting.NonFacility),
            (p, g) => Range(p, known, main, g.ToList(), Setting.Facility),
            (p, g) => Average(p, known, main, g.ToList(), Setting.Facility));

        var capped = context.Dossier.OppsCaps.Where(c => c.Record.ProcStatus == "A").ToList();
        if (capped.Count > 0)
        {
            var lowered = priced.SelectMany(r => localities.Where(l =>
                PriceCalculator.Payment(r.Record, l.Record, Setting.NonFacility, context.Dossier.OppsCap(r.Record.Modifier, l.Record)?.Record)
                < MedicarePricer.Price(r.Record, new Gpci(l.Record.WorkGpci, l.Record.PeGpci, l.Record.MpGpci), Setting.NonFacility))
                .Select(l => l.Record.Id)).Distinct().Count();
            var count = known.Derived("oppscap.localities_lowered", lowered, "Localities where the OPPS cap lowers the non-facility amount", capped[0].Source,
                "count of localities whose OPPS-capped price is below the PFS formula amount", []);
            section.Paragraph(p => p.Strong("OPPS imaging cap: ").Text("this imaging service is listed in ").Text(capped[0].Source.File)
                .Text("; Medicare pays the lesser of the fee-schedule amount and the hospital outpatient amount. The cap lowers the non-facility amount in ")
                .Fact(count).Text(" localities, and the state figures include it."));
        }

        section.Paragraph(p => p.Text("State figures apply the formula to each locality's GPCIs from ").Text(localities[0].Source.File)
            .Text(" and the fee-schedule row above; the price API and the locality picker give every locality's amount."));

        var component = DossierFacts.ComponentName(main.Record.Modifier).ToLowerInvariant();
        var drawable = Amounts(known, main, [.. localities], Setting.NonFacility).Count + Amounts(known, main, [.. localities], Setting.Facility).Count > 0;
        if (drawable)
        {
            section.Figure("medicare-by-state-chart", $"Medicare {component} amount by state: each bar runs from the state's lowest to its highest locality, the dot marks the average, the line the national amount.",
                $"{context.Dossier.Code}.svg", $"Chart of the Medicare {component} amounts by state listed in the table above, non-facility and facility.");
        }

        if (context.Options.LocalityTable)
        {
            var columns = new List<string> { "Locality", "State", "MAC-locality" };
            columns.AddRange(priced.SelectMany(r => new[] { $"{DossierFacts.ComponentName(r.Record.Modifier)} non-facility", $"{DossierFacts.ComponentName(r.Record.Modifier)} facility" }));
            var cells = new List<Action<ProseBuilder, Stored<GpciRecord>>>
            {
                (p, l) => p.Text(l.Record.LocalityName),
                (p, l) => p.Text(l.Record.State),
                (p, l) => p.Fact(known.Locality(l)),
            };
            foreach (var r in priced)
            {
                cells.Add((p, l) => Amount(p, known, r, l, Setting.NonFacility));
                cells.Add((p, l) => Amount(p, known, r, l, Setting.Facility));
            }

            section.Table("Medicare amount by locality", columns, localities, [.. cells]);
        }
    }

    static void Amount(ProseBuilder p, DossierFacts known, Stored<RvuRecord> row, Stored<GpciRecord>? locality, Setting setting)
    {
        if (known.Payment(row, locality, setting) is { } fact)
        {
            p.Money(fact);
        }
        else
        {
            NotApplicable(p, known, row, setting);
        }
    }

    internal static void NotApplicable(ProseBuilder p, DossierFacts known, Stored<RvuRecord> row, Setting setting)
    {
        var (field, label, value) = setting == Setting.NonFacility
            ? ("nonfacility_na", "Non-facility NA indicator", row.Record.NonFacilityNaIndicator)
            : ("facility_na", "Facility NA indicator", row.Record.FacilityNaIndicator);
        p.Fact(known.Rvu(row, field, value, label));
    }

    /// <summary>What Medicare pays in each locality: the formula, or the OPPS-capped price when lower.</summary>
    static List<decimal> Amounts(DossierFacts known, Stored<RvuRecord> row, List<Stored<GpciRecord>> localities, Setting setting) =>
        localities.Select(l => PriceCalculator.Payment(row.Record, l.Record, setting, known.Dossier.OppsCap(row.Record.Modifier, l.Record)?.Record))
            .Where(a => a is not null).Select(a => a!.Value).ToList();

    static void Range(ProseBuilder p, DossierFacts known, Stored<RvuRecord> row, List<Stored<GpciRecord>> localities, Setting setting)
    {
        var amounts = Amounts(known, row, localities, setting);
        if (amounts.Count == 0)
        {
            NotApplicable(p, known, row, setting);
            return;
        }

        var state = localities[0].Record.State;
        var key = $"pay.state.{state}.{DossierFacts.ComponentKey(row.Record.Modifier)}.{Key(setting)}";
        var source = row.Source with { File = $"{row.Source.File} + {localities[0].Source.File}" };
        if (localities.Count == 1)
        {
            p.Money(Single(known, row, localities[0], setting, amounts[0]));
            return;
        }

        var min = known.Derived(key + ".min", amounts.Min(), $"{state} {Key(setting)} minimum", source, "min over the state's localities", []);
        var max = known.Derived(key + ".max", amounts.Max(), $"{state} {Key(setting)} maximum", source, "max over the state's localities", []);
        p.Money(min);
        if (min.Value != max.Value)
        {
            p.Text(" – ").Money(max);
        }
    }

    static void Average(ProseBuilder p, DossierFacts known, Stored<RvuRecord> row, List<Stored<GpciRecord>> localities, Setting setting)
    {
        if (StateFigure(known, row, localities, setting) is { } figure)
        {
            p.Money(figure);
        }
        else
        {
            NotApplicable(p, known, row, setting);
        }
    }

    /// <summary>
    /// The state's figure for one component and setting: its sole locality's amount, else the unweighted mean of its
    /// localities to the cent; null when no locality has an amount. Commercial rates located in the state are compared with it.
    /// </summary>
    internal static Fact? StateFigure(DossierFacts known, Stored<RvuRecord> row, List<Stored<GpciRecord>> localities, Setting setting)
    {
        var amounts = Amounts(known, row, localities, setting);
        if (amounts.Count == 0)
        {
            return null;
        }

        if (localities.Count == 1)
        {
            return Single(known, row, localities[0], setting, amounts[0]);
        }

        var state = localities[0].Record.State;
        var average = Math.Round(amounts.Sum() / amounts.Count, 2, MidpointRounding.AwayFromZero);
        var source = row.Source with { File = $"{row.Source.File} + {localities[0].Source.File}" };
        return known.Derived($"pay.state.{state}.{DossierFacts.ComponentKey(row.Record.Modifier)}.{Key(setting)}.average", average,
            $"{state} {Key(setting)} average", source, "mean over the state's localities, to the cent", []);
    }

    /// <summary>A state with one locality: its range and average are that locality's amount, stated once.</summary>
    static Fact Single(DossierFacts known, Stored<RvuRecord> row, Stored<GpciRecord> locality, Setting setting, decimal amount) =>
        known.Derived($"pay.state.{locality.Record.State}.{DossierFacts.ComponentKey(row.Record.Modifier)}.{Key(setting)}", amount,
            $"{locality.Record.State} {Key(setting)} (sole locality {locality.Record.Id})",
            row.Source with { File = $"{row.Source.File} + {locality.Source.File}" }, "fee schedule formula, locality GPCIs", []);

    internal static string Key(Setting setting) => setting == Setting.NonFacility ? "nonfacility" : "facility";
}
