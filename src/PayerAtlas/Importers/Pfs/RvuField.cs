namespace PayerAtlas.Importers.Pfs;

/// <summary>The 31 PPRRVU fields in file order, with their CSV header text and fixed-width positions (RVU25D.pdf).</summary>
internal enum RvuField
{
    Hcpcs, Modifier, Description, StatusCode, NotUsedForMedicarePayment, WorkRvu, NonFacilityPeRvu,
    NonFacilityNaIndicator, FacilityPeRvu, FacilityNaIndicator, MpRvu, NonFacilityTotal, FacilityTotal,
    PcTcIndicator, GlobalDays, PreOp, IntraOp, PostOp, MultipleProcedure, BilateralSurgery,
    AssistantSurgery, CoSurgeons, TeamSurgery, EndoscopicBase, ConversionFactor, PhysicianSupervision,
    CalculationFlag, DiagnosticImagingFamily, OppsNonFacilityPe, OppsFacilityPe, OppsMp,
}

internal readonly record struct RvuColumn(RvuField Field, string Name, int Start, int Length, bool Numeric);

internal static class RvuLayout
{
    public const int FieldCount = 31;

    /// <summary>1-based start and length of each field in the fixed-width PPRRVU*.txt (record layout in RVU25D.pdf).</summary>
    public static readonly RvuColumn[] Columns =
    [
        new(RvuField.Hcpcs, "HCPCS", 1, 5, false),
        new(RvuField.Modifier, "MOD", 6, 2, false),
        new(RvuField.Description, "DESCRIPTION", 8, 50, false),
        new(RvuField.StatusCode, "STATUS CODE", 58, 1, false),
        new(RvuField.NotUsedForMedicarePayment, "NOT USED FOR MEDICARE PAYMENT", 59, 1, false),
        new(RvuField.WorkRvu, "WORK RVU", 60, 6, true),
        new(RvuField.NonFacilityPeRvu, "NON-FAC PE RVU", 67, 6, true),
        new(RvuField.NonFacilityNaIndicator, "NON-FAC NA INDICATOR", 73, 2, false),
        new(RvuField.FacilityPeRvu, "FACILITY PE RVU", 76, 6, true),
        new(RvuField.FacilityNaIndicator, "FACILITY NA INDICATOR", 82, 2, false),
        new(RvuField.MpRvu, "MP RVU", 84, 6, true),
        new(RvuField.NonFacilityTotal, "NON-FACILITY TOTAL", 91, 6, true),
        new(RvuField.FacilityTotal, "FACILITY TOTAL", 97, 6, true),
        new(RvuField.PcTcIndicator, "PCTC IND", 103, 1, false),
        new(RvuField.GlobalDays, "GLOB DAYS", 104, 3, false),
        new(RvuField.PreOp, "PRE OP", 107, 3, true),
        new(RvuField.IntraOp, "INTRA OP", 110, 3, true),
        new(RvuField.PostOp, "POST OP", 113, 3, true),
        new(RvuField.MultipleProcedure, "MULT PROC", 116, 1, false),
        new(RvuField.BilateralSurgery, "BILAT SURG", 117, 1, false),
        new(RvuField.AssistantSurgery, "ASST SURG", 118, 1, false),
        new(RvuField.CoSurgeons, "CO-SURG", 119, 1, false),
        new(RvuField.TeamSurgery, "TEAM SURG", 120, 1, false),
        new(RvuField.EndoscopicBase, "ENDO BASE", 128, 5, false),
        new(RvuField.ConversionFactor, "CONV FACTOR", 133, 8, true),
        new(RvuField.PhysicianSupervision, "PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES", 142, 2, false),
        new(RvuField.CalculationFlag, "CALCULATION FLAG", 144, 1, false),
        new(RvuField.DiagnosticImagingFamily, "DIAGNOSTIC IMAGING FAMILY INDICATOR", 146, 2, false),
        new(RvuField.OppsNonFacilityPe, "NON-FACILITY PE USED FOR OPPS PAYMENT AMOUNT", 151, 7, true),
        new(RvuField.OppsFacilityPe, "FACILITY PE USED FOR OPPS PAYMENT AMOUNT", 158, 7, true),
        new(RvuField.OppsMp, "MP USED FOR OPPS PAYMENT AMOUNT", 165, 8, true),
    ];
}
