namespace PayerAtlas.Rates;

/// <summary>
/// One price's own columns — what differs between the prices of one <see cref="RateItem"/>: with it, the same row as a
/// <see cref="RateObservation"/> (<see cref="RateItem.Observation"/>). Fields, not properties: readers fill it in place
/// in their buffers, and a file holds millions.
/// </summary>
public struct RatePrice
{
    public RateLocator Locator;

    /// <summary>As <see cref="RateObservation.NegotiatedType"/>.</summary>
    public string NegotiatedType;
    public decimal? Rate;
    public bool RateIsPercentage;
    public BillingClass? BillingClass;
    public string? Setting;

    /// <summary>As <see cref="RateObservation.PlacesOfService"/>: sorted, joined with <c>:</c>, empty when not stated.</summary>
    public string PlacesOfService;

    /// <summary>As <see cref="RateObservation.Modifiers"/>: upper case, sorted, joined with <c>:</c>, empty when none.</summary>
    public string Modifiers;
    public DateOnly? ExpirationDate;
    public string? AdditionalInformation;
    public int ProviderNpiCount;
    public int ProviderTinCount;

    public RatePrice()
    {
        NegotiatedType = "";
        PlacesOfService = "";
        Modifiers = "";
    }
}
