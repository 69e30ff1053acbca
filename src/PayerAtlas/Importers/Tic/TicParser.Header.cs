using System.Text.Json;

namespace PayerAtlas.Importers.Tic;

internal sealed partial class TicParser
{
    /// <summary>
    /// Reads a top-level header field if <paramref name="name"/> is one. A field that changes what observations say
    /// (entity, issuer, plan) arriving after observations were written with the header as it was is an error: the
    /// file put it after <c>in_network</c> although everything else the header needs came first.
    /// </summary>
    bool ReadHeaderField(ref Utf8JsonReader r, scoped ReadOnlySpan<byte> name)
    {
        const int Other = 0, Affects = 1;
        int effect;
        if (name.SequenceEqual("reporting_entity_name"u8))
        {
            effect = Affects;
            header.ReportingEntityName = ReadString(ref r, "reporting_entity_name");
        }
        else if (name.SequenceEqual("reporting_entity_type"u8))
        {
            effect = Affects;
            header.ReportingEntityType = ReadString(ref r, "reporting_entity_type");
        }
        else if (name.SequenceEqual("plan_name"u8))
        {
            effect = Affects;
            header.PlanName = ReadString(ref r, "plan_name");
        }
        else if (name.SequenceEqual("issuer_name"u8))
        {
            effect = Affects;
            header.IssuerName = ReadString(ref r, "issuer_name");
        }
        else if (name.SequenceEqual("plan_sponsor_name"u8))
        {
            effect = Other;
            header.PlanSponsorName = ReadString(ref r, "plan_sponsor_name");
        }
        else if (name.SequenceEqual("plan_id_type"u8))
        {
            effect = Affects;
            header.PlanIdType = ReadString(ref r, "plan_id_type");
        }
        else if (name.SequenceEqual("plan_id"u8))
        {
            effect = Affects;
            header.PlanId = ReadString(ref r, "plan_id");
        }
        else if (name.SequenceEqual("plan_market_type"u8))
        {
            effect = Affects;
            header.PlanMarketType = ReadString(ref r, "plan_market_type");
        }
        else if (name.SequenceEqual("last_updated_on"u8))
        {
            effect = Other;
            header.LastUpdatedOn = ReadDate(ref r, "last_updated_on");
        }
        else if (name.SequenceEqual("version"u8))
        {
            effect = Other;
            header.Version = ReadString(ref r, "version");
        }
        else if (name.SequenceEqual("reporting_plans"u8))
        {
            effect = Affects;
            j.Read(ref r);
            header.ReportingPlans = ReadPlans(ref r, "reporting_plans");
        }
        else
        {
            return false;
        }

        if (effect == Affects && frozen is not null && observations > 0)
        {
            throw Fail(ref r, System.Text.Encoding.UTF8.GetString(name), "this header field comes after in_network, whose rates were already read with the header as it stood; put the header before in_network");
        }

        return true;
    }

