using PayerAtlas.Dossiers;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Pricing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Publishing.Sections;
using PayerAtlas.Rates;
using PayerAtlas.Store;

namespace PayerAtlas.Publishing;

/// <summary>
/// The Medicare amount a commercial benchmark is compared with: professional rates against the non-facility
/// amount, institutional rates against the facility amount; the professional-component (26) or technical-component
/// (TC) row when the rates carry that modifier, else the global row; the state's figure when the rates are
/// located in a state the GPCI file knows, else the national amount. No match for rates billed on either form.
/// </summary>
public sealed record MedicareMatch(Stored<RvuRecord> Row, Setting Setting, IReadOnlyList<Stored<GpciRecord>> Localities)
{
    public string? State => Localities.Count > 0 ? Localities[0].Record.State : null;

    /// <summary>"national facility", "CA facility".</summary>
    public string Where => $"{State ?? "national"} {(Setting == Setting.NonFacility ? "non-facility" : "facility")}";

    public static MedicareMatch? For(Dossier dossier, RateBenchmark benchmark)
    {
        Setting? setting = benchmark.BillingClass switch
        {
            BillingClass.Professional => Setting.NonFacility,
            BillingClass.Institutional => Setting.Facility,
            _ => null,
        };
        var modifiers = benchmark.Modifiers.Split(':');
        var row = dossier.Row(modifiers.Contains("26") ? "26" : modifiers.Contains("TC") ? "TC" : "");
        if (setting is null || row is null || !MedicarePricer.IsPriced(row.Record))
        {
            return null;
        }

        var localities = benchmark.State is null ? [] : dossier.Localities.Where(l => l.Record.State == benchmark.State).ToList();
        return new MedicareMatch(row, setting.Value, localities);
    }

    /// <summary>
    /// The Medicare amount matching <paramref name="benchmark"/> as a number (null when nothing matches or the setting
    /// is NA) and the benchmark's median as a percentage of it: the same figures the publication states.
    /// </summary>
    public static (MedicareMatch? Match, decimal? Amount, decimal? PercentOfMedicare) Compare(Dossier dossier, RateBenchmark benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var match = For(dossier, benchmark);
        if (match?.Amount(new DossierFacts(dossier, new FactBook())) is not { } fact)
        {
            return (match, null, null);
        }

        var amount = decimal.Parse(fact.Value, System.Globalization.CultureInfo.InvariantCulture);
        return (match, amount, amount == 0 ? null : Percent(benchmark.Median, amount));
    }

    /// <summary>The median (rounded to cents) as a percentage of the Medicare amount, to one decimal.</summary>
    public static decimal Percent(decimal median, decimal medicare) =>
        Math.Round(Math.Round(median, 2, MidpointRounding.AwayFromZero) / medicare * 100, 1, MidpointRounding.AwayFromZero);

    /// <summary>The amount as a fact (the same fact the Medicare tables state), or null when the setting is NA.</summary>
    public Fact? Amount(DossierFacts known) =>
        Localities.Count > 0
            ? ReimbursementWriter.StateFigure(known, Row, [.. Localities], Setting)
            : known.Payment(Row, null, Setting);
}
