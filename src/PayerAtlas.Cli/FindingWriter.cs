using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PayerAtlas.Claims;
using PayerAtlas.Claims.Output;

namespace PayerAtlas.Cli;

/// <summary>Writes findings as they stream out of the checker, flushing at least every quarter second.</summary>
public abstract class FindingWriter(TextWriter output)
{
    readonly Stopwatch sinceFlush = Stopwatch.StartNew();

    protected TextWriter Output => output;

    public abstract void Write(ClaimFinding finding);

    public abstract void Complete(ClaimCheckSummary summary, string release);

    protected void MaybeFlush(int buffered)
    {
        if (buffered > 64 * 1024 || sinceFlush.ElapsedMilliseconds > 250)
        {
            Flush();
        }
    }

    protected virtual void Flush()
    {
        output.Flush();
        sinceFlush.Restart();
    }

    public static FindingWriter For(string format, TextWriter output) => format switch
    {
        "json" => new Json(output),
        _ => new Table(output),
    };

    /// <summary>Aligned columns; the fix and the sources on the lines under each finding.</summary>
    sealed class Table(TextWriter output) : FindingWriter(output)
    {
        static readonly string Indent = new(' ', 66);
        readonly StringBuilder text = new();
        bool header;

        public override void Write(ClaimFinding f)
        {
            if (!header)
            {
                text.Append(CultureInfo.InvariantCulture, $"{"CLAIM",-12} {"LINE",5}  {"CODE",-6} {"SEVERITY",-8}  {"RULE",-26}  FINDING\n");
                header = true;
            }

            text.Append(CultureInfo.InvariantCulture, $"{f.ClaimId,-12} {f.Line,5}  {f.Code,-6} {ClaimFindingJson.SeverityName(f.Severity),-8}  {f.Rule,-26}  {f.Message}\n");
            text.Append(Indent).Append("fix: ").Append(f.Fix).Append('\n');
            foreach (var source in f.Sources)
            {
                text.Append(Indent).Append("source: ").Append(source).Append('\n');
            }

            MaybeFlush(text.Length);
        }

        protected override void Flush()
        {
            Output.Write(text);
            text.Clear();
            base.Flush();
        }

        public override void Complete(ClaimCheckSummary s, string release)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"checked {s.Lines:N0} lines in {s.Claims:N0} claims against release {release}: {s.DeniedLines:N0} would be denied, {s.WarnedLines:N0} have warnings, {s.InvalidLines:N0} could not be read ({s.Findings:N0} findings, {s.LinesPerSecond:N0} lines/s)\n");
            foreach (var notice in s.Notices)
            {
                text.Append("notice: ").Append(notice).Append('\n');
            }

            Flush();
        }
    }

    /// <summary>{ "release": …, "findings": [ … ], "summary": { … } }, streamed.</summary>
    sealed class Json : FindingWriter
    {
        readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
        readonly Utf8JsonWriter json;
        bool started;

        public Json(TextWriter output)
            : base(output) => json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false });

        void Start()
        {
            if (!started)
            {
                json.WriteStartObject();
                json.WriteStartArray("findings");
                started = true;
            }
        }

        public override void Write(ClaimFinding finding)
        {
            Start();
            ClaimFindingJson.Write(json, finding);
            json.Flush();
            MaybeFlush(buffer.WrittenCount);
        }

        protected override void Flush()
        {
            json.Flush();
            Output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
            base.Flush();
        }

        public override void Complete(ClaimCheckSummary summary, string release)
        {
            Start();
            json.WriteEndArray();
            json.WritePropertyName("summary");
            ClaimFindingJson.Write(json, summary, release);
            json.WriteEndObject();
            Flush();
            Output.WriteLine();
            Output.Flush();
        }
    }
}