    List<TicReportingPlan> ReadPlans(ref Utf8JsonReader r, string property)
    {
        Expect(ref r, JsonTokenType.StartArray, property);
        var plans = new List<TicReportingPlan>();
        path.PushIndex(property);
        while (true)
        {
            j.Read(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            path.SetIndex(plans.Count);
            Expect(ref r, JsonTokenType.StartObject, "");
            var start = j.Offset(r.TokenStartIndex);
            string? planName = null, idType = null, id = null, market = null, issuer = null, sponsor = null;
            while (true)
            {
                j.Read(ref r);
                if (r.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var name = Name(ref r);
                if (name.SequenceEqual("plan_name"u8))
                {
                    planName = ReadString(ref r, "plan_name");
                }
                else if (name.SequenceEqual("plan_id_type"u8))
                {
                    idType = ReadString(ref r, "plan_id_type");
                }
                else if (name.SequenceEqual("plan_id"u8))
                {
                    id = ReadString(ref r, "plan_id");
                }
                else if (name.SequenceEqual("plan_market_type"u8))
                {
                    market = ReadString(ref r, "plan_market_type");
                }
                else if (name.SequenceEqual("issuer_name"u8))
                {
                    issuer = ReadString(ref r, "issuer_name");
                }
                else if (name.SequenceEqual("plan_sponsor_name"u8))
                {
                    sponsor = ReadString(ref r, "plan_sponsor_name");
                }
                else
                {
                    j.Skip(ref r);
                }
            }

            if (planName is null)
            {
                Missing(start, "plan_name");
            }

            plans.Add(new TicReportingPlan { PlanName = planName, PlanIdType = idType, PlanId = id, PlanMarketType = market, IssuerName = issuer, PlanSponsorName = sponsor });
        }

        path.Pop();
        return plans;
    }

    /// <summary>The header as observations carry it, fixed from the first rate on.</summary>
    void Freeze()
    {
        var h = header.ToHeader();
        var plans = h.ReportingPlans;
        frozen = new ObservationHeader(
            h.ReportingEntityName!,
            h.ReportingEntityType,
            h.Payer!,
            h.PlanName ?? JoinPlans(plans, p => p.PlanName),
            h.PlanId ?? JoinPlans(plans, p => p.PlanId),
            h.PlanIdType ?? JoinPlans(plans, p => p.PlanIdType),
            h.PlanMarketType ?? JoinPlans(plans, p => p.PlanMarketType),
            !h.IsVersion1);
    }

    /// <summary>A schema 1.0 file with several <c>reporting_plans</c>: each plan field joined with '|' in file order.</summary>
    static string? JoinPlans(IReadOnlyList<TicReportingPlan> plans, Func<TicReportingPlan, string?> field) =>
        plans.Count == 0 ? null : string.Join('|', plans.Select(p => field(p) ?? ""));

    sealed record ObservationHeader(
        string ReportingEntity,
        string? ReportingEntityType,
        string Payer,
        string? Plan,
        string? PlanId,
        string? PlanIdType,
        string? PlanMarketType,
        bool RequiresSetting);

    sealed class HeaderState
    {
        public string? ReportingEntityName { get; set; }
        public string? ReportingEntityType { get; set; }
        public string? PlanName { get; set; }
        public string? IssuerName { get; set; }
        public string? PlanSponsorName { get; set; }
        public string? PlanIdType { get; set; }
        public string? PlanId { get; set; }
        public string? PlanMarketType { get; set; }
        public DateOnly? LastUpdatedOn { get; set; }
        public string? Version { get; set; }
        public IReadOnlyList<TicReportingPlan> ReportingPlans { get; set; } = [];

        public bool IsVersion1 => Version is { } v && v.StartsWith('1');

        /// <summary>
        /// Everything rates carry has been read: the required fields, and the plan fields together (with the issuer
        /// for schema 2.x in-network files, where the schema requires it beside them; CMS's own 2.x allowed-amounts
        /// examples leave it out, so there it is not waited for).
        /// </summary>
        public bool IsComplete(bool needIssuer)
        {
            {
                if (ReportingEntityName is null || ReportingEntityType is null || Version is null || LastUpdatedOn is null)
                {
                    return false;
                }

                var anyPlan = PlanName is not null || PlanId is not null || PlanIdType is not null || PlanMarketType is not null;
                if (!anyPlan)
                {
                    return true;
                }

                return PlanName is not null && PlanId is not null && PlanIdType is not null && PlanMarketType is not null
                    && (IsVersion1 || !needIssuer || IssuerName is not null);
            }
        }

        public TicHeader ToHeader() => new()
        {
            ReportingEntityName = ReportingEntityName,
            ReportingEntityType = ReportingEntityType,
            PlanName = PlanName,
            IssuerName = IssuerName,
            PlanSponsorName = PlanSponsorName,
            PlanIdType = PlanIdType,
            PlanId = PlanId,
            PlanMarketType = PlanMarketType,
            LastUpdatedOn = LastUpdatedOn,
            Version = Version,
            ReportingPlans = ReportingPlans,
        };
    }
}
