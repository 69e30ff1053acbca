using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importing;

namespace PayerAtlas.Tests.Ncci;

/// <summary>The PTP edit file as CMS ships it (tab-delimited, Windows-1252, preamble, header rows), read strictly.</summary>
public sealed class PtpReaderTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    static List<PtpEdit> Read(string path) => PtpReader.Read(NcciFixtures.Text(path), path).ToList();

    [Fact]
    public void The_preamble_and_the_two_line_header_are_skipped_and_every_edit_keeps_its_line()
    {
        var edits = Read(NcciFixtures.PractitionerPtp1);
        Assert.Equal(11, edits.Count);
        var first = edits[0];
        Assert.Equal(("10040", "11042", 6L), (first.Column1, first.Column2, first.Line));
        Assert.Equal(NcciFixtures.LineOf(NcciFixtures.PractitionerPtp1, "10040\t"), first.Line);
        Assert.Equal(new DateOnly(2009, 1, 1), first.Effective);
        Assert.Null(first.Deletion);
        Assert.Equal(PtpModifierIndicator.Allowed, first.ModifierIndicator);
        Assert.Equal("Misuse of column two code with column one code", first.Rationale);
    }

    [Fact]
    public void A_one_line_header_and_a_four_line_header_read_the_same_way()
    {
        var f2 = Read(NcciFixtures.PractitionerPtp2);
        Assert.Equal(8, f2.Count);
        var family = f2.Single(e => e.Column1 == "77054" && e.Column2 == "77053");
        Assert.Equal((PtpModifierIndicator.NotAllowed, "Mutually exclusive procedures"), (family.ModifierIndicator, family.Rationale));
        var hospital = Read(NcciFixtures.HospitalPtp);
        Assert.Equal(["19030/36000", "77054/77053", "96372/36000"], hospital.Select(e => $"{e.Column1}/{e.Column2}"));
    }

    [Fact]
    public void Deleted_edits_keep_their_last_day_and_indicator_9_edits_never_apply()
    {
        var edits = Read(NcciFixtures.PractitionerPtp1);
        var deleted = edits.Single(e => e.Column2 == "76098");
        Assert.Equal(new DateOnly(2015, 12, 31), deleted.Deletion);
        Assert.True(deleted.AppliesOn(new DateOnly(2015, 12, 31)));
        Assert.False(deleted.AppliesOn(new DateOnly(2016, 1, 1)));
        Assert.False(deleted.AppliesOn(new DateOnly(2004, 12, 31)));

        var retroactive = edits.Single(e => e.Column2 == "77002");
        Assert.Equal(PtpModifierIndicator.NotApplicable, retroactive.ModifierIndicator);
        Assert.False(retroactive.AppliesOn(new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void A_pair_can_have_two_periods_with_different_indicators()
    {
        var periods = Read(NcciFixtures.PractitionerPtp1).Where(e => e is { Column1: "19083", Column2: "19081" }).ToList();
        Assert.Equal(2, periods.Count);
        Assert.Equal(PtpModifierIndicator.NotAllowed, periods.Single(p => p.AppliesOn(new DateOnly(2018, 6, 1))).ModifierIndicator);
        Assert.Equal(PtpModifierIndicator.Allowed, periods.Single(p => p.AppliesOn(new DateOnly(2026, 6, 1))).ModifierIndicator);
    }

    [Fact]
    public void The_prior_to_1996_star_is_read()
    {
        var edits = Read(NcciFixtures.PractitionerPtp1);
        Assert.True(edits.Single(e => e.Column1 == "27447").PriorTo1996);
        Assert.False(edits.Single(e => e.Column1 == "10040").PriorTo1996);
    }

    [Fact]
    public void The_preamble_is_windows_1252_and_decodes_without_error()
    {
        var lines = NcciFixtures.Text(NcciFixtures.PractitionerPtp1).Take(2).ToList();
        Assert.Contains("CPT\u00ae", lines[1].Text, StringComparison.Ordinal);
    }

    ImportException Fails(int line, Func<string, string> change)
    {
        var path = NcciFixtures.WithLine(dir, NcciFixtures.PractitionerPtp1, line, change);
        return Assert.Throws<ImportException>(() => Read(path));
    }

    static int Row(string prefix) => NcciFixtures.LineOf(NcciFixtures.PractitionerPtp1, prefix);

    [Fact]
    public void A_bad_effective_date_names_its_line_and_column()
    {
        var line = Row("19125\t");
        var e = Fails(line, l => l.Replace("20070101", "2007-01-01", StringComparison.Ordinal));
        Assert.Equal(line, e.Line);
        Assert.Equal("19125\t19120\t\t".Length + 1, e.Column);
        Assert.Contains("effective date: '2007-01-01' is not a date (yyyymmdd)", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_modifier_indicator_is_rejected()
    {
        var line = Row("19125\t");
        var e = Fails(line, l => l.Replace("\t*\t1\t", "\t*\t2\t", StringComparison.Ordinal));
        Assert.Equal(line, e.Line);
        Assert.Contains("modifier indicator: '2' must be 0, 1 or 9", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_row_is_rejected()
    {
        var line = Row("27447\t");
        var e = Fails(line, l => string.Join('\t', l.Split('\t').Take(4)));
        Assert.Equal(line, e.Line);
        Assert.Contains("row has 4 tab-separated fields", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_code_and_a_deletion_before_the_effective_date_are_rejected()
    {
        var bad = Fails(Row("10040\t"), l => l.Replace("11042", "1104", StringComparison.Ordinal));
        Assert.Contains("column 2 code: '1104' is not a five-character CPT/HCPCS code", bad.Reason, StringComparison.Ordinal);
        var backwards = Fails(Row("19125\t"), l => l.Replace("\t*\t1\t", "\t20061231\t1\t", StringComparison.Ordinal));
        Assert.Contains("deletion date 20061231 is before the effective date 20070101", backwards.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_header_is_not_a_ptp_file()
    {
        var e = Assert.Throws<ImportException>(() => PtpReader.Read(NcciFixtures.Rows("just text", "19030\t36000\t\t20020101\t*\t1\tx"), "x.txt").ToList());
        Assert.Contains("no 'Column 1<TAB>Column 2<TAB>…' header", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_medicaid_style_header_without_the_1996_column_is_refused()
    {
        var e = Assert.Throws<ImportException>(() => PtpReader.Read(
            NcciFixtures.Rows("Column 1\tColumn 2\tEffective Date\tDeletion Date\tModifier\tRationale"), "m.txt").ToList());
        Assert.Equal(1, e.Line);
        Assert.Contains("not the Medicare NCCI PTP layout", e.Reason, StringComparison.Ordinal);
    }
}
