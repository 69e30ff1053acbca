using System.Globalization;
using PayerAtlas.Policies;
using YamlDotNet.RepresentationModel;

namespace PayerAtlas.Importers.Policies;

public static partial class PolicyYamlReader
{
    static readonly string[] RuleKeys =
    [
        "codes", "stance", "prior_authorization", "criteria", "documentation", "modifiers", "places_of_service",
        "limits", "icd10", "coding_notes", "passage",
    ];

    sealed partial class Reader
    {
        List<PolicyRule>? Rules(YamlNode node)
        {
            if (node is YamlScalarNode scalar && IsEmpty(scalar))
            {
                return null;
            }

            if (node is not YamlSequenceNode sequence)
            {
                throw Error(node.Start, $"'rules' must be a list of rules ('- codes: …'), not {Describe(node)}");
            }

            return sequence.Children.Select(Rule).ToList();
        }

        PolicyRule Rule(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                throw Error(node.Start, $"each rule is a mapping starting with 'codes:', not {Describe(node)}");
            }

            var values = Keys(mapping, RuleKeys, "a rule");
            var codes = List(values, "codes", ProcedureCodes);
            if (codes.Count == 0)
            {
                throw Error(values.TryGetValue("codes", out var c) ? c.Start : node.Start, "a rule needs 'codes': the CPT/HCPCS codes or ranges it is about");
            }

            return new PolicyRule
            {
                Codes = codes,
                Stance = values.ContainsKey("stance") ? Enum(values, "stance", node, PolicyTerms.ParseStance, PolicyTerms.StanceNames) : null,
                PriorAuthorization = values.ContainsKey("prior_authorization")
                    ? Enum(values, "prior_authorization", node, PolicyTerms.ParsePriorAuthorization, PolicyTerms.PriorAuthorizationNames)
                    : null,
                Criteria = List(values, "criteria", Item),
                Documentation = List(values, "documentation", Item),
                Modifiers = List(values, "modifiers", Modifier),
                PlacesOfService = List(values, "places_of_service", PlaceOfService),
                Limits = List(values, "limits", Limit),
                Icd10 = List(values, "icd10", Icd10Codes),
                CodingNotes = List(values, "coding_notes", Item),
                Passage = Optional(values, "passage"),
                Row = Row(node),
            };
        }

        CodeRange ProcedureCodes(YamlNode node, string key) =>
            Range(node, key, c => BillingCodes.IsValid(c), "a CPT/HCPCS code: 5 characters, A–Z and 0–9 (quote it: \"77054\")");

        CodeRange Icd10Codes(YamlNode node, string key) =>
            Range(node, key, c => CodeScanner.IsIcd10(c), "an ICD-10-CM code such as N64.52 or R92.8");

        CodeRange Range(YamlNode node, string key, Func<string, bool> valid, string shape)
        {
            var text = Item(node, key);
            var parts = text.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length > 2)
            {
                throw Error(node.Start, $"'{text}' is not a code or a range 'low-high'");
            }

            foreach (var part in parts)
            {
                if (!valid(part))
                {
                    throw Error(node.Start, $"'{part}' in {key} is not {shape}");
                }
            }

            if (parts.Length == 1)
            {
                return CodeRange.Single(parts[0]);
            }

            return CodeRange.Problem(parts[0], parts[1]) is { } problem
                ? throw Error(node.Start, $"bad range '{text}' in {key}: {problem}")
                : new CodeRange(parts[0], parts[1]);
        }

        ModifierRule Modifier(YamlNode node, string key)
        {
            var fields = Fields(node, key, ["modifier", "rule"], []);
            var modifier = fields["modifier"];
            return modifier.Text.Length == 2 && modifier.Text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
                ? new ModifierRule(modifier.Text, fields["rule"].Text)
                : throw Error(modifier.Node.Start, $"modifier '{modifier.Text}' is not a modifier: 2 characters, A–Z and 0–9 (quote numbers: \"26\")");
        }

        PlaceOfServiceRule PlaceOfService(YamlNode node, string key)
        {
            if (node is not YamlMappingNode mapping)
            {
                throw Error(node.Start, $"each '{key}' item is {{codes: [\"11\", \"22\"], rule: …}}, not {Describe(node)}");
            }

            var values = Keys(mapping, ["codes", "rule"], $"a '{key}' item");
            var codes = List(values, "codes", (n, k) =>
            {
                var pos = Item(n, k);
                return pos.Length == 2 && pos.All(char.IsAsciiDigit)
                    ? pos
                    : throw Error(n.Start, $"place of service '{pos}' is not a 2-digit POS code such as \"11\" or \"22\"");
            });
            if (codes.Count == 0)
            {
                throw Error(node.Start, $"a '{key}' item needs 'codes'");
            }

            var rule = Required(values, "rule", node);
            return new PlaceOfServiceRule(codes.Select(c => c.Value).ToList(), rule.Value);
        }

        UnitLimit Limit(YamlNode node, string key)
        {
            var fields = Fields(node, key, ["max_units", "per"], ["when"]);
            var max = fields["max_units"];
            if (!int.TryParse(max.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var units) || units < 1)
            {
                throw Error(max.Node.Start, $"max_units '{max.Text}' is not a whole number of 1 or more");
            }

            return new UnitLimit(units, fields["per"].Text, fields.TryGetValue("when", out var when) ? when.Text : null);
        }

        /// <summary>A list item that is a small mapping with the required keys and optionally the others.</summary>
        Dictionary<string, (string Text, YamlNode Node)> Fields(YamlNode node, string key, string[] required, string[] optional)
        {
            var shape = string.Join(", ", required.Select(n => $"{n}: …"));
            if (node is not YamlMappingNode mapping)
            {
                throw Error(node.Start, $"each '{key}' item is {{{shape}}}, not {Describe(node)}");
            }

            var values = Keys(mapping, [.. required, .. optional], $"a '{key}' item");
            var fields = new Dictionary<string, (string, YamlNode)>(StringComparer.Ordinal);
            foreach (var (name, value) in values)
            {
                fields[name] = (Text(value, name)?.Value ?? throw Error(value.Start, $"'{name}' is empty in a '{key}' item"), value);
            }

            var missing = required.FirstOrDefault(n => !fields.ContainsKey(n));
            return missing is null ? fields : throw Error(node.Start, $"a '{key}' item lacks '{missing}' (each item is {{{shape}}})");
        }
    }
}
