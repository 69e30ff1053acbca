using System.Text.Json;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

internal sealed partial class TicParser
{
    static readonly string[] NegotiatedTypes = ["negotiated", "derived", "fee schedule", "percentage", "per diem"];
    static readonly string[] Settings = ["inpatient", "outpatient", "both"];

    readonly ItemState item = new();
    readonly List<Price> ratePrices = [];
    readonly List<long> ids = [];
    readonly List<long> idOffsets = [];

    /// <summary>
    /// One <c>in_network</c> element. Prices are emitted per negotiated rate as soon as the rate's providers and the
    /// element's code fields are known; when the code fields come after the rates (key order is free in JSON), the
    /// element's prices wait in <see cref="ItemState.Pending"/> until the element ends.
    /// </summary>
    void ParseInNetworkItem(ref Utf8JsonReader r, int k, int firstRate, bool allowDefer)
    {
        var start = j.Offset(r.TokenStartIndex);
        item.Reset();
        if (fastRates)
        {
            TryFastItemHead(ref r, k, firstRate, allowDefer);
        }

        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref r);
            if (name.SequenceEqual("negotiated_rates"u8))
            {
                ParseRates(ref r, k, firstRate, allowDefer);
            }
            else if (name.SequenceEqual("billing_code"u8))
            {
                item.Code = ReadString(ref r, "billing_code");
            }
            else if (name.SequenceEqual("billing_code_type"u8))
            {
                item.CodeType = ReadString(ref r, "billing_code_type");
            }
            else if (name.SequenceEqual("billing_code_type_version"u8))
            {
                item.CodeTypeVersion = ReadString(ref r, "billing_code_type_version");
            }
            else if (name.SequenceEqual("negotiation_arrangement"u8))
            {
                item.Arrangement = ReadEnum(ref r, "negotiation_arrangement", Arrangements);
            }
            else if (name.SequenceEqual("name"u8))
            {
                SkipString(ref r, "name");
                item.SawName = true;
            }
            else if (name.SequenceEqual("description"u8))
            {
                SkipString(ref r, "description");
                item.SawDescription = true;
            }
            else if (name.SequenceEqual("bundled_codes"u8) || name.SequenceEqual("covered_services"u8))
            {
                ReadContainedCodes(ref r, name.SequenceEqual("bundled_codes"u8) ? "bundled_codes" : "covered_services");
            }
            else
            {
                j.Skip(ref r);
            }
        }

        if (item.Arrangement is null)
        {
            Missing(start, "negotiation_arrangement");
        }

        if (!item.SawName)
        {
            Missing(start, "name");
        }

        if (item.CodeType is null)
        {
            Missing(start, "billing_code_type");
        }

        if (item.CodeTypeVersion is null)
        {
            Missing(start, "billing_code_type_version");
        }

        if (item.Code is null)
        {
            Missing(start, "billing_code");
        }

        if (!item.SawDescription)
        {
            Missing(start, "description");
        }

        if (!item.SawRates)
        {
            Missing(start, "negotiated_rates");
        }

        foreach (ref readonly var p in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(item.Pending))
        {
            EmitInNetwork(in p, k);
        }
    }

    /// <summary><c>bundled_codes</c> / <c>covered_services</c>: checked for shape; the codes a bundle covers are not observations.</summary>
    void ReadContainedCodes(ref Utf8JsonReader r, string property)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, property);
        path.PushIndex(property);
        var i = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(i++);
            Expect(ref r, JsonTokenType.StartObject, "");
            j.Skip(ref r);
        }

        path.Pop();
        item.ContainedCodes += i;
    }

    void ParseRates(ref Utf8JsonReader r, int k, int firstRate, bool allowDefer)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, "negotiated_rates");
        ParseRateElements(ref r, k, firstRate, allowDefer);
    }

    /// <summary>The elements of <c>negotiated_rates</c>, the reader on its <c>[</c>.</summary>
    void ParseRateElements(ref Utf8JsonReader r, int k, int firstRate, bool allowDefer)
    {
        item.SawRates = true;
        path.PushIndex("negotiated_rates");
        var i = 0;
        JsonReaderState? afterRate = null;
        while (true)
        {
            if (fastRates && i >= firstRate)
            {
                i += TryFastRates(ref r, k, i, ref afterRate);
            }

            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(i);
            Expect(ref r, JsonTokenType.StartObject, "");
            ParseRate(ref r, k, i, i >= firstRate, allowDefer);
            afterRate = r.CurrentState;
            i++;
        }

        path.Pop();
    }

    void ParseRate(ref Utf8JsonReader r, int k, int rateIndex, bool emit, bool allowDefer)
    {
        var start = j.Offset(r.TokenStartIndex);
        ratePrices.Clear();
        ids.Clear();
        idOffsets.Clear();
        ProviderSetSummary? listed = null;
        InlineProviders? inline = null;
        var sawPrices = false;
        var sawReferences = false;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref r);
            if (name.SequenceEqual("negotiated_prices"u8))
            {
                sawPrices = true;
                ParsePrices(ref r, rateIndex);
            }
            else if (name.SequenceEqual("provider_references"u8))
            {
                sawReferences = true;
                listed = ReadReferenceList(ref r, k, allowDefer);
            }
            else if (name.SequenceEqual("provider_groups"u8))
            {
                j.Read(ref r);
                inline = ReadInlineGroups(ref r, "provider_groups");
            }
            else
            {
                j.Skip(ref r);
            }
        }

        if (!sawPrices)
        {
            Missing(start, "negotiated_prices");
        }

        if (!sawReferences && inline is null)
        {
            Missing(start, "provider_references", "provider_groups");
        }

        if (!emit)
        {
            return;
        }

        var summary = (listed, inline) switch
        {
            (null, { } g) => g.Summary,
            ({ } l, null) => l,
            ({ }, { } g) => providers.Union(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), g),
            _ => ProviderSetSummary.Empty,
        };

        EmitRate(k, rateIndex, summary);
    }

    /// <summary>The rate's prices (in <see cref="ratePrices"/>) out now, or kept until the element's code fields are known.</summary>
    void EmitRate(int k, int rateIndex, ProviderSetSummary summary)
    {
        if (item.Code is not null && item.CodeType is not null && item.Arrangement is not null && item.Pending.Count == 0)
        {
            foreach (ref var p in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ratePrices))
            {
                p.Providers = summary;
                EmitInNetwork(in p, k);
            }

            item.EmittedRates = rateIndex + 1;
        }
        else
        {
            foreach (var p in ratePrices)
            {
                item.Pending.Add(p with { Providers = summary });
            }
        }
    }

    void ParsePrices(ref Utf8JsonReader r, int rateIndex)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, "negotiated_prices");
        path.PushIndex("negotiated_prices");
        var i = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(i);
            Expect(ref r, JsonTokenType.StartObject, "");
            ratePrices.Add(ParsePrice(ref r, rateIndex, i));
            i++;
        }

        path.Pop();
    }

    Price ParsePrice(ref Utf8JsonReader r, int rateIndex, int priceIndex)
    {
        var p = new Price { RateIndex = rateIndex, PriceIndex = priceIndex, Offset = j.Offset(r.TokenStartIndex) };
        var sawRate = false;
        var sawClass = false;
        var sawExpiration = false;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref r);
            if (name.SequenceEqual("negotiated_rate"u8))
            {
                p.Rate = ReadDecimal(ref r, "negotiated_rate");
                if (p.Rate < 0)
                {
                    throw Fail(ref r, "negotiated_rate", "a negotiated rate cannot be negative");
                }

                sawRate = true;
            }
            else if (name.SequenceEqual("negotiated_type"u8))
            {
                p.NegotiatedType = ReadNegotiatedType(ref r);
            }
            else if (name.SequenceEqual("service_code"u8))
            {
                p.PlacesOfService = ReadJoinedStrings(ref r, "service_code", upper: false);
            }
            else if (name.SequenceEqual("billing_class"u8))
            {
                p.BillingClass = ReadBillingClass(ref r);
                sawClass = true;
            }
            else if (name.SequenceEqual("expiration_date"u8))
            {
                p.Expiration = ReadDate(ref r, "expiration_date");
                sawExpiration = true;
            }
            else if (name.SequenceEqual("setting"u8))
            {
                p.Setting = ReadSetting(ref r);
            }
            else if (name.SequenceEqual("billing_code_modifier"u8))
            {
                p.Modifiers = ReadJoinedStrings(ref r, "billing_code_modifier", upper: true);
            }
            else if (name.SequenceEqual("additional_information"u8))
            {
                p.AdditionalInformation = ReadString(ref r, "additional_information");
            }
            else
            {
                j.Skip(ref r);
            }
        }

        if (p.NegotiatedType is null)
        {
            Missing(p.Offset, "negotiated_type");
        }

        if (!sawRate)
        {
            Missing(p.Offset, "negotiated_rate");
        }

        if (!sawExpiration)
        {
            Missing(p.Offset, "expiration_date");
        }

        if (!sawClass)
        {
            Missing(p.Offset, "billing_class");
        }

        if (p.Setting is null && frozen!.RequiresSetting)
        {
            Missing(p.Offset, "setting");
        }

        return p;
    }

    /// <summary><c>negotiated_type</c> matched on its bytes: no string is made for the five allowed values.</summary>
    string ReadNegotiatedType(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped)
        {
            var s = r.ValueSpan;
            if (s.SequenceEqual("negotiated"u8))
            {
                return NegotiatedTypes[0];
            }

            if (s.SequenceEqual("fee schedule"u8))
            {
                return NegotiatedTypes[2];
            }

            if (s.SequenceEqual("derived"u8))
            {
                return NegotiatedTypes[1];
            }

            if (s.SequenceEqual("percentage"u8))
            {
                return NegotiatedTypes[3];
            }

            if (s.SequenceEqual("per diem"u8))
            {
                return NegotiatedTypes[4];
            }
        }

        return Enum(ref r, "negotiated_type", NegotiatedTypes);
    }

    string ReadSetting(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped)
        {
            var s = r.ValueSpan;
            if (s.SequenceEqual("outpatient"u8))
            {
                return Settings[1];
            }

            if (s.SequenceEqual("inpatient"u8))
            {
                return Settings[0];
            }

            if (s.SequenceEqual("both"u8))
            {
                return Settings[2];
            }
        }

        return Enum(ref r, "setting", Settings);
    }

    void EmitInNetwork(in Price p, int k)
    {
        var h = frozen!;
        var providerSet = p.Providers;
        sink.Write(new RateObservation
        {
            SourceFile = source.Name,
            SourceKind = RateSourceKind.TicInNetwork,
            Locator = RateLocator.InNetworkPrice(k, p.RateIndex, p.PriceIndex, p.Offset),
            ReportingEntity = h.ReportingEntity,
            ReportingEntityType = h.ReportingEntityType,
            Payer = h.Payer,
            Plan = h.Plan,
            PlanId = h.PlanId,
            PlanIdType = h.PlanIdType,
            PlanMarketType = h.PlanMarketType,
            Network = providerSet.Network,
            BillingCode = item.Code!,
            BillingCodeType = item.CodeType!,
            BillingCodeTypeVersion = item.CodeTypeVersion,
            Modifiers = p.Modifiers,
            NegotiationArrangement = item.Arrangement,
            NegotiatedType = p.NegotiatedType!,
            Rate = p.Rate,
            RateIsPercentage = p.NegotiatedType == "percentage",
            BillingClass = p.BillingClass,
            Setting = p.Setting,
            PlacesOfService = p.PlacesOfService,
            ProviderNpiCount = providerSet.NpiCount,
            ProviderTinCount = providerSet.TinCount,
            ExpirationDate = p.Expiration,
            AdditionalInformation = p.AdditionalInformation,
        });
        observations++;
    }

    /// <summary>One negotiated price as read, before it becomes an observation.</summary>
    record struct Price
    {
        public int RateIndex;
        public int PriceIndex;
        public long Offset;
        public string? NegotiatedType;
        public decimal Rate;
        public BillingClass BillingClass;
        public string? Setting;
        public string PlacesOfService;
        public string Modifiers;
        public DateOnly Expiration;
        public string? AdditionalInformation;
        public ProviderSetSummary Providers;

        public Price()
        {
            PlacesOfService = "";
            Modifiers = "";
        }
    }

    sealed class ItemState
    {
        public string? Code;
        public string? CodeType;
        public string? CodeTypeVersion;
        public string? Arrangement;
        public bool SawName;
        public bool SawDescription;
        public bool SawRates;
        public int ContainedCodes;
        public int EmittedRates;
        public readonly List<Price> Pending = [];

        public void Reset()
        {
            Code = CodeType = CodeTypeVersion = Arrangement = null;
            SawName = SawDescription = SawRates = false;
            ContainedCodes = EmittedRates = 0;
            Pending.Clear();
        }
    }
}
