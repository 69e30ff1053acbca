using System.Globalization;
using System.Text;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importing;
using PayerAtlas.Sources;

namespace PayerAtlas.Tests.Importers;

public class HcpcsReaderTests
{
    static readonly string RealFile = SharedData.Path("hcpcs", "2020", "HCPC2020_ANWEB_w_disclaimer.txt");

    static readonly Lazy<IReadOnlyList<HcpcsRecord>> Real = new(() =>
    {
        using var stream = File.OpenRead(RealFile);
        return HcpcsReader.Read(TextLines.Read(stream, TextLines.Windows1252, RealFile), RealFile).ToList();
    });

    static HcpcsRecord RealCode(string code) => Real.Value.Single(r => r.Code == code);

    [Fact]
    public void The_2020_file_holds_6710_procedures_and_369_modifiers()
    {
        Assert.Equal(6710, Real.Value.Count(r => r.Kind == HcpcsRecordKind.Procedure));
        Assert.Equal(369, Real.Value.Count(r => r.Kind == HcpcsRecordKind.Modifier));
        Assert.Equal(Real.Value.Count, Real.Value.Select(r => (r.Kind, r.Code)).Distinct().Count());
    }

    [Fact]
    public void The_disclaimer_is_skipped_and_records_start_on_line_10()
    {
        var first = Real.Value[0];
        Assert.Equal(("A1", HcpcsRecordKind.Modifier, 10L), (first.Code, first.Kind, first.Line));
        Assert.Equal("Dressing for one wound", first.LongDescription);
    }

    [Fact]
    public void Continuation_records_are_joined_into_the_long_description()
    {
        Assert.Equal("Screening papanicolaou smear; obtaining, preparing and conveyance of cervical or vaginal smear to laboratory",
            RealCode("Q0091").LongDescription);
        Assert.Equal("Waiver of liability statement issued as required by payer policy, individual case", RealCode("GA").LongDescription);

        var tc = RealCode("TC"); // seven records
        Assert.StartsWith("Technical component; under certain circumstances, a charge may be made for the technical component alone; ", tc.LongDescription);
        Assert.EndsWith("suppliers will then be used to build customary and prevailing profiles", tc.LongDescription);
        Assert.Equal("Technical component", tc.ShortDescription);
    }

    [Fact]
    public void Procedure_fields_are_read_from_the_CMS_layout_positions()
    {
        var a4206 = RealCode("A4206");
        Assert.Equal("Syringe with needle, sterile, 1 cc or less, each", a4206.LongDescription);
        Assert.Equal("1 cc sterile syringe&needle", a4206.ShortDescription);
        Assert.Equal(["00"], a4206.PricingIndicators);
        Assert.Equal("9", a4206.MultiplePricingIndicator);
        Assert.Equal(("C", "D1A", "N"), (a4206.CoverageCode, a4206.BetosCode, a4206.ActionCode));
        Assert.Equal(["S"], a4206.TypeOfServiceCodes);
        Assert.Equal(0, a4206.AnesthesiaBaseUnits);
        Assert.Equal(new DateOnly(1985, 1, 1), a4206.AddDate);
        Assert.Equal(new DateOnly(2008, 1, 1), a4206.ActionEffectiveDate);
        Assert.Null(a4206.TerminationDate);

        var j9035 = RealCode("J9035");
        Assert.Equal(("51", "A", "YY", "O1E"), (j9035.PricingIndicators[0], j9035.MultiplePricingIndicator, j9035.AscPaymentGroup, j9035.BetosCode));
        Assert.Equal(new DateOnly(2008, 1, 1), j9035.AscPaymentGroupEffectiveDate);
        Assert.Equal(["1", "P"], j9035.TypeOfServiceCodes);

        var e0100 = RealCode("E0100");
        Assert.Equal(["60-3", "60-9"], e0100.CoverageIssuesManualSections);
        Assert.Equal(["2100.1"], e0100.CarriersManualSections);
        Assert.Equal(["A", "P", "R"], e0100.TypeOfServiceCodes);
        Assert.Equal(("32", "D", "D1E"), (e0100.PricingIndicators[0], e0100.CoverageCode, e0100.BetosCode));

        var a0021 = RealCode("A0021");
        Assert.Equal(["A0030"], a0021.CrossReferenceCodes);
        Assert.Equal(("I", "O1A"), (a0021.CoverageCode, a0021.BetosCode));
        Assert.Equal(new DateOnly(1996, 9, 10), a0021.ActionEffectiveDate);

        var g0279 = RealCode("G0279");
        Assert.Equal("Diagnostic digital breast tomosynthesis, unilateral or bilateral (list separately in addition to 77065 or 77066)", g0279.LongDescription);
        Assert.Equal(("I1C", new DateOnly(2015, 1, 1)), (g0279.BetosCode, g0279.AddDate));

        Assert.Equal(["340"], RealCode("G6030").LabCertificationCodes);
        Assert.Equal("1833(t)", RealCode("C9043").Statute);
        Assert.Equal("0106", RealCode("A9270").ProcessingNote);
    }

