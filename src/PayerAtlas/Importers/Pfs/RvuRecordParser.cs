using PayerAtlas.Importing;

namespace PayerAtlas.Importers.Pfs;

/// <summary>Turns the 31 field texts of one PPRRVU row into a record, whatever the layout.</summary>
internal static class RvuRecordParser
{
    public delegate ReadOnlySpan<char> FieldText(RvuField field);
    public delegate int FieldColumn(RvuField field);

    public static RvuRecord Parse(FieldText text, FieldColumn column, string file, long line)
    {
        var hcpcs = FieldParser.Text(text(RvuField.Hcpcs));
        if (!BillingCodes.IsValid(hcpcs))
        {
            throw new ImportException(file, line, column(RvuField.Hcpcs), $"HCPCS: '{hcpcs}' is not a 5-character billing code");
        }

        decimal Num(RvuField f) =>
            FieldParser.Decimal(text(f), file, line, column(f), RvuLayout.Columns[(int)f].Name);
        string Str(RvuField f) => FieldParser.Text(text(f));

        return new RvuRecord
        {
            Hcpcs = hcpcs,
            Modifier = Str(RvuField.Modifier),
            Description = Str(RvuField.Description),
            StatusCode = Str(RvuField.StatusCode),
            NotUsedForMedicarePayment = Str(RvuField.NotUsedForMedicarePayment),
            WorkRvu = Num(RvuField.WorkRvu),
            NonFacilityPeRvu = Num(RvuField.NonFacilityPeRvu),
            NonFacilityNaIndicator = Str(RvuField.NonFacilityNaIndicator),
            FacilityPeRvu = Num(RvuField.FacilityPeRvu),
            FacilityNaIndicator = Str(RvuField.FacilityNaIndicator),
            MpRvu = Num(RvuField.MpRvu),
            NonFacilityTotal = Num(RvuField.NonFacilityTotal),
            FacilityTotal = Num(RvuField.FacilityTotal),
            PcTcIndicator = Str(RvuField.PcTcIndicator),
            GlobalDays = Str(RvuField.GlobalDays),
            PreOp = Num(RvuField.PreOp),
            IntraOp = Num(RvuField.IntraOp),
            PostOp = Num(RvuField.PostOp),
            MultipleProcedure = Str(RvuField.MultipleProcedure),
            BilateralSurgery = Str(RvuField.BilateralSurgery),
            AssistantSurgery = Str(RvuField.AssistantSurgery),
            CoSurgeons = Str(RvuField.CoSurgeons),
            TeamSurgery = Str(RvuField.TeamSurgery),
            EndoscopicBase = Str(RvuField.EndoscopicBase),
            ConversionFactor = Num(RvuField.ConversionFactor),
            PhysicianSupervision = Str(RvuField.PhysicianSupervision),
            CalculationFlag = Str(RvuField.CalculationFlag),
            DiagnosticImagingFamily = Str(RvuField.DiagnosticImagingFamily),
            OppsNonFacilityPe = Num(RvuField.OppsNonFacilityPe),
            OppsFacilityPe = Num(RvuField.OppsFacilityPe),
            OppsMp = Num(RvuField.OppsMp),
            Line = line,
        };
    }
}
