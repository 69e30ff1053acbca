using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// An observation as the writer's hand-off batches hold it: its 14 item columns as one array shared by the rows of
/// an item (the reader's thread makes a new one only when they change, so a row copies one reference for them, not
/// fourteen), its price columns and numbers inline. Copied field by field: a whole <see cref="RateObservation"/>
/// copied into a long-lived array took a bulk move and a card-table update per row (~80 ns, perf).
/// </summary>
internal struct LakeRow
{
    /// <summary>The item columns in <see cref="LakeStrings.ItemColumns"/> order; never changed once handed over.</summary>
    public string?[] Item;
    public string Modifiers;
    public string NegotiatedType;
    public string? Algorithm;
    public BillingClass? BillingClass;
    public string? Setting;
    public string PlacesOfService;
    public string? State;
    public string? AdditionalInformation;
    public RateLocator Locator;
    public decimal? Rate;
    public bool RateIsPercentage;
    public decimal? BilledCharge;
    public int ProviderNpiCount;
    public int ProviderTinCount;
    public DateOnly? ExpirationDate;

    public string Payer => Item[4]!;
    public string BillingCode => Item[10]!;

    /// <summary>Copies <paramref name="o"/>'s price columns and numbers; <paramref name="item"/> holds its item columns.</summary>
    public void Set(string?[] item, in RateObservation o)
    {
        Item = item;
        Modifiers = o.Modifiers;
        NegotiatedType = o.NegotiatedType;
        Algorithm = o.Algorithm;
        BillingClass = o.BillingClass;
        Setting = o.Setting;
        PlacesOfService = o.PlacesOfService;
        State = o.State;
        AdditionalInformation = o.AdditionalInformation;
        Locator = o.Locator;
        Rate = o.Rate;
        RateIsPercentage = o.RateIsPercentage;
        BilledCharge = o.BilledCharge;
        ProviderNpiCount = o.ProviderNpiCount;
        ProviderTinCount = o.ProviderTinCount;
        ExpirationDate = o.ExpirationDate;
    }
}
