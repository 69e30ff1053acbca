using System.Globalization;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Publishing.Sections;

/// <summary>The facts of one PTP edit, each traced to its file and row.</summary>
public sealed record PtpEditFacts(Stored<PtpEdit> Edit, Fact Column1, Fact Column2, Fact Indicator, Fact Effective, Fact? Deletion, Fact Rationale)
{
    public PtpEdit Record => Edit.Record;

    /// <summary>The code of the edit that is not <paramref name="code"/>.</summary>
    public Fact Other(string code) => Record.Column1 == code ? Column2 : Column1;
}

/// <summary>Turns NCCI rows into facts with stable ids ("ncci.ptp.practitioner.77054-77053.20070101.indicator").</summary>
public static class NcciFacts
{
    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static PtpEditFacts Ptp(DossierFacts known, NcciSetting setting, Stored<PtpEdit> stored)
    {
        var e = stored.Record;
        var id = $"ncci.ptp.{setting.Key()}.{e.Column1}-{e.Column2}.{e.Effective:yyyyMMdd}";
        var what = $"NCCI PTP edit {e.Column1}/{e.Column2} ({setting.Name()})";
        Fact Add(string field, string value, string label) => known.Sourced($"{id}.{field}", value, $"{label}, {what}", stored.Source);
        return new PtpEditFacts(stored,
            Add("column1", e.Column1, "Column one code"),
            Add("column2", e.Column2, "Column two code"),
            Add("indicator", ((int)e.ModifierIndicator).ToString(CultureInfo.InvariantCulture), "Modifier indicator"),
            Add("effective", Date(e.Effective), "Effective date"),
            e.Deletion is { } d ? Add("deletion", Date(d), "Deletion date (last day in effect)") : null,
            Add("rationale", e.Rationale, "PTP edit rationale"));
    }

    /// <summary>What an indicator means, in our words (NCCI Policy Manual, chapter I, section E).</summary>
    public static string IndicatorMeaning(PtpModifierIndicator indicator) => indicator switch
    {
        PtpModifierIndicator.NotAllowed => "no modifier allowed",
        PtpModifierIndicator.Allowed => "an NCCI-associated modifier may bypass it",
        _ => "not applicable: deleted on its effective date",
    };

    public static Fact Count(DossierFacts known, string id, int count, string label, IReadOnlyList<string> files, string release) =>
        known.Derived(id, count, label, new SourceRef(string.Join(" + ", files), release, "every row naming the code"), "count of rows", []);
}
