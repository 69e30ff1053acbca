using System.Globalization;
using PayerAtlas.Importing;
using PayerAtlas.Policies;

namespace PayerAtlas.Importers.Policies;

/// <summary>
/// What a document cannot say about itself reliably, given on import: whose policy it is, and optionally its
/// number, title, kind, plan, lines of business, address and version. Values found in the document are used
/// when an option is absent.
/// </summary>
public sealed record PolicyDocumentOptions
{
    public required string Payer { get; init; }
    public string? Plan { get; init; }
    public string? PolicyId { get; init; }
    public string? Title { get; init; }
    public PolicyKind Kind { get; init; } = PolicyKind.Medical;
    public IReadOnlyList<LineOfBusiness> LinesOfBusiness { get; init; } = [];
    public string? SourceUrl { get; init; }
    public string? Version { get; init; }
    public DateOnly? Effective { get; init; }
}

/// <summary>
/// Turns a payer document (PDF or HTML, as published) into a policy version: title, labelled dates and number,
/// and every CPT/HCPCS/ICD-10 code and range it names, each with its page (or line) and sentence. The stance of
/// every code is unknown — a document only says that a code is named — until an editor confirms it in YAML.
/// </summary>
public static class PolicyDocumentReader
{
    const string OptionRow = "import option";

    public static Policy Read(DocumentText document, PolicyDocumentOptions options, string file, string sha256)
    {
        var mentions = Mentions(document).ToList();
        var procedures = mentions.Where(m => m.System == CodeSystem.Procedure).ToList();
        if (procedures.Count == 0)
        {
            throw new ImportException(file, mentions.Count == 0
                ? "no CPT, HCPCS or ICD-10 code found in the document: nothing to index (a scanned image without text?)"
                : "the document names ICD-10 codes but no CPT or HCPCS code: nothing to publish");
        }

        var labels = DocumentLabels.Find(document.Blocks);
        var first = document.Blocks[0].Location;
        var id = options.PolicyId is { } given ? new Cited<string>(given, OptionRow) : labels.PolicyId
            ?? throw new ImportException(file, "no policy number found in the document (e.g. 'Policy Number: …'): give it with --policy");
        var title = options.Title is { } t ? new Cited<string>(t, OptionRow)
            : document.Title is { Length: > 0 } dt ? new Cited<string>(Shorten(dt), first)
            : throw new ImportException(file, "the document has no title: give one with --title");
        var effective = options.Effective is { } e ? new Cited<DateOnly>(e, OptionRow) : labels.Effective;
        var versionDate = labels.Revised ?? effective ?? labels.LastReviewed;
        var version = options.Version is { } v ? new Cited<string>(v, OptionRow)
            : versionDate is not null ? new Cited<string>(versionDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), versionDate.Row)
            : new Cited<string>("sha256:" + sha256[..12], "file content");
        var url = options.SourceUrl ?? document.Url;

        return new Policy
        {
            Payer = options.Payer,
            Plan = options.Plan is null ? null : new Cited<string>(options.Plan, OptionRow),
            Id = id,
            Title = title,
            Kind = new Cited<PolicyKind>(options.Kind, OptionRow),
            LinesOfBusiness = options.LinesOfBusiness.Select(l => new Cited<LineOfBusiness>(l, OptionRow)).ToList(),
            Version = version,
            OriginalEffective = labels.OriginalEffective,
            Effective = effective,
            Revised = labels.Revised,
            LastReviewed = labels.LastReviewed,
            NextReview = labels.NextReview,
            Ended = labels.Ended,
            SourceUrl = url is null ? null : new Cited<string>(url, options.SourceUrl is null ? first : OptionRow),
            Origin = PolicyOrigin.Extracted,
            File = file,
            Rules = Rules(procedures),
            Mentions = mentions,
        };
    }

    /// <summary>Every code named, sentence by sentence, in reading order; one mention per code or range per sentence.</summary>
    public static IEnumerable<CodeMention> Mentions(DocumentText document)
    {
        foreach (var block in document.Blocks)
        {
            foreach (var paragraph in Sentences.Paragraphs(block.Text))
            {
                foreach (var sentence in Sentences.Split(paragraph))
                {
                    var seen = new HashSet<(CodeRange, CodeSystem)>();
                    foreach (var found in CodeScanner.Find(sentence).OrderBy(f => f.Index))
                    {
                        if (seen.Add((found.Codes, found.System)))
                        {
                            yield return new CodeMention(found.Codes, found.System, block.Page, block.Location, sentence);
                        }
                    }
                }
            }
        }
    }

    /// <summary>One rule per code or range, at its first mention; the stance stays unknown.</summary>
    static List<PolicyRule> Rules(List<CodeMention> procedures) =>
        procedures.GroupBy(m => m.Codes)
            .Select(g => g.First())
            .Select(m => new PolicyRule
            {
                Codes = [new Cited<CodeRange>(m.Codes, m.Location)],
                Passage = new Cited<string>(m.Sentence, m.Location),
                Row = m.Location,
            })
            .ToList();

    static string Shorten(string title)
    {
        var line = title.Split('\n')[0].Trim();
        return line.Length <= 160 ? line : line[..157] + "…";
    }
}