    [Fact]
    public void Discontinued_codes_carry_their_termination_date_and_action_code()
    {
        var c9043 = RealCode("C9043");
        Assert.Equal((new DateOnly(2019, 12, 31), "D"), (c9043.TerminationDate, c9043.ActionCode));
        Assert.Equal(new DateOnly(2020, 1, 1), c9043.ActionEffectiveDate);
    }

    [Fact]
    public void Modifiers_are_right_aligned_in_the_code_field_and_have_no_pricing_fields()
    {
        var gd = RealCode("GD");
        Assert.Equal(HcpcsRecordKind.Modifier, gd.Kind);
        Assert.Equal("Units of service exceeds medically unlikely edit value and represents reasonable and necessary services", gd.LongDescription);
        Assert.Empty(gd.PricingIndicators);
        Assert.Equal("", gd.BetosCode);
        Assert.Null(gd.AnesthesiaBaseUnits);
        Assert.Equal((new DateOnly(2008, 1, 1), new DateOnly(2019, 12, 31), "D"), (gd.AddDate, gd.TerminationDate, gd.ActionCode));
        Assert.Contains(Real.Value, r => r.Code == "TC" && r.Kind == HcpcsRecordKind.Modifier);
        Assert.DoesNotContain(Real.Value, r => r.Code is "26" or "59"); // CPT (Level I) modifiers are not in the Level II file
    }

    [Fact]
    public void Format_detector_recognises_the_real_HCPCS_file()
    {
        var detection = FormatDetector.Detect(new ImportInput(RealFile, () => File.OpenRead(RealFile), true));
        Assert.Equal(SourceKind.HcpcsLevel2, detection.Kind);
    }

    [Fact]
    public void Records_stream_without_reading_past_the_next_first_record()
    {
        static IEnumerable<TextLine> Lines()
        {
            yield return new TextLine(1, Procedure("A4206", "Syringe"));
            yield return new TextLine(2, Procedure("A4207", "Syringe 2"));
            throw new InvalidOperationException("read too far");
        }

        Assert.Equal("A4206", HcpcsReader.Read(Lines(), "t.txt").First().Code);
    }

    [Fact]
    public void Blank_lines_and_blank_padded_continuations_are_accepted()
    {
        var records = Read("disclaimer", "", Procedure("A4206", "Syringe with"), "", Continuation("A4206", 2, '4', "needle").PadRight(320));
        Assert.Equal(("Syringe with needle", 3L), (records.Single().LongDescription, records.Single().Line));
    }

