using System.Text.Json;

namespace PayerAtlas.Claims.Output;

/// <summary>
/// The JSON form of findings and of the run summary, shared by the CLI and the web API:
/// <c>{ claim_id, line, code, severity, rule, message, fix, related_line?, input_line, sources: [ { title, file?, release?, row? } ] }</c>.
/// </summary>
public static class ClaimFindingJson
{
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Deny => "deny",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static void Write(Utf8JsonWriter w, ClaimFinding f)
    {
        w.WriteStartObject();
        w.WriteString("claim_id", f.ClaimId);
        w.WriteNumber("line", f.Line);
        w.WriteString("code", f.Code);
        w.WriteString("severity", SeverityName(f.Severity));
        w.WriteString("rule", f.Rule);
        w.WriteString("message", f.Message);
        w.WriteString("fix", f.Fix);
        if (f.RelatedLine is { } related)
        {
            w.WriteNumber("related_line", related);
        }

        w.WriteNumber("input_line", f.InputLine);
        w.WriteStartArray("sources");
        foreach (var s in f.Sources)
        {
            w.WriteStartObject();
            w.WriteString("title", s.Title);
            if (s.Row is { } row)
            {
                w.WriteString("file", row.File);
                w.WriteString("release", row.Release);
                w.WriteString("row", row.Row);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, ClaimCheckSummary s, string release)
    {
        w.WriteStartObject();
        w.WriteString("release", release);
        w.WriteNumber("lines", s.Lines);
        w.WriteNumber("claims", s.Claims);
        w.WriteNumber("denied_lines", s.DeniedLines);
        w.WriteNumber("warned_lines", s.WarnedLines);
        w.WriteNumber("invalid_lines", s.InvalidLines);
        w.WriteNumber("findings", s.Findings);
        w.WriteNumber("seconds", Math.Round(s.Elapsed.TotalSeconds, 3));
        w.WriteStartObject("by_rule");
        foreach (var (rule, count) in s.ByRule.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(rule, count);
        }

        w.WriteEndObject();
        w.WriteStartArray("notices");
        foreach (var notice in s.Notices)
        {
            w.WriteStringValue(notice);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
