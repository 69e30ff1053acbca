using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PayerAtlas.Policies;

namespace PayerAtlas.Cli.Commands;

public static partial class PoliciesCommand
{
    static Command ShowCommand()
    {
        var policy = new Argument<string>("policy") { Description = "Policy number as imported, e.g. \"NCD 220.4\" or \"CPB 0584\"" };
        var payer = new Option<string?>("--payer") { Description = "The payer, when two payers use the same number" };
        var version = new Option<string?>("--version-label") { Description = "One version (default: every version, oldest first)" };
        var db = Options.Db();
        var release = Options.Release();
        var format = Format();
        var command = new Command("show", "One policy's versions with their rules") { policy, payer, version, db, release, format };
        command.SetAction(pr => Cli.Run(() => WithReader(pr, db, release, reader =>
        {
            var versions = reader.ListPolicies()
                .Where(p => string.Equals(p.Record.Id.Value, pr.GetValue(policy), StringComparison.OrdinalIgnoreCase))
                .Where(p => pr.GetValue(payer) is not { } name || string.Equals(p.Record.Payer, name, StringComparison.OrdinalIgnoreCase))
                .Where(p => pr.GetValue(version) is not { } v || p.Record.Version.Value == v)
                .OrderBy(p => p.Record, PolicyHistory.VersionOrder)
                .ToList();
            if (versions.Count == 0)
            {
                return Cli.Fail(ExitCode.NotFound, $"no policy '{pr.GetValue(policy)}' in release {reader.Release.Label}");
            }

            if (pr.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(versions.Select(v => v.Record with { Mentions = [] }), Json));
                return ExitCode.Ok;
            }

            foreach (var stored in versions)
            {
                var p = stored.Record;
                Console.Out.WriteLine($"{p.Payer} {p.Id.Value}: {p.Title.Value}");
                Console.Out.WriteLine($"  version {p.Version.Value}, {PolicyTerms.Words(p.Kind.Value)}{(p.Plan is null ? "" : ", " + p.Plan.Value)}; effective {Date(p.Effective)}, revised {Date(p.Revised)}, next review {Date(p.NextReview)}");
                Console.Out.WriteLine($"  {p.SourceUrl?.Value ?? "no published address in the input"}");
                Console.Out.WriteLine($"  file {stored.Source.File} ({p.Origin.ToString().ToLowerInvariant()})");
                foreach (var rule in p.Rules)
                {
                    var codes = string.Join(", ", rule.Codes.Select(c => c.Value.ToString()));
                    Console.Out.WriteLine($"  - {codes} [{rule.Row}]: stance {PolicyTerms.Name(rule.StanceOrUnknown)}, prior authorization {PolicyTerms.Name(rule.PriorAuthorizationOrUnknown)}");
                    foreach (var line in rule.Criteria.Select(c => "criterion: " + c.Value)
                        .Concat(rule.Documentation.Select(d => "documentation: " + d.Value))
                        .Concat(rule.Limits.Select(l => "limit: " + PolicyDiff.Describe(l.Value)))
                        .Concat(rule.Modifiers.Select(m => $"modifier {m.Value.Modifier}: {m.Value.Rule}"))
                        .Concat(rule.CodingNotes.Select(n => "coding note: " + n.Value))
                        .Concat(rule.Passage is null ? [] : ["passage: " + rule.Passage.Value]))
                    {
                        Console.Out.WriteLine($"      {line}");
                    }
                }
            }

            return ExitCode.Ok;
        })));
        return command;
    }

    static Command ChangesCommand()
    {
        var since = new Option<string?>("--since") { Description = "Only updates whose newer version dates from this day on (yyyy-MM-dd)" };
        var payer = new Option<string?>("--payer") { Description = "Only this payer" };
        var code = new Option<string?>("--code") { Description = "Only changes to this code" };
        var db = Options.Db();
        var release = Options.Release();
        var format = Format();
        var command = new Command("changes", "What changed between policy versions, for which codes") { since, payer, code, db, release, format };
        command.SetAction(pr => Cli.Run(() =>
        {
            DateOnly? from = null;
            if (pr.GetValue(since) is { } s)
            {
                if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return Cli.Fail(ExitCode.Usage, $"--since '{s}' is not a date: write yyyy-MM-dd");
                }

                from = d;
            }

            return WithReader(pr, db, release, reader =>
            {
                var wanted = pr.GetValue(code) is { } c ? BillingCodes.Normalize(c) : null;
                var updates = reader.GetPolicyUpdates()
                    .Where(u => from is null || u.Record.Date >= from)
                    .Where(u => pr.GetValue(payer) is not { } name || string.Equals(u.Record.Payer, name, StringComparison.OrdinalIgnoreCase))
                    .Select(u => wanted is null ? u.Record : u.Record with { Changes = u.Record.Changes.Where(x => x.Codes?.Contains(wanted) == true).ToList() })
                    .Where(u => u.Changes.Count > 0)
                    .OrderBy(u => u.Date).ThenBy(u => u.Payer, StringComparer.Ordinal).ThenBy(u => u.PolicyId, StringComparer.Ordinal)
                    .ToList();
                if (pr.GetValue(format) == "json")
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(updates, Json));
                    return ExitCode.Ok;
                }

                foreach (var u in updates)
                {
                    var date = u.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
                    Console.Out.WriteLine($"{date}  {u.Payer} {u.PolicyId}  version {u.FromVersion} → {u.ToVersion}  ({u.Title})  {u.File}:{u.Row}");
                    foreach (var change in u.Changes)
                    {
                        Console.Out.WriteLine($"    {change.Describe()}");
                    }
                }

                Console.Out.WriteLine($"{updates.Count} policy updates{(from is null ? "" : $" since {from:yyyy-MM-dd}")} in release {reader.Release.Label}");
                return ExitCode.Ok;
            });
        }));
        return command;
    }

    static Command MentionsCommand()
    {
        var code = new Argument<string>("code") { Description = "CPT/HCPCS code" };
        var db = Options.Db();
        var release = Options.Release();
        var format = Format();
        var command = new Command("mentions", "Where policies name a code: policy, version, page or line, and sentence") { code, db, release, format };
        command.SetAction(pr => Cli.Run(() => WithReader(pr, db, release, reader =>
        {
            var mentions = reader.GetPolicyMentions(BillingCodes.Normalize(pr.GetValue(code)!));
            if (pr.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(mentions.Select(m => new
                {
                    payer = m.Record.Payer,
                    policy = m.Record.PolicyId,
                    version = m.Record.Version,
                    codes = m.Record.Mention.Codes.ToString(),
                    page = m.Record.Mention.Page,
                    location = m.Record.Mention.Location,
                    sentence = m.Record.Mention.Sentence,
                    file = m.Source.File,
                }), Json));
                return ExitCode.Ok;
            }

            foreach (var m in mentions)
            {
                Console.Out.WriteLine($"{m.Record.Payer} {m.Record.PolicyId} ({m.Record.Version}) {m.Record.Mention.Location} [{m.Record.Mention.Codes}]: {m.Record.Mention.Sentence}");
            }

            Console.Out.WriteLine($"{mentions.Count} mentions in release {reader.Release.Label}");
            return ExitCode.Ok;
        })));
        return command;
    }
}
