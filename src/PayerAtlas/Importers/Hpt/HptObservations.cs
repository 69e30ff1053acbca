using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Hpt;

/// <summary>
/// Turns one item's codes and charges into <see cref="RateObservation"/>s: one per code × payer × plan × charge
/// kind (dollar, percentage, algorithm), and one per code for each payer-independent charge (gross, discounted
/// cash, min, max). Hospital rows are institutional claims (the template has no billing-class field). Item
/// descriptions are not kept: for CPT codes they are often the AMA descriptor.
/// </summary>
internal sealed class HptObservations(HptFile file, IRateSink sink, HptTally tally)
{
    // A tall CSV repeats the item's gross/cash/min/max on every payer row, and a wide one on every row of an item
    // with several rates per payer: they are written once per run of consecutive rows stating the same ones.
    IReadOnlyList<HptCode>? lastCodes;
    HptCharge? lastCharge;

    public void Emit(IReadOnlyList<HptCode> codes, HptCharge charge, bool dedupePayerIndependent = false)
    {
        var writeIndependent = !dedupePayerIndependent || lastCharge is null || !SamePayerIndependent(codes, charge);
        (lastCodes, lastCharge) = dedupePayerIndependent ? (codes, charge) : (null, null);

        foreach (var code in codes)
        {
            if (writeIndependent)
            {
                Independent(code, charge, "gross", charge.Gross);
                Independent(code, charge, "discounted cash", charge.DiscountedCash);
                Independent(code, charge, "min", charge.Minimum);
                Independent(code, charge, "max", charge.Maximum);
            }

            foreach (var payer in charge.Payers)
            {
                var methodology = payer.Methodology ?? "";
                if (payer.Dollar is { } dollar)
                {
                    Write(Observation(code, charge, payer.Locator, payer, methodology, dollar, false, null));
                }

                if (payer.Percentage is { } percentage)
                {
                    Write(Observation(code, charge, payer.Locator, payer, methodology, percentage, true, null));
                }

                if (payer.Algorithm is { } algorithm)
                {
                    Write(Observation(code, charge, payer.Locator, payer, methodology, null, false, algorithm));
                }
            }
        }
    }

    bool SamePayerIndependent(IReadOnlyList<HptCode> codes, HptCharge charge)
    {
        var last = lastCharge!;
        if (last.Setting != charge.Setting || last.Modifiers != charge.Modifiers || last.Gross != charge.Gross
            || last.DiscountedCash != charge.DiscountedCash || last.Minimum != charge.Minimum || last.Maximum != charge.Maximum
            || lastCodes!.Count != codes.Count)
        {
            return false;
        }

        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] != lastCodes[i])
            {
                return false;
            }
        }

        return true;
    }

    void Independent(HptCode code, HptCharge charge, string kind, decimal? amount)
    {
        if (amount is { } value)
        {
            Write(Observation(code, charge, charge.Locator, null, kind, value, false, null));
        }
    }

    void Write(in RateObservation observation)
    {
        sink.Write(observation);
        tally.Observations++;
    }

    // One struct per observation (passed to the sink by reference): files hold millions of them.
    RateObservation Observation(HptCode code, HptCharge charge, string locator, HptPayerCharge? payer, string type, decimal? rate, bool percentage, string? algorithm) => new()
    {
        SourceFile = file.File,
        SourceKind = RateSourceKind.HospitalStandardCharges,
        Locator = locator,
        ReportingEntity = file.HospitalName,
        ReportingEntityType = "hospital",
        Payer = payer?.Payer ?? "",
        Plan = payer?.Plan,
        BillingCode = code.Code,
        BillingCodeType = code.Type,
        Modifiers = charge.Modifiers,
        NegotiatedType = type,
        Rate = rate,
        RateIsPercentage = percentage,
        Algorithm = algorithm,
        BillingClass = BillingClass.Institutional,
        Setting = charge.Setting,
        ProviderNpiCount = file.Type2Npis.Count,
        State = file.State,
        AdditionalInformation = payer?.Notes,
    };

    /// <summary>"50|62" or ["62", "50"] → "50:62" (upper case, sorted), as <see cref="RateObservation.Modifiers"/> wants.</summary>
    public static string Modifiers(IEnumerable<string> parts) =>
        parts.All(string.IsNullOrWhiteSpace) ? "" : string.Join(':', parts.SelectMany(p => p.Split('|')).Select(p => p.Trim().ToUpperInvariant()).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal));
}
