namespace PayerAtlas.Publishing;

/// <summary>
/// What the PFS relative value file's indicator codes mean (record layout RVU25D, Attachment A), in our words.
/// Unknown codes return null so a writer states the raw value rather than guessing.
/// </summary>
public static class FeeScheduleIndicators
{
    public static string? Status(string code) => code switch
    {
        "A" => "active code, paid separately under the fee schedule when covered",
        "B" => "bundled code: payment is always included in another service",
        "C" => "contractor-priced: the MAC sets the amount case by case",
        "D" => "deleted code",
        "E" => "excluded from the fee schedule by regulation",
        "I" => "not valid for Medicare: Medicare pays another code for this service",
        "J" => "anesthesia service: no RVUs or amounts",
        "M" => "measurement code, reported for quality programs only",
        "N" => "non-covered service",
        "P" => "bundled or excluded: no separate payment under the fee schedule",
        "R" => "restricted coverage: special coverage instructions apply",
        "T" => "injection: paid only when no other fee-schedule service is billed that day by the same provider",
        "X" => "statutory exclusion: not a physician service for fee-schedule purposes",
        _ => null,
    };

    public static string? PcTc(string code) => code switch
    {
        "0" => "physician service: the professional/technical split does not apply, so 26 and TC cannot be used",
        "1" => "diagnostic test with separate professional (26) and technical (TC) components",
        "2" => "professional-component-only code: 26 and TC cannot be used",
        "3" => "technical-component-only code: 26 and TC cannot be used",
        "4" => "global-test-only code: the components have their own codes, so 26 and TC cannot be used",
        "5" => "incident-to service: not payable to the practitioner for hospital inpatients or outpatients; 26 and TC cannot be used",
        "6" => "laboratory physician interpretation: TC cannot be used",
        "7" => "physical therapy service not payable when furnished to hospital patients by an independent therapist",
        "8" => "physician interpretation of an abnormal smear: no TC billing",
        "9" => "the professional/technical concept does not apply",
        _ => null,
    };

    public static string? GlobalDays(string code) => code switch
    {
        "000" => "endoscopic or minor procedure: related services on the day of the procedure are included",
        "010" => "minor procedure: the day of the procedure and a 10-day postoperative period are included",
        "090" => "major surgery: one day before and a 90-day postoperative period are included",
        "MMM" => "maternity code: the usual global period does not apply",
        "XXX" => "the global surgery concept does not apply",
        "YYY" => "the contractor sets the global period",
        "ZZZ" => "add-on service that is always part of another service's global period",
        _ => null,
    };

    public static string? MultipleProcedure(string code) => code switch
    {
        "0" => "no multiple-procedure reduction applies",
        "1" => "pre-1995 multiple-procedure rules apply",
        "2" => "standard multiple-procedure reduction: the highest-valued procedure is paid in full and others at half",
        "3" => "multiple-endoscopy rules apply within the same endoscopic family",
        "4" => "diagnostic imaging multiple-procedure reduction applies within the same imaging session",
        "5" => "the practice expense of subsequent therapy services is reduced",
        "6" => "the technical component of subsequent diagnostic cardiovascular services is reduced",
        "7" => "the technical component of subsequent diagnostic ophthalmology services is reduced",
        "9" => "the multiple-procedure concept does not apply",
        _ => null,
    };

    public static string? Bilateral(string code) => code switch
    {
        "0" => "no bilateral adjustment: reporting both sides pays no more than one",
        "1" => "bilateral adjustment applies: both sides are paid at 150% of one side",
        "2" => "the values already describe a bilateral procedure: no further adjustment",
        "3" => "each side is paid in full, as for many radiology services",
        "9" => "the bilateral concept does not apply",
        _ => null,
    };

    public static string? Assistant(string code) => code switch
    {
        "0" => "an assistant at surgery is paid only with documentation of medical necessity",
        "1" => "an assistant at surgery may not be paid",
        "2" => "an assistant at surgery may be paid",
        "9" => "the assistant-at-surgery concept does not apply",
        _ => null,
    };

    public static string? CoSurgeons(string code) => code switch
    {
        "0" => "co-surgeons are not permitted",
        "1" => "co-surgeons may be paid with supporting documentation",
        "2" => "co-surgeons are permitted",
        "9" => "the co-surgeon concept does not apply",
        _ => null,
    };

    public static string? TeamSurgery(string code) => code switch
    {
        "0" => "team surgeons are not permitted",
        "1" => "team surgeons may be paid with supporting documentation",
        "2" => "team surgeons are permitted",
        "9" => "the team-surgery concept does not apply",
        _ => null,
    };

    public static string? Supervision(string code) => code switch
    {
        "01" => "general supervision: the physician directs the service but need not be present",
        "02" => "direct supervision: the physician must be immediately available in the office suite",
        "03" => "personal supervision: the physician must be in the room during the procedure",
        "04" => "no physician supervision when a qualified psychologist furnishes it; otherwise general supervision",
        "05" => "no physician supervision when a qualified audiologist furnishes it; otherwise general supervision",
        "06" => "performed by a physician or an ABPTS-certified physical therapist",
        "21" => "a certified technician under general supervision; otherwise direct supervision",
        "22" => "a technician in real-time contact with a physician",
        "66" => "performed by a physician or a physical therapist certified for this procedure",
        "6A" => "as level 66, and the certified therapist may supervise another therapist",
        "77" => "a certified therapist, or others under direct or general supervision as the level specifies",
        "7A" => "as level 77, and the certified therapist may supervise another therapist",
        "09" => "the supervision concept does not apply",
        _ => null,
    };
}
