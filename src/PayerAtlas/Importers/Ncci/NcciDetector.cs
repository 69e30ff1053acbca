using PayerAtlas.Importing;
using PayerAtlas.Sources;

namespace PayerAtlas.Importers.Ncci;

/// <summary>Recognises the NCCI PTP and MUE layouts from a file's first lines.</summary>
internal static class NcciDetector
{
    public static Detection? Detect(string[] lines, string name)
    {
        var head = lines.Take(PtpReader.MaxPreambleLines).ToList();
        if (head.Any(PtpReader.IsHeader))
        {
            // The practitioner and outpatient hospital PTP tables share one layout; only CMS's file names
            // (ccipra-v321r0-f1.txt, ccioph-v321r0-f1.txt) tell them apart.
            return PtpSetting(name) switch
            {
                NcciSetting.Practitioner => new Detection(SourceKind.NcciPtpPractitioner, "NCCI PTP edits, practitioner (ccipra)"),
                NcciSetting.OutpatientHospital => new Detection(SourceKind.NcciPtpHospital, "NCCI PTP edits, outpatient hospital (ccioph)"),
                _ => new Detection(null,
                    "NCCI PTP edit table, but its name says neither practitioner (ccipra…) nor outpatient hospital (ccioph…): keep CMS's file name"),
            };
        }

        var header = head.FirstOrDefault(l => l.Contains("MUE Value", StringComparison.OrdinalIgnoreCase)
            && l.Contains("Adjudication", StringComparison.OrdinalIgnoreCase));
        return header is null ? null : MueReader.SettingOf(header) switch
        {
            NcciSetting.Practitioner => new Detection(SourceKind.NcciMuePractitioner, "MUE table, practitioner services"),
            NcciSetting.OutpatientHospital => new Detection(SourceKind.NcciMueOutpatientHospital, "MUE table, outpatient hospital services"),
            NcciSetting.Dme => new Detection(SourceKind.NcciMueDme, "MUE table, DME supplier services"),
            _ => new Detection(null, "MUE table whose header names no practitioner, outpatient hospital or DME setting"),
        };
    }

    static NcciSetting? PtpSetting(string name)
    {
        var n = name.ToLowerInvariant();
        bool Has(string s) => n.Contains(s, StringComparison.Ordinal);
        if (Has("ccioph"))
        {
            return NcciSetting.OutpatientHospital;
        }

        if (Has("ccipra"))
        {
            return NcciSetting.Practitioner;
        }

        var hospital = Has("hospital") || Has("outpatient");
        var practitioner = Has("practitioner");
        return hospital == practitioner ? null : hospital ? NcciSetting.OutpatientHospital : NcciSetting.Practitioner;
    }
}
