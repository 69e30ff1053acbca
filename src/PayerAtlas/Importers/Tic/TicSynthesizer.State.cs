using System.Globalization;
using System.Text.Json;

namespace PayerAtlas.Importers.Tic;

public static partial class TicSynthesizer
{
    static readonly JsonEncodedText NegotiationArrangement = JsonEncodedText.Encode("negotiation_arrangement");
    static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    static readonly JsonEncodedText BillingCodeType = JsonEncodedText.Encode("billing_code_type");
    static readonly JsonEncodedText BillingCodeTypeVersion = JsonEncodedText.Encode("billing_code_type_version");
    static readonly JsonEncodedText BillingCode = JsonEncodedText.Encode("billing_code");
    static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    static readonly JsonEncodedText NegotiatedRates = JsonEncodedText.Encode("negotiated_rates");
    static readonly JsonEncodedText ProviderReferencesName = JsonEncodedText.Encode("provider_references");
    static readonly JsonEncodedText NegotiatedPrices = JsonEncodedText.Encode("negotiated_prices");
    static readonly JsonEncodedText NegotiatedType = JsonEncodedText.Encode("negotiated_type");
    static readonly JsonEncodedText NegotiatedRate = JsonEncodedText.Encode("negotiated_rate");
    static readonly JsonEncodedText ExpirationDate = JsonEncodedText.Encode("expiration_date");
    static readonly JsonEncodedText ServiceCode = JsonEncodedText.Encode("service_code");
    static readonly JsonEncodedText BillingClassName = JsonEncodedText.Encode("billing_class");
    static readonly JsonEncodedText Setting = JsonEncodedText.Encode("setting");
    static readonly JsonEncodedText Modifier = JsonEncodedText.Encode("billing_code_modifier");
    static readonly JsonEncodedText AdditionalInformation = JsonEncodedText.Encode("additional_information");
    static readonly JsonEncodedText ProviderGroupId = JsonEncodedText.Encode("provider_group_id");
    static readonly JsonEncodedText ProviderGroups = JsonEncodedText.Encode("provider_groups");
    static readonly JsonEncodedText NetworkName = JsonEncodedText.Encode("network_name");
    static readonly JsonEncodedText Npi = JsonEncodedText.Encode("npi");
    static readonly JsonEncodedText Tin = JsonEncodedText.Encode("tin");
    static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    static readonly JsonEncodedText BusinessName = JsonEncodedText.Encode("business_name");

    static readonly string[][] ServiceCodeSets = [["11"], ["11", "22"], ["02", "10", "11"], ["21", "22", "23"], ["19", "22"], ["11", "12", "22", "24"], ["81"], ["CSTM-00"]];
    static readonly string[] Networks = ["Synthetic Choice", "Synthetic Choice Plus", "Synthetic Value", "Synthetic Open Access"];

    /// <summary>The writer's running state: one random source, so the same seed gives the same bytes.</summary>
    sealed class State
    {
        readonly TicSynthesizerOptions options;
        readonly Random random;
        readonly string[] codes;
        readonly string[] expirations;
        readonly long flushAt = 64 << 10;
        long nextProgress = 64 << 20;
        Stream? counted;

        public State(TicSynthesizerOptions options)
        {
            this.options = options;
            random = new Random(options.Seed);
            codes = SyntheticCodes.Build(random);
            ReferenceCount = options.ProviderReferences > 0
                ? options.ProviderReferences
                : (int)Math.Clamp(options.TargetBytes / (200 << 10), 100, 20_000);
            // Mostly open-ended (9999-12-31), some future, some already expired.
            expirations = ["9999-12-31", "9999-12-31", "9999-12-31", Date(2026, 12, 31), Date(2027, 6, 30), Date(2028, 12, 31), Date(2022, 12, 31), Date(2024, 6, 30)];
        }

        public int ReferenceCount { get; }
        public long Items { get; private set; }
        public long Rates { get; private set; }
        public long Prices { get; private set; }

