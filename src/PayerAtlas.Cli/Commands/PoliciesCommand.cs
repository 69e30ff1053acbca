using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PayerAtlas.Importers.Policies;
using PayerAtlas.Importing;
using PayerAtlas.Pdf;
using PayerAtlas.Policies;
using PayerAtlas.Store;

namespace PayerAtlas.Cli.Commands;

/// <summary>`payeratlas policies import|list|show|changes|mentions`.</summary>
public static partial class PoliciesCommand
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        IgnoreReadOnlyProperties = true,
    };

    public static Command Create() => new("policies", "Payer policies: import structured summaries and payer documents, list them, and track their changes")
    {
        ImportCommand(),
        ListCommand(),
        ShowCommand(),
        ChangesCommand(),
        MentionsCommand(),
    };

    static Command ImportCommand()
    {
        var paths = new Argument<string[]>("paths") { Description = "Policy YAML files, payer PDFs or HTML pages, or folders of them", Arity = ArgumentArity.OneOrMore };
        var db = Options.Db();
        var release = new Option<string?>("--release") { Description = "Label for the new release (default: a timestamp)" };
        var payer = new Option<string?>("--payer") { Description = "Whose documents these are (required for PDF/HTML), e.g. Aetna" };
        var plan = new Option<string?>("--plan") { Description = "Named plan, issuer or Medicare contractor" };
        var policy = new Option<string?>("--policy") { Description = "Policy number, when the document does not print it (one document only)" };
        var title = new Option<string?>("--title") { Description = "Policy title, when the document's own is missing or wrong (one document only)" };
        var kind = new Option<string>("--kind") { Description = "medical, reimbursement, prior_authorization_list, medicare_ncd, medicare_lcd, medicare_article, medicare_manual or regulation", DefaultValueFactory = _ => "medical" };
        kind.AcceptOnlyFromAmong([.. PolicyTerms.KindNames]);
        var lines = new Option<string[]>("--line-of-business") { Description = "commercial, medicare, medicare_advantage, medicaid, individual_exchange, federal_employee", AllowMultipleArgumentsPerToken = true };
        lines.AcceptOnlyFromAmong([.. PolicyTerms.LineOfBusinessNames]);
        var url = new Option<string?>("--url") { Description = "Where the payer publishes the document" };
        var version = new Option<string?>("--version-label") { Description = "Version label (default: the document's revision or effective date)" };
        var effective = new Option<string?>("--effective") { Description = "Effective date yyyy-MM-dd, when the document does not label one" };
        var command = new Command("import", "Import policies as a new release that keeps every earlier policy version (all or nothing)")
            { paths, db, release, payer, plan, policy, title, kind, lines, url, version, effective };
        command.SetAction(pr => Cli.Run(() =>
        {
            var given = pr.GetValue(paths)!;
            if ((pr.GetValue(policy) is not null || pr.GetValue(title) is not null) && (given.Length != 1 || Directory.Exists(given[0])))
            {
                return Cli.Fail(ExitCode.Usage, "--policy and --title describe one document: give exactly one file");
            }

            DateOnly? effectiveDate = null;
            if (pr.GetValue(effective) is { } e)
            {
                if (!DateOnly.TryParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return Cli.Fail(ExitCode.Usage, $"--effective '{e}' is not a date: write yyyy-MM-dd");
                }

                effectiveDate = d;
            }

            var documents = pr.GetValue(payer) is { } name
                ? new PolicyDocumentOptions
                {
                    Payer = name,
                    Plan = pr.GetValue(plan),
                    PolicyId = pr.GetValue(policy),
                    Title = pr.GetValue(title),
                    Kind = PolicyTerms.ParseKind(pr.GetValue(kind)!)!.Value,
                    LinesOfBusiness = (pr.GetValue(lines) ?? []).Select(l => PolicyTerms.ParseLineOfBusiness(l)!.Value).ToList(),
                    SourceUrl = pr.GetValue(url),
                    Version = pr.GetValue(version),
                    Effective = effectiveDate,
                }
                : null;
            using var store = StoreFactory.Open(pr.GetValue(db)!);
            var report = new ReleaseImporter(store, new ConsoleProgress("importing"), pdf: new PdfPigTextReader()).Import(given, pr.GetValue(release), documents);
            ConsoleProgress.Done();
            Commands.ImportCommand.Print(report);
            return ExitCode.Ok;
        }));
        return command;
    }

    static Command ListCommand()
    {
        var db = Options.Db();
        var release = Options.Release();
        var payer = new Option<string?>("--payer") { Description = "Only this payer's policies" };
        var code = new Option<string?>("--code") { Description = "Only policies that name this code" };
        var format = Format();
        var command = new Command("list", "Every policy version in a release: payer, number, version, dates, rules, file") { db, release, payer, code, format };
        command.SetAction(pr => Cli.Run(() => WithReader(pr, db, release, reader =>
        {
            var wanted = pr.GetValue(code) is { } c ? BillingCodes.Normalize(c) : null;
            var policies = (wanted is null ? reader.ListPolicies() : reader.GetPolicies(wanted))
                .Where(p => pr.GetValue(payer) is not { } name || string.Equals(p.Record.Payer, name, StringComparison.OrdinalIgnoreCase))
                .Where(p => wanted is null || p.Record.Names(wanted))
                .OrderBy(p => p.Record.Payer, StringComparer.Ordinal).ThenBy(p => p.Record.Id.Value, StringComparer.Ordinal).ThenBy(p => p.Record, PolicyHistory.VersionOrder)
                .ToList();
            if (pr.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(policies.Select(p => Summary(p)), Json));
                return ExitCode.Ok;
            }

            foreach (var p in policies)
            {
                var r = p.Record;
                Console.Out.WriteLine($"{r.Payer,-24} {r.Id.Value,-28} {r.Version.Value,-12} {Date(r.Effective),-10} {PolicyTerms.Name(r.Kind.Value),-22} {r.Rules.Count,4} rules  {r.Origin.ToString().ToLowerInvariant(),-9} {p.Source.File}");
            }

            Console.Out.WriteLine($"{policies.Count} policy versions in release {reader.Release.Label}");
            return ExitCode.Ok;
        })));
        return command;
    }

    internal static object Summary(Stored<Policy> p) => new
    {
        payer = p.Record.Payer,
        plan = p.Record.Plan?.Value,
        policy = p.Record.Id.Value,
        title = p.Record.Title.Value,
        kind = PolicyTerms.Name(p.Record.Kind.Value),
        version = p.Record.Version.Value,
        effective = Date(p.Record.Effective),
        nextReview = Date(p.Record.NextReview),
        origin = p.Record.Origin.ToString().ToLowerInvariant(),
        sourceUrl = p.Record.SourceUrl?.Value,
        rules = p.Record.Rules.Count,
        file = p.Source.File,
    };

    internal static string Date(Cited<DateOnly>? d) => d?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    static ExitCode WithReader(ParseResult pr, Option<string> db, Option<string?> release, Func<IReleaseReader, ExitCode> action)
    {
        using var store = StoreFactory.Open(pr.GetValue(db)!);
        var rel = store.FindRelease(pr.GetValue(release));
        if (rel is null)
        {
            return Cli.Fail(ExitCode.NotFound, pr.GetValue(release) is { } l ? $"no release '{l}'" : "the database has no release yet: run import first");
        }

        using var reader = store.OpenReader(rel);
        return action(reader);
    }
}
