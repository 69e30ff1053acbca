using System.Globalization;
using System.Text;
using PayerAtlas.Importing;
using PayerAtlas.Policies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PayerAtlas.Importers.Policies;

/// <summary>
/// Reads one policy version written by an editor as YAML (the schema is in content/demo/README.md). Strict like
/// the content-pack reader: an unknown or duplicate key, a wrong type, a malformed code, range, ICD-10 code,
/// modifier, place of service, date or URL, dates out of order, or two rules giving one code different stances
/// is an error naming the file, line and column.
/// </summary>
public static partial class PolicyYamlReader
{
    static readonly string[] TopKeys =
    [
        "payer", "plan", "policy", "title", "kind", "line_of_business", "version", "original_effective", "effective",
        "revised", "last_reviewed", "next_review", "ended", "source_url", "summary", "rules",
    ];

    public static Policy Read(IEnumerable<TextLine> lines, string file)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.Text).Append('\n');
        }

        var reader = new Reader(file);
        var root = reader.Parse(text.ToString());
        var policy = reader.Build(root);
        PolicyChecks.DatesInOrder(policy, file);
        PolicyChecks.OneStancePerCode(policy, file);
        return policy;
    }

    /// <summary>The nodes of one file, turned into values with their lines or into errors at their marks.</summary>
    sealed partial class Reader(string file)
    {
        public YamlMappingNode Parse(string yaml)
        {
            var stream = new YamlStream();
            try
            {
                if (YamlDepth.TooDeep(yaml) is { } deep)
                {
                    throw Error(deep, $"YAML nested deeper than {YamlDepth.Max} levels");
                }

                stream.Load(new StringReader(yaml));
            }
            catch (YamlException ex)
            {
                var reason = ex.Message.StartsWith("Duplicate key", StringComparison.Ordinal)
                    ? $"duplicate key '{ex.Message["Duplicate key".Length..].Trim()}': each key may appear once"
                    : $"YAML syntax error: {ex.Message}";
                throw Error(ex.Start, reason);
            }

            if (stream.Documents.Count == 0)
            {
                throw new ImportException(file, "the policy file is empty: 'payer', 'policy', 'title', 'kind', 'version' and 'rules' are required");
            }

            if (stream.Documents.Count > 1)
            {
                throw Error(stream.Documents[1].RootNode.Start, "one policy version per file: a second YAML document ('---') follows");
            }

            return stream.Documents[0].RootNode as YamlMappingNode
                ?? throw Error(stream.Documents[0].RootNode.Start, "a policy file is 'key: value' lines (a YAML mapping)");
        }

        public Policy Build(YamlMappingNode root)
        {
            var values = Keys(root, TopKeys, "the policy");
            var rules = values.TryGetValue("rules", out var rulesNode) ? Rules(rulesNode) : null;
            if (rules is null || rules.Count == 0)
            {
                throw rulesNode is null
                    ? new ImportException(file, 1, 1, "'rules' is required: a policy version names at least one code")
                    : Error(rulesNode.Start, "'rules' is empty: a policy version names at least one code");
            }

            var policy = new Policy
            {
                Payer = Required(values, "payer", root).Value,
                Plan = Optional(values, "plan"),
                Id = Required(values, "policy", root),
                Title = Required(values, "title", root),
                Kind = Enum(values, "kind", root, PolicyTerms.ParseKind, PolicyTerms.KindNames),
                LinesOfBusiness = List(values, "line_of_business", (n, k) => Choice(n, k, PolicyTerms.ParseLineOfBusiness, PolicyTerms.LineOfBusinessNames)),
                Version = Required(values, "version", root),
                OriginalEffective = Date(values, "original_effective"),
                Effective = Date(values, "effective"),
                Revised = Date(values, "revised"),
                LastReviewed = Date(values, "last_reviewed"),
                NextReview = Date(values, "next_review"),
                Ended = Date(values, "ended"),
                SourceUrl = Url(values, "source_url"),
                Summary = Optional(values, "summary"),
                Origin = PolicyOrigin.Editorial,
                File = file,
                Rules = rules,
            };
            return policy with { Mentions = Mentions(policy) };
        }

        /// <summary>An editorial file's mentions are its rules' codes, each at its line.</summary>
        static List<CodeMention> Mentions(Policy policy) =>
            policy.Rules.SelectMany(r => r.Codes.Select(c => new CodeMention(c.Value, CodeSystem.Procedure, null, $"line {c.Row}", r.Passage?.Value ?? "")))
                .Concat(policy.Rules.SelectMany(r => r.Icd10.Select(c => new CodeMention(c.Value, CodeSystem.Icd10, null, $"line {c.Row}", r.Passage?.Value ?? ""))))
                .ToList();

        Dictionary<string, YamlNode> Keys(YamlMappingNode mapping, string[] allowed, string where)
        {
            var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = keyNode is YamlScalarNode { Value: { Length: > 0 } name } ? name : throw Error(keyNode.Start, "a key must be a plain name");
                if (Array.IndexOf(allowed, key) < 0)
                {
                    throw Error(keyNode.Start, $"unknown key '{key}' in {where}; allowed keys: {string.Join(", ", allowed)}");
                }

                values[key] = value;
            }

            return values;
        }

        Cited<string> Required(Dictionary<string, YamlNode> values, string key, YamlNode parent) =>
            values.TryGetValue(key, out var node)
                ? Text(node, key) ?? throw Error(node.Start, $"'{key}' is empty: it is required")
                : throw Error(parent.Start, $"'{key}' is required");

        Cited<string>? Optional(Dictionary<string, YamlNode> values, string key) =>
            values.TryGetValue(key, out var node) ? Text(node, key) : null;

        /// <summary>A scalar's trimmed text with its line; null for an empty value, '~' or 'null'.</summary>
        Cited<string>? Text(YamlNode node, string key)
        {
            if (node is not YamlScalarNode scalar)
            {
                throw Error(node.Start, $"'{key}' must be a single value, not {Describe(node)}");
            }

            return IsEmpty(scalar) ? null : new Cited<string>(scalar.Value!.Trim(), Row(node));
        }

        string Item(YamlNode node, string key)
        {
            var text = Text(node, key) ?? throw Error(node.Start, $"'{key}' has an empty item");
            return text.Value;
        }

        Cited<T> Enum<T>(Dictionary<string, YamlNode> values, string key, YamlNode parent, Func<string, T?> parse, IReadOnlyList<string> names)
            where T : struct
        {
            var text = Required(values, key, parent);
            return new Cited<T>(Choice(values[key], key, parse, names), text.Row);
        }

        T Choice<T>(YamlNode node, string key, Func<string, T?> parse, IReadOnlyList<string> names) where T : struct
        {
            var text = Item(node, key);
            return parse(text) ?? throw Error(node.Start, $"{key} '{text}' is not one of: {string.Join(", ", names)}");
        }

        List<Cited<T>> List<T>(Dictionary<string, YamlNode> values, string key, Func<YamlNode, string, T> item)
        {
            if (!values.TryGetValue(key, out var node) || node is YamlScalarNode scalar && IsEmpty(scalar))
            {
                return [];
            }

            // A single value stands for a one-item list ("codes: 77054").
            IEnumerable<YamlNode> items = node switch
            {
                YamlSequenceNode sequence => sequence.Children,
                YamlScalarNode => [node],
                _ => throw Error(node.Start, $"'{key}' must be a list ('- item' lines), not {Describe(node)}"),
            };
            return items.Select(child => new Cited<T>(item(child, key), Row(child))).ToList();
        }

        Cited<DateOnly>? Date(Dictionary<string, YamlNode> values, string key)
        {
            if (!values.TryGetValue(key, out var node) || Text(node, key) is not { } text)
            {
                return null;
            }

            return DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new Cited<DateOnly>(date, text.Row)
                : throw Error(node.Start, $"{key} '{text.Value}' is not a date: write yyyy-MM-dd");
        }

        Cited<string>? Url(Dictionary<string, YamlNode> values, string key)
        {
            var text = Optional(values, key);
            if (text is null)
            {
                return null;
            }

            return Uri.TryCreate(text.Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? text
                : throw Error(values[key].Start, $"{key} '{text.Value}' is not an http(s) address");
        }

        /// <summary>Empty text, or YAML's plain null ('~', 'null').</summary>
        static bool IsEmpty(YamlScalarNode scalar)
        {
            var text = scalar.Value?.Trim() ?? "";
            return text.Length == 0 || (scalar.Style == ScalarStyle.Plain && text is "~" or "null" or "Null" or "NULL");
        }

        static string Describe(YamlNode node) => node switch
        {
            YamlSequenceNode => "a list",
            YamlMappingNode => "a 'key: value' mapping",
            _ => "a single value",
        };

        static string Row(YamlNode node) => node.Start.Line.ToString(CultureInfo.InvariantCulture);

        ImportException Error(Mark mark, string reason) => new(file, mark.Line, (int)mark.Column, reason);
    }
}
