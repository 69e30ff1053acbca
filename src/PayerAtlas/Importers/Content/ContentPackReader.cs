using System.Globalization;
using System.Text;
using PayerAtlas.Importing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PayerAtlas.Importers.Content;

/// <summary>
/// Reads one content-pack file: YAML front matter between '---' lines, then a Markdown body whose only section
/// (for now) is "## Clinical context". Strict: an unknown key, a wrong type, a malformed code, POS code or date,
/// a duplicate key or an unknown heading is an error naming the line and column in the whole file.
/// </summary>
public static class ContentPackReader
{
    const string Fence = "---";
    const string ClinicalContextHeading = "Clinical context";

    static readonly string[] Keys =
    [
        "code", "title", "plain_description", "why_it_matters", "service_type", "typical_site_of_service",
        "places_of_service", "audience", "clinical_indications", "documentation", "modifier_notes", "related_codes",
        "common_errors", "reviewed",
    ];

    public static EditorialEntry Read(IEnumerable<TextLine> lines, string file)
    {
        using var e = lines.GetEnumerator();
        if (!e.MoveNext())
        {
            throw new ImportException(file, "file is empty: expected YAML front matter between '---' lines");
        }

        if (e.Current.Text.TrimEnd() != Fence)
        {
            throw new ImportException(file, e.Current.Number, 1, "expected '---' on the first line to open the YAML front matter");
        }

        var open = e.Current.Number;
        var yaml = new StringBuilder();
        var closed = false;
        while (e.MoveNext())
        {
            if (e.Current.Text.TrimEnd() == Fence)
            {
                closed = true;
                break;
            }

            yaml.Append(e.Current.Text).Append('\n');
        }

        if (!closed)
        {
            throw new ImportException(file, open, 1, $"front matter opened on line {open} is never closed by a '---' line");
        }

        var front = new FrontMatter(file, open);
        var root = front.Parse(yaml.ToString());
        var entry = front.Build(root);
        return entry with { ClinicalContext = ReadBody(e, file) };
    }

