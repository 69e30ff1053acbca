using System.Text;
using PayerAtlas.Sources;

namespace PayerAtlas.Importing;

/// <summary>A layout recognised from content, or a reason it was not.</summary>
public sealed record Detection(SourceKind? Kind, string Reason);

/// <summary>
/// Recognises a file's layout from its first lines, not its name: CMS renames files between releases
/// (PPRRVU25_JAN, PPRRVU2025_Oct) and users rename them again.
/// </summary>
public static class FormatDetector
{
    const int SniffBytes = 16 * 1024;

    public static Detection Detect(ImportInput input)
    {
        byte[] head;
        using (var stream = input.Open())
        {
            head = new byte[SniffBytes];
            var n = stream.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
            Array.Resize(ref head, n);
        }

        if (head.Length == 0)
        {
            return new Detection(null, "file is empty");
        }

        if (head.AsSpan().StartsWith("%PDF"u8))
        {
            return new Detection(null, "PDF document (record layouts and readmes are not data; import payer policy documents with 'payeratlas policies import --payer …')");
        }

        if (head.AsSpan().StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        if (head.Length >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF
            || head.AsSpan(0, Math.Min(head.Length, 512)).IndexOf((byte)0) >= 0))
        {
            return new Detection(null, "binary or UTF-16 content: CMS ships these files as ASCII/Windows-1252 text");
        }

        var text = Encoding.Latin1.GetString(head);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (head.Length == SniffBytes && lines.Length > 1)
        {
            lines = lines[..^1]; // the last line may be cut by the sniff window
        }

        return DetectText(lines, input.Name);
    }

    static Detection DetectText(string[] lines, string name)
    {
        bool Any(Func<string, bool> test, int first = 40) => lines.Take(first).Any(test);
        bool Has(string s, int first = 40) => Any(l => l.Contains(s, StringComparison.OrdinalIgnoreCase), first);

        if (lines[0] == "---" && Any(l => l.StartsWith("code:", StringComparison.Ordinal), 10))
        {
            return new Detection(SourceKind.EditorialContent, "Markdown with 'code:' front matter");
        }

        if (IsYaml(name) && Any(l => l.StartsWith("payer:", StringComparison.Ordinal)) && Any(l => l.StartsWith("policy:", StringComparison.Ordinal)))
        {
            return new Detection(SourceKind.PolicyYaml, "policy YAML ('payer:' and 'policy:' keys)");
        }

        if (Any(l => l.StartsWith("pack:", StringComparison.Ordinal), 5) && name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            return new Detection(SourceKind.ContentPackManifest, "content pack manifest");
        }

        if (Any(l => l.StartsWith("HCPCS,MOD,DESCRIPTION", StringComparison.Ordinal), 20))
        {
            return new Detection(SourceKind.PfsRvuCsv, "PPRRVU CSV header");
        }

        if (lines[0].StartsWith("HDR ", StringComparison.Ordinal) && Any(l => IsPprrvuFixedRecord(l)))
        {
            return new Detection(SourceKind.PfsRvuFixedWidth, "HDR lines and 171-character PPRRVU records");
        }

        if (lines[0].StartsWith("HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY", StringComparison.OrdinalIgnoreCase))
        {
            return new Detection(SourceKind.OppsCapCsv, "OPPS imaging cap prices (OPPSCAP)");
        }

        if (Has("GEOGRAPHIC PRACTICE COST INDICES", 5))
        {
            return Any(l => l.Contains("Locality Number", StringComparison.OrdinalIgnoreCase) && l.Contains(','), 10)
                ? new Detection(SourceKind.GpciCsv, "GPCI addendum, CSV")
                : new Detection(SourceKind.GpciFixedWidth, "GPCI addendum, fixed width");
        }

        if (Has("COUNTIES INCLUDED IN", 5))
        {
            return lines[0].Contains(',')
                ? new Detection(SourceKind.LocalityCountyCsv, "locality/county crosswalk, CSV")
                : new Detection(SourceKind.LocalityCountyFixedWidth, "locality/county crosswalk, fixed width");
        }

        if (lines[0].StartsWith("pos_code,name", StringComparison.OrdinalIgnoreCase))
        {
            return new Detection(SourceKind.PlaceOfServiceCsv, "place-of-service CSV header");
        }

        if (Has("<CodeSystem", 10) && Has("place", 200) && Has("service", 200))
        {
            return new Detection(SourceKind.PlaceOfServiceFhirXml, "FHIR CodeSystem for places of service");
        }

        if (Importers.Ncci.NcciDetector.Detect(lines, name) is { } ncci)
        {
            return ncci;
        }

        if (Any(IsHcpcsRecord, 60))
        {
            return new Detection(SourceKind.HcpcsLevel2, "320-character HCPCS Level II records");
        }

        if (IsHtml(lines))
        {
            return new Detection(null, "HTML page: import payer policy documents with 'payeratlas policies import --payer …'");
        }

        var first = lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? "";
        var shown = first.Length > 60 ? first[..60] + "…" : first;
        return new Detection(null, $"unknown layout (first line: '{shown}')");
    }

    /// <summary>A payer document (PDF or HTML page), recognised by content; null for anything else.</summary>
    public static SourceKind? DocumentKind(ImportInput input)
    {
        var head = new byte[4096];
        int n;
        using (var stream = input.Open())
        {
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (head.AsSpan(0, n).StartsWith("%PDF"u8))
        {
            return SourceKind.PolicyPdf;
        }

        var lines = Encoding.Latin1.GetString(head, 0, n).Split('\n');
        return IsHtml(lines) ? SourceKind.PolicyHtml : null;
    }

    static bool IsHtml(string[] lines)
    {
        var start = string.Join(' ', lines.Take(20)).TrimStart('\uFEFF', ' ', '\t', '\r');
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<html", StringComparison.OrdinalIgnoreCase) && start.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    static bool IsYaml(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    static bool IsPprrvuFixedRecord(string line) =>
        line.Length >= 150 && BillingCodes.IsValid(line.AsSpan(0, 5)) && line[57] is >= 'A' and <= 'Z';

    /// <summary>HCPCS Level II: 320 characters, RIC at position 11 (3/4 procedure, 7/8 modifier).</summary>
    static bool IsHcpcsRecord(string line) =>
        line.Length == 320 && line[10] is '3' or '4' or '7' or '8' && line.AsSpan(5, 5).ContainsOnlyDigits();

    static bool ContainsOnlyDigits(this ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