    [Fact]
    public void A_truncated_record_is_an_error_at_the_column_where_it_stops()
    {
        var e = Assert.Throws<ImportException>(() => Read("disclaimer", Procedure("A4206", "Syringe")[..200]));
        Assert.Equal((2L, 201), (e.Line, e.Column));
        Assert.Contains("200 characters, not 320 (truncated", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_record_identification_code_is_an_error_at_position_11()
    {
        var bad = Procedure("A4207", "Syringe");
        bad = bad[..10] + "5" + bad[11..];
        var e = Assert.Throws<ImportException>(() => Read(Procedure("A4206", "Syringe"), bad));
        Assert.Equal((2L, 11), (e.Line, e.Column));
        Assert.Contains("unknown record identification code (RIC) '5'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_continuation_with_no_record_before_it_is_an_error()
    {
        var e = Assert.Throws<ImportException>(() => Read("disclaimer", Continuation("A4206", 2, '4', "needle")));
        Assert.Equal((2L, 11), (e.Line, e.Column));
        Assert.Contains("with no procedure record before it", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_continuation_for_another_code_is_an_error()
    {
        var e = Assert.Throws<ImportException>(() => Read(Procedure("A4206", "Syringe"), Continuation("A4207", 2, '4', "needle")));
        Assert.Equal((2L, 1), (e.Line, e.Column));
        Assert.Contains("'A4207' follows 'A4206' (line 1)", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modifier_continuation_after_a_procedure_is_an_error()
    {
        var e = Assert.Throws<ImportException>(() => Read(Procedure("A4206", "Syringe"), Continuation("GA", 2, '8', "case")));
        Assert.Equal((2L, 11), (e.Line, e.Column));
        Assert.Contains("modifier continuation (RIC 8) follows procedure 'A4206'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_is_an_error_naming_its_field_and_column()
    {
        var e = Assert.Throws<ImportException>(() => Read("disclaimer", Procedure("A4206", "Syringe", addDate: "20191301")));
        Assert.Equal((2L, 269), (e.Line, e.Column));
        Assert.Contains("code added date (positions 269–276): '20191301' is not a yyyyMMdd date", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_re_encoded_as_UTF8_is_reported_as_a_wrong_encoding()
    {
        var text = string.Join("\r\n", "disclaimer", Procedure("A4206", "Patient’s syringe"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var e = Assert.Throws<ImportException>(() => HcpcsReader.Read(TextLines.Read(stream, TextLines.Windows1252, "t.txt"), "t.txt").ToList());
        Assert.Equal((2L, 19), (e.Line, e.Column)); // the ’ at position 19 became three characters (and its copy in the short description)
        Assert.Contains("324 characters, not 320: wrong encoding?", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_records_is_an_error()
    {
        var e = Assert.Throws<ImportException>(() => Read("just a disclaimer", "nothing else"));
        Assert.Contains("no HCPCS records found", e.Reason, StringComparison.Ordinal);
    }

    static List<HcpcsRecord> Read(params string[] lines)
    {
        using var stream = new MemoryStream(TextLines.Windows1252.GetBytes(string.Join("\r\n", lines)));
        return HcpcsReader.Read(TextLines.Read(stream, TextLines.Windows1252, "t.txt"), "t.txt").ToList();
    }

    /// <summary>A 320-character first record (RIC 3) with a few fields at their layout positions.</summary>
    static string Procedure(string code, string longDescription, string addDate = "20200101")
    {
        var chars = new string(' ', 320).ToCharArray();
        void Put(int position, string text) => text.CopyTo(0, chars, position - 1, text.Length);
        Put(1, code);
        Put(6, "00100");
        Put(11, "3");
        Put(12, longDescription);
        Put(92, longDescription.Length > 28 ? longDescription[..28] : longDescription);
        Put(120, "00");
        Put(128, "9");
        Put(230, "C");
        Put(257, "D1A");
        Put(261, "S");
        Put(268, "0");
        Put(269, addDate);
        Put(277, "20200101");
        Put(293, "A");
        return new string(chars);
    }

    static string Continuation(string code, int sequence, char ric, string text) =>
        code.PadLeft(5) + (sequence * 100).ToString("D5", CultureInfo.InvariantCulture) + ric + text.PadRight(80);
}
