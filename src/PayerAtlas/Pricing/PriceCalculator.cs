using PayerAtlas.Importers.Pfs;
using PayerAtlas.Store;

namespace PayerAtlas.Pricing;

/// <summary>Where to price: every locality, one locality, one state, or the nation.</summary>
public abstract record PriceScope
{
    public sealed record All : PriceScope;
    public sealed record National : PriceScope;
    public sealed record State(string Code) : PriceScope;
    public sealed record Locality(string Mac, string Number) : PriceScope;

    /// <summary>Parses "01112-54" (MAC-locality), tolerating the CSV's dropped leading zeros ("1112-54").</summary>
    public static Locality ParseLocality(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) || parts[0].Length > 5 || parts[1].Length > 2)
        {
            throw new ArgumentException($"locality '{text}' must be <MAC>-<locality>, e.g. 01112-54");
        }

        return new Locality(parts[0].PadLeft(5, '0'), parts[1].PadLeft(2, '0'));
    }
}

/// <summary>Prices a code from a release's fee schedule and GPCIs.</summary>
public static class PriceCalculator
{
    public static PriceQuote? Quote(IReleaseReader reader, string code, string? modifier, PriceScope scope)
    {
        var rvu = reader.GetFeeSchedule(code).FirstOrDefault(r => r.Record.Modifier == (modifier ?? ""))?.Record;
        if (rvu is null)
        {
            return null;
        }

        var localities = reader.GetGpcis().Select(g => g.Record).ToList();
        var caps = reader.GetOppsCaps(code).Select(c => c.Record).Where(c => c.Modifier == rvu.Modifier && c.ProcStatus == "A").ToList();
        var selected = scope switch
        {
            PriceScope.National => [],
            PriceScope.State s => localities.Where(l => l.State == s.Code.ToUpperInvariant()).ToList(),
            PriceScope.Locality l => localities.Where(g => g.Mac == l.Mac && g.LocalityNumber == l.Number).ToList(),
            _ => localities,
        };

        var amounts = new List<LocalityAmount>();
        if (scope is PriceScope.National or PriceScope.All)
        {
            amounts.Add(National(rvu));
        }

        amounts.AddRange(selected.Select(g => ForLocality(rvu, g, caps.FirstOrDefault(c => c.Matches(g.Mac, g.LocalityNumber)))));
        var states = scope is PriceScope.State or PriceScope.All
            ? Summarize(amounts.Where(a => a.Mac is not null)).ToList()
            : [];
        return new PriceQuote(code, modifier, reader.Release.Label, rvu.ConversionFactor, rvu.StatusCode, amounts, states);
    }

    public static LocalityAmount National(RvuRecord rvu) => new(null, null, "National", null,
        MedicarePricer.Price(rvu, Gpci.National, Setting.NonFacility), MedicarePricer.Price(rvu, Gpci.National, Setting.Facility));

    public static LocalityAmount ForLocality(RvuRecord rvu, GpciRecord g, OppsCapRecord? cap = null)
    {
        var nonFacility = Payment(rvu, g, Setting.NonFacility, null);
        var facility = Payment(rvu, g, Setting.Facility, null);
        var amount = new LocalityAmount(g.Mac, g.LocalityNumber, g.LocalityName, g.State, nonFacility, facility);
        if (cap is null)
        {
            return amount;
        }

        var cappedNf = Payment(rvu, g, Setting.NonFacility, cap);
        var cappedF = Payment(rvu, g, Setting.Facility, cap);
        return cappedNf == nonFacility && cappedF == facility
            ? amount
            : amount with { NonFacility = cappedNf, Facility = cappedF, OppsCapped = true, FormulaNonFacility = nonFacility, FormulaFacility = facility };
    }

    /// <summary>The PFS formula amount, lowered to the OPPS-capped price when one applies and is lower.</summary>
    public static decimal? Payment(RvuRecord rvu, GpciRecord g, Setting setting, OppsCapRecord? cap)
    {
        var formula = MedicarePricer.Price(rvu, new Gpci(g.WorkGpci, g.PeGpci, g.MpGpci), setting);
        if (formula is null || cap is null)
        {
            return formula;
        }

        var capped = setting == Setting.NonFacility ? cap.NonFacilityPrice : cap.FacilityPrice;
        return Math.Min(formula.Value, capped);
    }

    public static IEnumerable<StateSummary> Summarize(IEnumerable<LocalityAmount> amounts) =>
        amounts.GroupBy(a => a.State!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var nf = g.Where(a => a.NonFacility is not null).Select(a => a.NonFacility!.Value).ToList();
            var f = g.Where(a => a.Facility is not null).Select(a => a.Facility!.Value).ToList();
            return new StateSummary(g.Key, g.Count(),
                nf.Count > 0 ? nf.Min() : null, nf.Count > 0 ? nf.Max() : null, Average(nf),
                f.Count > 0 ? f.Min() : null, f.Count > 0 ? f.Max() : null, Average(f));
        });

    static decimal? Average(List<decimal> values) =>
        values.Count == 0 ? null : Math.Round(values.Sum() / values.Count, 2, MidpointRounding.AwayFromZero);
}
