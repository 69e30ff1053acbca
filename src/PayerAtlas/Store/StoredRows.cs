using System.Data.Common;
using System.Globalization;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importers.Pfs;

namespace PayerAtlas.Store;

/// <summary>
/// Rows of the wide tables read back into records, the same for every ADO.NET store (columns in the order both
/// schemas declare them; decimals stored as their published text).
/// </summary>
public static class StoredRows
{
    /// <summary>The fee-schedule columns hcpcs … opps_mp, starting at <paramref name="first"/>.</summary>
    public static RvuRecord Rvu(DbDataReader r, int first, long line)
    {
        var i = first;
        string S() => r.GetString(i++);
        decimal D() => decimal.Parse(r.GetString(i++), CultureInfo.InvariantCulture);
        return new RvuRecord
        {
            Line = line,
            Hcpcs = S(), Modifier = S(), Description = S(), StatusCode = S(), NotUsedForMedicarePayment = S(),
            WorkRvu = D(), NonFacilityPeRvu = D(), NonFacilityNaIndicator = S(), FacilityPeRvu = D(), FacilityNaIndicator = S(),
            MpRvu = D(), NonFacilityTotal = D(), FacilityTotal = D(), PcTcIndicator = S(), GlobalDays = S(),
            PreOp = D(), IntraOp = D(), PostOp = D(), MultipleProcedure = S(), BilateralSurgery = S(), AssistantSurgery = S(),
            CoSurgeons = S(), TeamSurgery = S(), EndoscopicBase = S(), ConversionFactor = D(), PhysicianSupervision = S(),
            CalculationFlag = S(), DiagnosticImagingFamily = S(), OppsNonFacilityPe = D(), OppsFacilityPe = D(), OppsMp = D(),
        };
    }

    public static decimal Decimal(DbDataReader r, int i) => decimal.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    /// <summary>The columns of <see cref="PtpColumns"/>: source_id (0) is the caller's, the edit starts at line (1).</summary>
    public const string PtpColumns = "source_id, line, column1, column2, prior_1996, effective, deletion, modifier, rationale";

    public static PtpEdit Ptp(DbDataReader r) => new()
    {
        Line = r.GetInt64(1),
        Column1 = r.GetString(2),
        Column2 = r.GetString(3),
        PriorTo1996 = r.GetInt32(4) == 1,
        Effective = StoreTables.FromYyyymmdd(r.GetInt32(5)),
        Deletion = r.IsDBNull(6) ? null : StoreTables.FromYyyymmdd(r.GetInt32(6)),
        ModifierIndicator = (PtpModifierIndicator)r.GetInt32(7),
        Rationale = r.GetString(8),
    };

    /// <summary>The columns of <see cref="MueColumns"/>.</summary>
    public const string MueColumns = "source_id, line, code, value, adjudication, adjudication_text, rationale";

    public static MueRecord Mue(DbDataReader r) => new()
    {
        Line = r.GetInt64(1),
        Code = r.GetString(2),
        Value = r.GetInt32(3),
        Adjudication = (MueAdjudication)r.GetInt32(4),
        AdjudicationText = r.GetString(5),
        Rationale = r.GetString(6),
    };
}
