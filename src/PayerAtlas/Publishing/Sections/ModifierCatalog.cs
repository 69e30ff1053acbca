using PayerAtlas.Dossiers;
using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Publishing.Sections;

/// <summary>A modifier row of the Coding Specifications table and the indicator fact that justifies it.</summary>
public sealed record ModifierUse(string Modifier, string When, Fact? Basis);

/// <summary>
/// Derives the modifiers a code takes from its fee-schedule indicators: PC/TC → 26/TC, bilateral → 50,
/// multiple procedure → 51, assistant → 80/81/82/AS, co-surgeons → 62, team → 66, a priced 53 row → 53.
/// </summary>
public static class ModifierCatalog
{
    /// <summary>Short names in our own words; the HCPCS modifier file's text is used instead when imported.</summary>
    public static string? Name(string modifier) => modifier switch
    {
        "26" => "Professional component",
        "TC" => "Technical component",
        "50" => "Bilateral procedure",
        "51" => "Multiple procedures",
        "53" => "Discontinued procedure",
        "58" => "Staged or related procedure during the postoperative period",
        "59" => "Distinct procedural service",
        "62" => "Two surgeons",
        "66" => "Surgical team",
        "76" => "Repeat procedure by the same physician",
        "78" => "Unplanned return to the operating room during the postoperative period",
        "79" => "Unrelated procedure during the postoperative period",
        "80" => "Assistant surgeon",
        "81" => "Minimum assistant surgeon",
        "82" => "Assistant surgeon when no qualified resident is available",
        "AS" => "Non-physician assistant at surgery (PA, NP or CNS)",
        "LT" => "Left side",
        "RT" => "Right side",
        "XE" => "Separate encounter",
        "XS" => "Separate structure or organ",
        "XP" => "Separate practitioner",
        "XU" => "Unusual non-overlapping service",
        "25" => "Significant, separately identifiable E/M service",
        "57" => "Decision for surgery",
        "24" => "Unrelated E/M service during a postoperative period",
        "GC" => "Service performed in part by a resident under a teaching physician",
        _ => null,
    };

    public static IReadOnlyList<ModifierUse> Derive(Dossier dossier, DossierFacts known)
    {
        var uses = new List<ModifierUse>();
        if (dossier.Primary is not { } row)
        {
            return uses;
        }

        var r = row.Record;
        var pctc = known.Rvu(row, "pctc", r.PcTcIndicator, "PC/TC indicator");
        if (r.PcTcIndicator == "1")
        {
            uses.Add(new("26", "Bill the interpretation and report alone, e.g. when the radiologist reads studies performed with hospital equipment.", pctc));
            uses.Add(new("TC", "Bill the equipment, supplies and technologist work alone, without the physician's interpretation.", pctc));
        }
        else if (r.PcTcIndicator == "6")
        {
            uses.Add(new("26", "Bill the laboratory physician's interpretation; the test itself is paid under the lab fee schedule.", pctc));
        }

        var bilateral = known.Rvu(row, "bilateral", r.BilateralSurgery, "Bilateral surgery indicator");
        if (r.BilateralSurgery == "1")
        {
            uses.Add(new("50", "Report once when the procedure is done on both sides in the same session; payment is adjusted to one and a half times the single-side amount.", bilateral));
        }
        else if (r.BilateralSurgery == "3")
        {
            uses.Add(new("RT", "Report each side on its own line (RT and LT); each side is paid in full.", bilateral));
            uses.Add(new("LT", "Report each side on its own line (RT and LT); each side is paid in full.", bilateral));
        }

        var multiple = known.Rvu(row, "multiple_procedure", r.MultipleProcedure, "Multiple procedure indicator");
        if (r.MultipleProcedure is "2" or "3")
        {
            uses.Add(new("51", "Append to additional procedures in the same session; the standard multiple-procedure reduction applies (most Medicare contractors apply it without the modifier).", multiple));
        }

        var assistant = known.Rvu(row, "assistant", r.AssistantSurgery, "Assistant at surgery indicator");
        if (r.AssistantSurgery is "0" or "2")
        {
            var when = r.AssistantSurgery == "2"
                ? "An assistant at surgery may be paid"
                : "An assistant at surgery is paid only when documentation shows it was medically necessary";
            uses.Add(new("80", when + "; the assisting physician reports 80.", assistant));
            uses.Add(new("81", when + "; 81 marks minimal assistance.", assistant));
            uses.Add(new("82", when + "; 82 is for teaching settings when no qualified resident was available.", assistant));
            uses.Add(new("AS", when + "; a PA, NP or CNS assisting reports AS.", assistant));
        }

        var co = known.Rvu(row, "co_surgeons", r.CoSurgeons, "Co-surgeons indicator");
        if (r.CoSurgeons is "1" or "2")
        {
            uses.Add(new("62", r.CoSurgeons == "1"
                ? "Two surgeons of different specialties each performing distinct parts of the procedure; payable with documentation of medical necessity."
                : "Two surgeons of different specialties each performing distinct parts of the procedure; each reports 62.", co));
        }

        var team = known.Rvu(row, "team", r.TeamSurgery, "Team surgery indicator");
        if (r.TeamSurgery is "1" or "2")
        {
            uses.Add(new("66", r.TeamSurgery == "1"
                ? "A team of surgeons performing a highly complex procedure; payable with supporting documentation."
                : "A team of surgeons performing a highly complex procedure; team payment is permitted.", team));
        }

        if (dossier.Row("53") is { } discontinued)
        {
            var status = known.Rvu(discontinued, "status", discontinued.Record.StatusCode, "Medicare status code");
            uses.Add(new("53", "The procedure was started but discontinued (for example, for patient safety); the fee schedule carries separate values for it.", status));
        }

        var global = known.Rvu(row, "global_days", r.GlobalDays, "Global surgery days");
        if (r.GlobalDays is "010" or "090")
        {
            uses.Add(new("58", "A staged or planned related procedure during the postoperative period.", global));
            uses.Add(new("78", "An unplanned return to the operating room for a related problem during the postoperative period.", global));
            uses.Add(new("79", "An unrelated procedure during the postoperative period.", global));
        }

        return uses;
    }
}
