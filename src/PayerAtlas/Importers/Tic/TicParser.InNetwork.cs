using System.Text.Json;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

internal sealed partial class TicParser
{
    static readonly string[] NegotiatedTypes = ["negotiated", "derived", "fee schedule", "percentage", "per diem"];
    static readonly string[] Settings = ["inpatient", "outpatient", "both"];

    readonly ItemState item = new();
    readonly PriceBuffer ratePrices = new();
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

        foreach (var (price, network) in item.Pending)
        {
            EmitPrices(network, [price]);
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
                ParsePrices(ref r, k, rateIndex);
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

        EmitRate(rateIndex, summary);
    }

    /// <summary>The rate's prices (in <see cref="ratePrices"/>) out now, or kept until the element's code fields are known.</summary>
    void EmitRate(int rateIndex, ProviderSetSummary summary)
    {
        var prices = ratePrices.Span;
        foreach (ref var p in prices)
        {
            p.ProviderNpiCount = summary.NpiCount;
            p.ProviderTinCount = summary.TinCount;
        }

        if (item.Code is not null && item.CodeType is not null && item.Arrangement is not null && item.Pending.Count == 0)
        {
            EmitPrices(summary.Network, prices);
            item.EmittedRates = rateIndex + 1;
        }
        else
        {
            foreach (var p in prices)
            {
                item.Pending.Add((p, summary.Network));
            }
        }
    }

