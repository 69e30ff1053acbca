using System.Text.Json;
using PayerAtlas.Rates;

namespace PayerAtlas.Importers.Tic;

internal sealed partial class TicParser
{
    readonly List<Allowed> allowedPending = [];

    /// <summary>
    /// One <c>out_of_network</c> element. Every (payment × provider) becomes an observation: Rate = the allowed amount
    /// (what the plan allowed for the service), BilledCharge = that provider's billed charge, NPI count = the
    /// provider entry's NPIs, TIN count = 1 (the entry's TIN). An element's observations are buffered until it ends
    /// because its code fields may follow its amounts; allowed-amount elements are small (claims-level summaries).
    /// </summary>
    void ParseAllowedAmountItem(ref Utf8JsonReader r, int k)
    {
        var start = j.Offset(r.TokenStartIndex);
        item.Reset();
        allowedPending.Clear();
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = Name(ref r);
            if (name.SequenceEqual("allowed_amounts"u8))
            {
                item.SawRates = true;
                ParseAllowedAmounts(ref r);
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
            else
            {
                j.Skip(ref r);
            }
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
            Missing(start, "allowed_amounts");
        }

        foreach (var a in allowedPending)
        {
            EmitAllowed(a, k);
        }
    }

    void ParseAllowedAmounts(ref Utf8JsonReader r)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, "allowed_amounts");
        path.PushIndex("allowed_amounts");
        var a = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(a);
            Expect(ref r, JsonTokenType.StartObject, "");
            var start = j.Offset(r.TokenStartIndex);
            var first = allowedPending.Count;
            string? tin = null, setting = null;
            var places = "";
            BillingClass? billingClass = null;
            var sawPayments = false;
            while (true)
            {
                j.Read(ref r);
                if (r.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = Name(ref r);
                if (name.SequenceEqual("payments"u8))
                {
                    sawPayments = true;
                    ParsePayments(ref r, a);
                }
                else if (name.SequenceEqual("tin"u8))
                {
                    tin = ReadTin(ref r);
                }
                else if (name.SequenceEqual("service_code"u8))
                {
                    places = ReadJoinedStrings(ref r, "service_code", upper: false);
                }
                else if (name.SequenceEqual("billing_class"u8))
                {
                    billingClass = ReadBillingClass(ref r);
                }
                else if (name.SequenceEqual("setting"u8))
                {
                    setting = ReadEnum(ref r, "setting", Settings);
                }
                else
                {
                    j.Skip(ref r);
                }
            }

            if (tin is null)
            {
                Missing(start, "tin");
            }

            if (billingClass is null)
            {
                Missing(start, "billing_class");
            }

            if (!sawPayments)
            {
                Missing(start, "payments");
            }

            for (var i = first; i < allowedPending.Count; i++)
            {
                allowedPending[i] = allowedPending[i] with { BillingClass = billingClass.Value, PlacesOfService = places, Setting = setting };
            }

            a++;
        }

        path.Pop();
    }

    void ParsePayments(ref Utf8JsonReader r, int a)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, "payments");
        path.PushIndex("payments");
        var p = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(p);
            Expect(ref r, JsonTokenType.StartObject, "");
            var start = j.Offset(r.TokenStartIndex);
            var first = allowedPending.Count;
            decimal? amount = null;
            var modifiers = "";
            var sawProviders = false;
            while (true)
            {
                j.Read(ref r);
                if (r.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = Name(ref r);
                if (name.SequenceEqual("allowed_amount"u8))
                {
                    amount = ReadDecimal(ref r, "allowed_amount");
                }
                else if (name.SequenceEqual("billing_code_modifier"u8))
                {
                    modifiers = ReadJoinedStrings(ref r, "billing_code_modifier", upper: true);
                }
                else if (name.SequenceEqual("providers"u8))
                {
                    sawProviders = true;
                    ParseAllowedProviders(ref r, a, p);
                }
                else
                {
                    j.Skip(ref r);
                }
            }

            if (amount is null)
            {
                Missing(start, "allowed_amount");
            }

            if (!sawProviders)
            {
                Missing(start, "providers");
            }

            for (var i = first; i < allowedPending.Count; i++)
            {
                allowedPending[i] = allowedPending[i] with { Amount = amount.Value, Modifiers = modifiers };
            }

            p++;
        }

        path.Pop();
    }

    void ParseAllowedProviders(ref Utf8JsonReader r, int a, int p)
    {
        j.Read(ref r);
        Expect(ref r, JsonTokenType.StartArray, "providers");
        path.PushIndex("providers");
        var q = 0;
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(q);
            Expect(ref r, JsonTokenType.StartObject, "");
            var start = j.Offset(r.TokenStartIndex);
            decimal? billed = null;
            var sawNpi = false;
            npiSet.Clear();
            while (true)
            {
                j.Read(ref r);
                if (r.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = Name(ref r);
                if (name.SequenceEqual("billed_charge"u8))
                {
                    billed = ReadDecimal(ref r, "billed_charge");
                }
                else if (name.SequenceEqual("npi"u8))
                {
                    sawNpi = true;
                    ReadNpis(ref r);
                }
                else
                {
                    j.Skip(ref r);
                }
            }

            if (billed is null)
            {
                Missing(start, "billed_charge");
            }

            if (!sawNpi)
            {
                Missing(start, "npi");
            }

            allowedPending.Add(new Allowed(a, p, q, start, 0, billed, "", npiSet.Count, BillingClass.Professional, "", null));
            q++;
        }

        path.Pop();
    }

    void EmitAllowed(Allowed a, int k)
    {
        var h = frozen!;
        sink.Write(new RateObservation
        {
            SourceFile = source.Name,
            SourceKind = RateSourceKind.TicAllowedAmount,
            Locator = RateLocator.AllowedAmountProvider(k, a.AmountIndex, a.PaymentIndex, a.ProviderIndex, a.Offset),
            ReportingEntity = h.ReportingEntity,
            ReportingEntityType = h.ReportingEntityType,
            Payer = h.Payer,
            Plan = h.Plan,
            PlanId = h.PlanId,
            PlanIdType = h.PlanIdType,
            PlanMarketType = h.PlanMarketType,
            BillingCode = item.Code!,
            BillingCodeType = item.CodeType!,
            BillingCodeTypeVersion = item.CodeTypeVersion,
            Modifiers = a.Modifiers,
            NegotiatedType = "allowed amount",
            Rate = a.Amount,
            BilledCharge = a.BilledCharge,
            BillingClass = a.BillingClass,
            Setting = a.Setting,
            PlacesOfService = a.PlacesOfService,
            ProviderNpiCount = a.NpiCount,
            ProviderTinCount = 1,
        });
        observations++;
    }

    readonly record struct Allowed(
        int AmountIndex,
        int PaymentIndex,
        int ProviderIndex,
        long Offset,
        decimal Amount,
        decimal? BilledCharge,
        string Modifiers,
        int NpiCount,
        BillingClass BillingClass,
        string PlacesOfService,
        string? Setting);
}