        public void WriteDocument(Utf8JsonWriter w, Stream counted)
        {
            this.counted = counted;
            w.WriteStartObject();
            w.WriteString("reporting_entity_name", options.ReportingEntity);
            w.WriteString("reporting_entity_type", "health insurance issuer");
            w.WriteString("plan_name", "Synthetic PPO");
            if (options.SchemaVersion2)
            {
                w.WriteString("issuer_name", options.ReportingEntity + " Issuer");
            }

            w.WriteString("plan_id_type", "hios");
            w.WriteString("plan_id", "12345XX0010001");
            w.WriteString("plan_market_type", "group");
            w.WriteString("last_updated_on", Date(2026, 1, 1));
            w.WriteString("version", options.SchemaVersion2 ? "2.0.0" : "1.3.1");

            w.WriteStartArray(ProviderReferencesName);
            for (var id = 1; id <= ReferenceCount; id++)
            {
                WriteReference(w, id);
                Flush(w);
            }

            w.WriteEndArray();

            w.WriteStartArray("in_network");
            const int Tail = 8;
            while (counted.Position + w.BytesPending < options.TargetBytes - Tail)
            {
                WriteItem(w);
                Flush(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
        }

        void Flush(Utf8JsonWriter w)
        {
            if (w.BytesPending >= flushAt)
            {
                w.Flush();
                if (options.Progress is { } progress && counted!.Position >= nextProgress)
                {
                    nextProgress = counted.Position + (64 << 20);
                    progress(counted.Position);
                }
            }
        }

        void WriteReference(Utf8JsonWriter w, int id)
        {
            w.WriteStartObject();
            w.WriteNumber(ProviderGroupId, id);
            if (options.SchemaVersion2)
            {
                w.WriteStartArray(NetworkName);
                w.WriteStringValue(Networks[id % Networks.Length]);
                w.WriteEndArray();
            }

            w.WriteStartArray(ProviderGroups);
            var groups = 1 + random.Next(3);
            for (var g = 0; g < groups; g++)
            {
                w.WriteStartObject();
                w.WriteStartArray(Npi);
                var npis = random.Next(10) == 0 ? 20 + random.Next(200) : 1 + random.Next(12);
                for (var n = 0; n < npis; n++)
                {
                    w.WriteNumberValue(1_000_000_000L + random.Next(999_999_999));
                }

                w.WriteEndArray();
                w.WriteStartObject(Tin);
                w.WriteString(TypeName, "ein");
                var ein = random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
                w.WriteString(Value, string.Concat(ein.AsSpan(0, 2), "-", ein.AsSpan(2, 7)));
                w.WriteString(BusinessName, "Synthetic Medical Group " + (id * 3 + g).ToString(CultureInfo.InvariantCulture));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        void WriteItem(Utf8JsonWriter w)
        {
            // One element in ten is a common imaging code (mammography, CT, MRI), as in radiology-heavy payer files.
            var code = random.Next(10) == 0 ? SyntheticCodes.Anchors[random.Next(SyntheticCodes.Anchors.Length)] : codes[random.Next(codes.Length)];
            var isHcpcs = char.IsLetter(code[0]);
            var imaging = !isHcpcs && code[0] == '7';
            var basePrice = SyntheticCodes.BasePrice(code);
            w.WriteStartObject();
            w.WriteString(NegotiationArrangement, "ffs");
            w.WriteString(Name, "Synthetic service " + code);
            w.WriteString(BillingCodeType, isHcpcs ? "HCPCS" : "CPT");
            w.WriteString(BillingCodeTypeVersion, "2026");
            w.WriteString(BillingCode, code);
            w.WriteString(Description, "Synthetic description for " + code);
            w.WriteStartArray(NegotiatedRates);
            var rates = 1 + random.Next(8);
            for (var r = 0; r < rates; r++)
            {
                WriteRate(w, basePrice, imaging);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            Items++;
            Rates += rates;
        }

        void WriteRate(Utf8JsonWriter w, int baseCents, bool imaging)
        {
            w.WriteStartObject();
            w.WriteStartArray(ProviderReferencesName);
            var refs = random.Next(4) == 0 ? 2 + random.Next(6) : 1;
            // Skewed towards low ids so that the same lists recur, as they do in payer files.
            var first = 1 + (int)(Math.Pow(random.NextDouble(), 2) * ReferenceCount);
            for (var i = 0; i < refs; i++)
            {
                w.WriteNumberValue(1 + ((first - 1 + (i * 7)) % ReferenceCount));
            }

            w.WriteEndArray();
            w.WriteStartArray(NegotiatedPrices);
            var prices = 1 + random.Next(4);
            for (var p = 0; p < prices; p++)
            {
                WritePrice(w, baseCents, imaging, p);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            Prices += prices;
        }

        void WritePrice(Utf8JsonWriter w, int baseCents, bool imaging, int index)
        {
            var roll = random.Next(100);
            var type = roll switch
            {
                < 60 => "negotiated",
                < 75 => "fee schedule",
                < 85 => "derived",
                < 95 => "percentage",
                _ => "per diem",
            };
            var professional = index % 2 == 0;
            w.WriteStartObject();
            w.WriteString(NegotiatedType, type);
            if (type == "percentage")
            {
                w.WriteNumber(NegotiatedRate, 40 + random.Next(120));
            }
            else
            {
                var factor = 0.6 + (random.NextDouble() * 1.8);
                var cents = (long)(baseCents * factor * (professional ? 1.0 : 1.6));
                w.WriteNumber(NegotiatedRate, new decimal(cents) / 100m);
            }

            w.WriteString(ExpirationDate, expirations[random.Next(expirations.Length)]);
            if (professional)
            {
                w.WriteStartArray(ServiceCode);
                foreach (var s in ServiceCodeSets[random.Next(ServiceCodeSets.Length)])
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
            }

            w.WriteString(BillingClassName, professional ? "professional" : "institutional");
            if (options.SchemaVersion2)
            {
                w.WriteString(Setting, professional ? "outpatient" : (random.Next(3) == 0 ? "inpatient" : "both"));
            }

            if (imaging && random.Next(3) != 0)
            {
                w.WriteStartArray(Modifier);
                w.WriteStringValue(professional ? "26" : "TC");
                w.WriteEndArray();
            }

            if (type == "percentage" && random.Next(4) == 0)
            {
                w.WriteString(AdditionalInformation, "Percentage of billed charges");
            }

            w.WriteEndObject();
        }
    }
}
