using PayerAtlas.Importers.Pfs;

namespace PayerAtlas.Pricing;

public enum Setting
{
    NonFacility,
    Facility,
}

/// <summary>
/// The Medicare PFS payment formula:
/// [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × conversion factor,
/// in decimal, rounded once at the end to the cent (half away from zero), as CMS publishes amounts.
/// </summary>
public static class MedicarePricer
{
    /// <summary>Only RVUs of status A (active), R (restricted) and T (injections) are used for payment (RVU file, Attachment A).</summary>
    public static bool IsPriced(RvuRecord rvu) => rvu.StatusCode is "A" or "R" or "T";

    /// <summary>The amount, or null when the code is not priced nationally or the setting carries an NA indicator.</summary>
    public static decimal? Price(RvuRecord rvu, Gpci gpci, Setting setting)
    {
        if (!IsPriced(rvu))
        {
            return null;
        }

        var (pe, notApplicable) = setting == Setting.NonFacility
            ? (rvu.NonFacilityPeRvu, rvu.NonFacilityNotApplicable)
            : (rvu.FacilityPeRvu, rvu.FacilityNotApplicable);
        if (notApplicable)
        {
            return null;
        }

        var total = rvu.WorkRvu * gpci.Work + pe * gpci.Pe + rvu.MpRvu * gpci.Mp;
        return Math.Round(total * rvu.ConversionFactor, 2, MidpointRounding.AwayFromZero);
    }
}

/// <summary>The three geographic practice cost indices of a locality; all 1.0 for the national amount.</summary>
public readonly record struct Gpci(decimal Work, decimal Pe, decimal Mp)
{
    public static readonly Gpci National = new(1m, 1m, 1m);
}