    static List<Sourced<string>> ReadBody(IEnumerator<TextLine> e, string file)
    {
        var paragraphs = new List<Sourced<string>>();
        var inSection = false;
        var paragraph = new List<string>();
        long first = 0;

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                paragraphs.Add(new Sourced<string>(string.Join(' ', paragraph), first));
                paragraph.Clear();
            }
        }

        while (e.MoveNext())
        {
            var (number, text) = e.Current;
            var trimmed = text.Trim();
            if (Heading(trimmed) is { } heading)
            {
                Flush();
                if (heading.Level != 2 || heading.Title != ClinicalContextHeading)
                {
                    throw new ImportException(file, number, 1,
                        $"unknown body heading '{trimmed}': only '## {ClinicalContextHeading}' is allowed for now");
                }

                if (inSection)
                {
                    throw new ImportException(file, number, 1, $"'## {ClinicalContextHeading}' appears twice");
                }

                inSection = true;
            }
            else if (trimmed.Length == 0)
            {
                Flush();
            }
            else if (!inSection)
            {
                throw new ImportException(file, number, 1,
                    $"body text outside a section: put it under a '## {ClinicalContextHeading}' heading");
            }
            else
            {
                first = paragraph.Count == 0 ? number : first;
                paragraph.Add(trimmed);
            }
        }

        Flush();
        return paragraphs;
    }

    /// <summary>An ATX heading: 1–6 '#' then a space (or nothing). "#hashtag" is paragraph text, as in CommonMark.</summary>
    static (int Level, string Title)? Heading(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        if (level is 0 or > 6 || level < line.Length && line[level] != ' ')
        {
            return null;
        }

        return (level, line[level..].Trim().TrimEnd('#').TrimEnd());
    }

    /// <summary>The front matter of one file. YAML lines are 1-based in the YAML text; the file line is that plus <c>open</c>.</summary>
    sealed class FrontMatter(string file, long open)
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
                throw new ImportException(file, open, 1, "front matter is empty: 'code' is required");
            }

            return stream.Documents[0].RootNode as YamlMappingNode
                ?? throw Error(stream.Documents[0].RootNode.Start, "front matter must be 'key: value' lines (a YAML mapping)");
        }

        public EditorialEntry Build(YamlMappingNode root)
        {
            var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in root.Children)
            {
                var key = KeyName(keyNode);
                if (Array.IndexOf(Keys, key) < 0)
                {
                    throw Error(keyNode.Start, $"unknown key '{key}'; allowed keys: {string.Join(", ", Keys)}");
                }

                values[key] = value;
            }

            var code = values.TryGetValue("code", out var codeNode) ? Text(codeNode, "code") : null;
            if (code is null)
            {
                throw codeNode is null
                    ? new ImportException(file, open, 1, "'code' is required in the front matter")
                    : Error(codeNode.Start, "'code' is empty: it is required");
            }

            if (!BillingCodes.IsValid(code.Value))
            {
                throw Error(codeNode!.Start, $"code '{code.Value}' is not a billing code: 5 characters, A–Z and 0–9");
            }

            return new EditorialEntry
            {
                Code = code.Value,
                File = file,
                Title = Optional(values, "title"),
                PlainDescription = Optional(values, "plain_description"),
                WhyItMatters = Optional(values, "why_it_matters"),
                ServiceType = Optional(values, "service_type"),
                TypicalSiteOfService = Optional(values, "typical_site_of_service"),
                PlacesOfService = List(values, "places_of_service", PlaceOfService),
                Audience = List(values, "audience", Item),
                ClinicalIndications = List(values, "clinical_indications", Item),
                Documentation = List(values, "documentation", Item),
                ModifierNotes = List(values, "modifier_notes", ModifierNote),
                RelatedCodes = List(values, "related_codes", RelatedCode),
                CommonErrors = List(values, "common_errors", Item),
                Reviewed = values.TryGetValue("reviewed", out var reviewed) ? Date(reviewed) : null,
            };
        }

        Sourced<string>? Optional(Dictionary<string, YamlNode> values, string key) =>
            values.TryGetValue(key, out var node) ? Text(node, key) : null;

        /// <summary>A scalar's trimmed text with its line; null for an empty value, '~' or 'null'.</summary>
        Sourced<string>? Text(YamlNode node, string key)
        {
            if (node is not YamlScalarNode scalar)
            {
                throw Error(node.Start, $"'{key}' must be a single value, not {Describe(node)}");
            }

            var text = scalar.Value?.Trim() ?? "";
            return IsEmpty(scalar) ? null : new Sourced<string>(text, Line(node.Start));
        }

        List<Sourced<T>> List<T>(Dictionary<string, YamlNode> values, string key, Func<YamlNode, string, T> item)
        {
            if (!values.TryGetValue(key, out var node) || node is YamlScalarNode scalar && IsEmpty(scalar))
            {
                return [];
            }

            if (node is not YamlSequenceNode sequence)
            {
                throw Error(node.Start, $"'{key}' must be a list ('- item' lines), not {Describe(node)}");
            }

            return sequence.Children.Select(child => new Sourced<T>(item(child, key), Line(child.Start))).ToList();
        }

        string Item(YamlNode node, string key)
        {
            if (node is not YamlScalarNode scalar)
            {
                throw Error(node.Start, $"each '{key}' item must be a single value, not {Describe(node)}");
            }

            return IsEmpty(scalar) ? throw Error(node.Start, $"'{key}' has an empty item") : scalar.Value!.Trim();
        }

        string PlaceOfService(YamlNode node, string key)
        {
            var pos = Item(node, key);
            return pos.Length == 2 && pos.All(char.IsAsciiDigit)
                ? pos
                : throw Error(node.Start, $"place of service '{pos}' is not a 2-digit POS code such as \"02\" or \"11\"");
        }

        ModifierNote ModifierNote(YamlNode node, string key)
        {
            var fields = Fields(node, key, "modifier", "note");
            var modifier = fields["modifier"];
            if (modifier.Value.Length != 2 || !modifier.Value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            {
                throw Error(modifier.Node.Start, $"modifier '{modifier.Value}' is not a modifier: 2 characters, A–Z and 0–9");
            }

            return new ModifierNote(modifier.Value, fields["note"].Value);
        }

        RelatedCode RelatedCode(YamlNode node, string key)
        {
            var fields = Fields(node, key, "code", "relation");
            var code = fields["code"];
            return BillingCodes.IsValid(code.Value)
                ? new RelatedCode(code.Value, fields["relation"].Value)
                : throw Error(code.Node.Start, $"related code '{code.Value}' is not a billing code: 5 characters, A–Z and 0–9");
        }

        /// <summary>A list item that is a small mapping with exactly the named, non-empty keys.</summary>
        Dictionary<string, (string Value, YamlNode Node)> Fields(YamlNode node, string key, params string[] names)
        {
            var shape = string.Join(", ", names.Select(n => $"{n}: …"));
            if (node is not YamlMappingNode mapping)
            {
                throw Error(node.Start, $"each '{key}' item must be {{{shape}}}, not {Describe(node)}");
            }

            var fields = new Dictionary<string, (string, YamlNode)>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var name = KeyName(keyNode);
                if (Array.IndexOf(names, name) < 0)
                {
                    throw Error(keyNode.Start, $"unknown key '{name}' in a '{key}' item; allowed keys: {string.Join(", ", names)}");
                }

                fields[name] = (Text(value, name)?.Value ?? throw Error(value.Start, $"'{name}' is empty in a '{key}' item"), value);
            }

            var missing = names.FirstOrDefault(n => !fields.ContainsKey(n));
            return missing is null ? fields : throw Error(node.Start, $"a '{key}' item lacks '{missing}' (each item is {{{shape}}})");
        }

        DateOnly? Date(YamlNode node)
        {
            var text = Text(node, "reviewed");
            if (text is null)
            {
                return null;
            }

            return DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error(node.Start, $"reviewed '{text.Value}' is not a date: write yyyy-MM-dd");
        }

        string KeyName(YamlNode key) =>
            key is YamlScalarNode { Value: { Length: > 0 } name } ? name : throw Error(key.Start, "a key must be a plain name");

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

        /// <summary>The file line of a YAML mark; a mark without a position (line 0) points at the opening '---'.</summary>
        long Line(Mark mark) => open + mark.Line;

        ImportException Error(Mark mark, string reason) => new(file, Line(mark), (int)mark.Column, reason);
    }
}
