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
    string? lastPayerIndependent;

    public void Emit(IReadOnlyList<HptCode> codes, HptCharge charge, bool dedupePayerIndependent = false)
    {
        var key = dedupePayerIndependent
            ? string.Join('\u001f', codes.Select(c => c.Type + ":" + c.Code)) + $"\u001f{charge.Setting}\u001f{charge.Modifiers}\u001f{charge.Gross}\u001f{charge.DiscountedCash}\u001f{charge.Minimum}\u001f{charge.Maximum}"
            : null;
        var writeIndependent = key is null || key != lastPayerIndependent;
        lastPayerIndependent = key;

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
                    Write(Base(code, charge, payer.Locator) with { Payer = payer.Payer, Plan = payer.Plan, NegotiatedType = methodology, Rate = dollar, AdditionalInformation = payer.Notes });
                }

                if (payer.Percentage is { } percentage)
                {
                    Write(Base(code, charge, payer.Locator) with { Payer = payer.Payer, Plan = payer.Plan, NegotiatedType = methodology, Rate = percentage, RateIsPercentage = true, AdditionalInformation = payer.Notes });
                }

                if (payer.Algorithm is { } algorithm)
                {
                    Write(Base(code, charge, payer.Locator) with { Payer = payer.Payer, Plan = payer.Plan, NegotiatedType = methodology, Algorithm = algorithm, AdditionalInformation = payer.Notes });
                }
            }
        }
    }

    void Independent(HptCode code, HptCharge charge, string kind, decimal? amount)
    {
        if (amount is { } value)
        {
            Write(Base(code, charge, charge.Locator) with { NegotiatedType = kind, Rate = value });
        }
    }

    void Write(RateObservation observation)
    {
        sink.Write(observation);
        tally.Observations++;
    }

    RateObservation Base(HptCode code, HptCharge charge, string locator) => new()
    {
        SourceFile = file.File,
        SourceKind = RateSourceKind.HospitalStandardCharges,
        Locator = locator,
        ReportingEntity = file.HospitalName,
        ReportingEntityType = "hospital",
        Payer = "",
        BillingCode = code.Code,
        BillingCodeType = code.Type,
        Modifiers = charge.Modifiers,
        NegotiatedType = "",
        BillingClass = BillingClass.Institutional,
        Setting = charge.Setting,
        ProviderNpiCount = file.Type2Npis.Count,
        State = file.State,
    };

    /// <summary>"50|62" or ["62", "50"] → "50:62" (upper case, sorted), as <see cref="RateObservation.Modifiers"/> wants.</summary>
    public static string Modifiers(IEnumerable<string> parts) =>
        string.Join(':', parts.SelectMany(p => p.Split('|')).Select(p => p.Trim().ToUpperInvariant()).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal));
}
