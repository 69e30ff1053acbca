using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PayerAtlas.Lake;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Rates;
using Spectre.Console;

namespace PayerAtlas.Cli.Commands;

/// <summary><c>rates benchmark &lt;code&gt; --lake &lt;dir&gt;</c>: negotiated-rate percentiles per payer, optionally beside Medicare.</summary>
public static class RatesBenchmarkCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "CPT/HCPCS code" };
        var lake = RatesIngestCommand.Lake();
        var payer = new Option<string?>("--payer") { Description = "One payer, as named in the files" };
        var state = new Option<string?>("--state") { Description = "Two-letter state of the provider (where the file makes it known)" };
        var includeExpired = new Option<bool>("--include-expired") { Description = "Keep rates whose expiration date has passed" };
        var asOf = new Option<string?>("--as-of") { Description = "Date expiration is judged against, yyyy-MM-dd (default: today)" };
        var db = new Option<string?>("--db") { Description = "Store with a fee-schedule release: adds the matching Medicare amount and the median as % of it" };
        var release = Options.Release();
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("benchmark", "Percentiles of negotiated rates for a code per payer × state × billing class × modifiers")
            { code, lake, payer, state, includeExpired, asOf, db, release, format };
        command.SetAction(pr => Cli.Run(() =>
        {
            DateOnly? day = null;
            if (pr.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return Cli.Fail(ExitCode.Usage, $"--as-of must be yyyy-MM-dd (got '{text}')");
                }

                day = d;
            }

            var folder = pr.GetValue(lake)!;
            if (!Directory.Exists(folder))
            {
                return Cli.Fail(ExitCode.NotFound, $"no rate lake at {folder} (run rates ingest first)");
            }

            var query = new RateBenchmarkQuery
            {
                BillingCode = BillingCodes.Normalize(pr.GetValue(code)!),
                Payer = pr.GetValue(payer),
                State = pr.GetValue(state),
                IncludeExpired = pr.GetValue(includeExpired),
                AsOf = day,
            };
            using var benchmarks = new LakeBenchmarks(folder);
            var rows = benchmarks.For(query).Select(b => new Row(b, null, null)).ToList();
            if (pr.GetValue(db) is { } store)
            {
                rows = WithMedicare(rows, store, pr.GetValue(release));
            }

            // Hospitals' payer-independent charges are the same whichever payer is asked for; a state narrows them too.
            var inState = query.State?.Trim().ToUpperInvariant();
            var charges = benchmarks.HospitalCharges(query.BillingCode)
                .Where(c => inState is null || string.Equals(c.State, inState, StringComparison.Ordinal))
                .ToList();
            if (pr.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(
                    new
                    {
                        code = query.BillingCode,
                        benchmarks = rows.Select(r => new { benchmark = r.Benchmark, medicare = r.Medicare, medianPercentOfMedicare = r.PercentOfMedicare }),
                        hospitalCharges = charges,
                    },
                    Json));
            }
            else
            {
                PrintTable(query, rows);
                PrintHospitalCharges(charges);
            }

            return rows.Count == 0 && charges.Count == 0 ? ExitCode.NotFound : ExitCode.Ok;
        }));
        return command;
    }

    sealed record Row(RateBenchmark Benchmark, decimal? Medicare, decimal? PercentOfMedicare);

    /// <summary>
    /// Medicare's amount matching each benchmark and the median as a percentage of it, matched exactly as the
    /// publication's Reimbursement section does (<see cref="MedicareMatch"/>).
    /// </summary>
    static List<Row> WithMedicare(List<Row> rows, string db, string? release)
    {
        using var store = StoreFactory.Open(db);
        var rel = store.FindRelease(release);
        if (rel is null)
        {
            Console.Error.WriteLine("warning: the store has no release; Medicare amounts left out");
            return rows;
        }

        using var reader = store.OpenReader(rel);
        var dossiers = new Dictionary<string, Dossier?>(StringComparer.Ordinal);
        return rows.Select(r =>
        {
            var code = r.Benchmark.BillingCode;
            if (!dossiers.TryGetValue(code, out var dossier))
            {
                dossiers[code] = dossier = DossierBuilder.Build(reader, code);
            }

            if (dossier is null)
            {
                return r;
            }

            var (_, amount, percent) = MedicareMatch.Compare(dossier, r.Benchmark);
            return r with { Medicare = amount, PercentOfMedicare = percent };
        }).ToList();
    }

    static void PrintTable(RateBenchmarkQuery query, List<Row> rows)
    {
        if (rows.Count == 0)
        {
            Console.Out.WriteLine($"no current dollar rates for {query.BillingCode} in the lake{(query.Payer is null ? "" : $" for {query.Payer}")}{(query.State is null ? "" : $" in {query.State}")}");
            return;
        }

        var table = new Table().Border(TableBorder.Ascii);
        string[] heads = ["payer", "state", "class", "mods", "n", "min", "p10", "p25", "median", "p75", "p90", "max", "mean", "outliers", "pct rows", "expired"];
        foreach (var h in heads)
        {
            table.AddColumn(new TableColumn(h) { Alignment = h is "payer" or "state" or "class" or "mods" ? Justify.Left : Justify.Right });
        }

        var medicare = rows.Any(r => r.Medicare is not null);
        if (medicare)
        {
            table.AddColumn(new TableColumn("medicare") { Alignment = Justify.Right });
            table.AddColumn(new TableColumn("% of medicare") { Alignment = Justify.Right });
        }

        foreach (var r in rows)
        {
            var b = r.Benchmark;
            var cells = new List<string>
            {
                b.Payer, b.State ?? "-", b.BillingClass?.ToString().ToLowerInvariant() ?? "-", b.Modifiers.Length == 0 ? "-" : b.Modifiers,
                b.Count.ToString("N0", CultureInfo.InvariantCulture), M(b.Min), M(b.P10), M(b.P25), M(b.Median), M(b.P75), M(b.P90), M(b.Max), M(b.Mean),
                b.OutlierCount.ToString(CultureInfo.InvariantCulture), b.PercentageCount.ToString(CultureInfo.InvariantCulture),
                b.ExpiredCount.ToString(CultureInfo.InvariantCulture),
            };
            if (medicare)
            {
                cells.Add(r.Medicare is { } m ? M(m) : "-");
                cells.Add(r.PercentOfMedicare is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-");
            }

            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }

        Write(table);
    }

    /// <summary>The hospitals' payer-independent charges for the code, one row per file item (none: nothing printed).</summary>
    static void PrintHospitalCharges(IReadOnlyList<HospitalCharge> charges)
    {
        if (charges.Count == 0)
        {
            return;
        }

        Console.Out.WriteLine();
        Console.Out.WriteLine("hospital standard charges (not payer-specific):");
        var table = new Table().Border(TableBorder.Ascii);
        string[] heads = ["hospital", "state", "setting", "mods", "gross", "cash", "min", "max", "source"];
        foreach (var h in heads)
        {
            table.AddColumn(new TableColumn(h) { Alignment = h is "gross" or "cash" or "min" or "max" ? Justify.Right : Justify.Left });
        }

        foreach (var c in charges)
        {
            table.AddRow(new[]
            {
                c.Hospital, c.State ?? "-", c.Setting ?? "-", c.Modifiers.Length == 0 ? "-" : c.Modifiers,
                c.Gross is { } g ? M(g) : "-", c.DiscountedCash is { } d ? M(d) : "-", c.Minimum is { } lo ? M(lo) : "-", c.Maximum is { } hi ? M(hi) : "-",
                $"{c.SourceFile}, {c.Locator}",
            }.Select(t => new Text(t)).ToArray());
        }

        Write(table);
    }

    /// <summary>
    /// Writes a table at its natural width when the output is a file or a pipe (Spectre assumes 80 columns there and
    /// would fold every cell into a few letters per line), at the terminal's width otherwise.
    /// </summary>
    static void Write(Table table)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 1_000;
        }

        AnsiConsole.Write(table);
    }

    static string M(decimal d) => d.ToString("N2", CultureInfo.InvariantCulture);
}
