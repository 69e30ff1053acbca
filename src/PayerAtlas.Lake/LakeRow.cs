using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// An observation as the writer's hand-off batches hold it: its shared columns as the reader's <see cref="RateItem"/>
/// (one instance for a run of prices, so a row copies one reference for them, not fourteen), its price columns and
/// numbers inline. Copied field by field: a whole <see cref="RateObservation"/> copied into a long-lived array took a
/// bulk move and a card-table update per row (~80 ns, perf).
/// </summary>
internal struct LakeRow
{
    /// <summary>The shared columns (see <see cref="LakeStrings.ItemColumns"/>); never changed once handed over.</summary>
    public RateItem Item;
    public string Modifiers;
    public string NegotiatedType;
    public string? Algorithm;
    public BillingClass? BillingClass;
    public string? Setting;
    public string PlacesOfService;
    public string? State;
    public string? AdditionalInformation;
    /// <summary>The locator's numbers (<see cref="RateLocator.Shape"/>, indices, offset) apart from its text: a struct
    /// without references copies in two vector moves, where the whole <see cref="RateLocator"/> took a write-barrier
    /// helper and a <c>rep movsq</c> (a third of this copy's time, perf).</summary>
    public LocatorNumbers LocatorNumbers;
    public string? LocatorText;
    public decimal? Rate;
    public bool RateIsPercentage;
    public decimal? BilledCharge;
    public int ProviderNpiCount;
    public int ProviderTinCount;
    public DateOnly? ExpirationDate;

    public readonly string Payer => Item.Payer;
    public readonly string BillingCode => Item.BillingCode;

    /// <summary>Copies <paramref name="o"/>'s price columns and numbers; <paramref name="item"/> holds its shared columns.</summary>
    public void Set(RateItem item, in RateObservation o)
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
        var locator = o.Locator;
        LocatorNumbers = new LocatorNumbers(in locator);
        LocatorText = locator.TextValue;
        Rate = o.Rate;
        RateIsPercentage = o.RateIsPercentage;
        BilledCharge = o.BilledCharge;
        ProviderNpiCount = o.ProviderNpiCount;
        ProviderTinCount = o.ProviderTinCount;
        ExpirationDate = o.ExpirationDate;
    }

    /// <summary>Copies a price of <paramref name="item"/> (no algorithm, state or billed charge: a TiC in-network price has none).</summary>
    public void Set(RateItem item, in RatePrice p)
    {
        Item = item;
        Modifiers = p.Modifiers;
        NegotiatedType = p.NegotiatedType;
        Algorithm = null;
        BillingClass = p.BillingClass;
        Setting = p.Setting;
        PlacesOfService = p.PlacesOfService;
        State = null;
        AdditionalInformation = p.AdditionalInformation;
        LocatorNumbers = new LocatorNumbers(in p.Locator);
        LocatorText = p.Locator.TextValue;
        Rate = p.Rate;
        RateIsPercentage = p.RateIsPercentage;
        BilledCharge = null;
        ProviderNpiCount = p.ProviderNpiCount;
        ProviderTinCount = p.ProviderTinCount;
        ExpirationDate = p.ExpirationDate;
    }
}

/// <summary>A <see cref="RateLocator"/>'s shape, indices and byte offset: what a row holds of it besides its text.</summary>
internal readonly struct LocatorNumbers
{
    public readonly RateLocatorShape Shape;
    public readonly int A, B, C, D;
    public readonly long Offset;

    public LocatorNumbers(in RateLocator locator)
    {
        Shape = locator.Shape;
        (A, B, C, D) = locator.Indices;
        Offset = locator.RawOffset;
    }
}