    void ParsePrices(ref Utf8JsonReader r, int k, int rateIndex)
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
            ParsePrice(ref r, ref ratePrices.Add(), k, rateIndex, i);
            i++;
        }

        path.Pop();
    }

    /// <summary>One price object into <paramref name="p"/> (a fresh slot of <see cref="ratePrices"/>).</summary>
    void ParsePrice(ref Utf8JsonReader r, ref RatePrice p, int k, int rateIndex, int priceIndex)
    {
        var offset = j.Offset(r.TokenStartIndex);
        p.Locator = RateLocator.InNetworkPrice(k, rateIndex, priceIndex, offset);
        var sawType = false;
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
                p.RateIsPercentage = p.NegotiatedType == NegotiatedTypes[3];
                sawType = true;
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
                p.ExpirationDate = ReadDate(ref r, "expiration_date");
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

        if (!sawType)
        {
            Missing(offset, "negotiated_type");
        }

        if (!sawRate)
        {
            Missing(offset, "negotiated_rate");
        }

        if (!sawExpiration)
        {
            Missing(offset, "expiration_date");
        }

        if (!sawClass)
        {
            Missing(offset, "billing_class");
        }

        if (p.Setting is null && frozen!.RequiresSetting)
        {
            Missing(offset, "setting");
        }
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

    /// <summary>
    /// Prices of the current element with one provider set's network, to the sink: as they are to an
    /// <see cref="IRatePriceSink"/>, else one observation each.
    /// </summary>
    void EmitPrices(string? network, ReadOnlySpan<RatePrice> prices)
    {
        var shared = ItemFor(network);
        if (priceSink is not null)
        {
            priceSink.Write(shared, prices);
        }
        else
        {
            foreach (ref readonly var p in prices)
            {
                sink.Write(shared.Observation(in p));
            }
        }

        observations += prices.Length;
    }

    /// <summary>
    /// The element's shared columns with <paramref name="network"/>: the same instance while neither changes, and the
    /// one an earlier element of the same code made when all its columns are the same instances (the lake writer then
    /// knows it by reference instead of comparing its 14 columns). Remembered in a direct-mapped table by the code's
    /// characters: a collision only makes a new instance.
    /// </summary>
    RateItem ItemFor(string? network)
    {
        if (item.Shared is { } shared && ReferenceEquals(shared.Network, network))
        {
            return shared;
        }

        var h = frozen!;
        var code = item.Code!;
        ref var slot = ref sharedItems[SharedSlot(code, network)];
        if (slot.Item is { } known && ReferenceEquals(slot.Header, h)
            && ReferenceEquals(known.BillingCode, code)
            && ReferenceEquals(known.Network, network)
            && ReferenceEquals(known.BillingCodeType, item.CodeType)
            && ReferenceEquals(known.BillingCodeTypeVersion, item.CodeTypeVersion)
            && ReferenceEquals(known.NegotiationArrangement, item.Arrangement))
        {
            return item.Shared = known;
        }

        var made = new RateItem
        {
            SourceFile = source.Name,
            SourceKind = RateSourceKind.TicInNetwork,
            ReportingEntity = h.ReportingEntity,
            ReportingEntityType = h.ReportingEntityType,
            Payer = h.Payer,
            Plan = h.Plan,
            PlanId = h.PlanId,
            PlanIdType = h.PlanIdType,
            PlanMarketType = h.PlanMarketType,
            Network = network,
            BillingCode = code,
            BillingCodeType = item.CodeType!,
            BillingCodeTypeVersion = item.CodeTypeVersion,
            NegotiationArrangement = item.Arrangement,
        };
        slot = (h, made);
        return item.Shared = made;
    }

    /// <summary>Slots of <see cref="sharedItems"/>, a power of two (a file has a few thousand codes, rarely more than 20,000).</summary>
    const int SharedSlots = 1 << 14;

    /// <summary>The last shared columns made per slot, with the header they were made under.</summary>
    readonly (ObservationHeader? Header, RateItem? Item)[] sharedItems = new (ObservationHeader?, RateItem?)[SharedSlots];

    /// <summary>A code's slot: its last six characters and length, and the network's length (no hashing of identities).</summary>
    static int SharedSlot(string code, string? network)
    {
        var h = (uint)code.Length;
        foreach (var c in code.AsSpan(Math.Max(0, code.Length - 6)))
        {
            h = (h * 31) + c;
        }

        h += (uint)(network?.Length ?? 0) * 0x9E3779B1u;
        h ^= h >> 13;
        return (int)(h * 0x85EBCA77u >> 18);
    }

    /// <summary>A rate's prices as read, each filled in place in its slot (no copy per price).</summary>
    sealed class PriceBuffer
    {
        RatePrice[] slots = new RatePrice[16];

        public int Count { get; private set; }

        public Span<RatePrice> Span => slots.AsSpan(0, Count);

        /// <summary>A fresh slot at the end.</summary>
        public ref RatePrice Add()
        {
            if (Count == slots.Length)
            {
                Array.Resize(ref slots, slots.Length * 2);
            }

            // Field by field: assigning a new RatePrice() copies a stack temporary with a bulk move and card marking.
            ref var slot = ref slots[Count++];
            slot.Locator = default;
            slot.NegotiatedType = "";
            slot.Rate = null;
            slot.RateIsPercentage = false;
            slot.BillingClass = null;
            slot.Setting = null;
            slot.PlacesOfService = "";
            slot.Modifiers = "";
            slot.ExpirationDate = null;
            slot.AdditionalInformation = null;
            slot.ProviderNpiCount = 0;
            slot.ProviderTinCount = 0;
            return ref slot;
        }

        public void Clear() => Count = 0;
    }

    sealed class ItemState
    {
        string? code, codeType, codeTypeVersion, arrangement;

        // Each resets the shared columns made from them (a repeated key in the element changes them for what follows).
        public string? Code { get => code; set => (code, Shared) = (value, null); }
        public string? CodeType { get => codeType; set => (codeType, Shared) = (value, null); }
        public string? CodeTypeVersion { get => codeTypeVersion; set => (codeTypeVersion, Shared) = (value, null); }
        public string? Arrangement { get => arrangement; set => (arrangement, Shared) = (value, null); }
        public bool SawName;
        public bool SawDescription;
        public bool SawRates;
        public int ContainedCodes;
        public int EmittedRates;

        /// <summary>The element's shared columns as last emitted (<see cref="ItemFor"/>).</summary>
        public RateItem? Shared;

        /// <summary>Prices read before the element's code fields, with their provider set's network.</summary>
        public readonly List<(RatePrice Price, string? Network)> Pending = [];

        public void Reset()
        {
            Code = CodeType = CodeTypeVersion = Arrangement = null;
            SawName = SawDescription = SawRates = false;
            ContainedCodes = EmittedRates = 0;
            Shared = null;
            Pending.Clear();
        }
    }
}
