using PayerAtlas.Rates;

namespace PayerAtlas.Lake.Tests;

/// <summary>Observations built in tests, seeded so every run writes the same rows.</summary>
public static class Observations
{
    public static RateObservation Rate(string payer, string code, decimal? rate, string source = "in-network.json", int i = 0) => new()
    {
        SourceFile = source,
        SourceKind = RateSourceKind.TicInNetwork,
        Locator = $"$.in_network[{i}].negotiated_rates[0].negotiated_prices[0] @ {i * 100}",
        ReportingEntity = "Test Reporting Entity",
        Payer = payer,
        Plan = "Test PPO",
        PlanId = "12-3456789",
        PlanIdType = "EIN",
        BillingCode = code,
        BillingCodeType = "CPT",
        BillingCodeTypeVersion = "2026",
        NegotiationArrangement = "ffs",
        NegotiatedType = "negotiated",
        Rate = rate,
        BillingClass = BillingClass.Professional,
        PlacesOfService = "11:22",
        ProviderNpiCount = 3,
        ProviderTinCount = 1,
        ExpirationDate = new DateOnly(9999, 12, 31),
    };

    /// <summary>count rows over a few payers and codes with seeded rates in cents.</summary>
    public static List<RateObservation> Many(int count, int seed = 7)
    {
        var random = new Random(seed);
        string[] payers = ["Acme Health", "Blue Plan of Somewhere", "Cigna-Like Co."];
        string[] codes = ["77054", "77053", "70551", "99213", "G0202", "J1100"];
        return Enumerable.Range(0, count)
            .Select(i => Rate(payers[i % payers.Length], codes[random.Next(codes.Length)], random.Next(1_000, 90_000) / 100m, i: i))
            .ToList();
    }
}
