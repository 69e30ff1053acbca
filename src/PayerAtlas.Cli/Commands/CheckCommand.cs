using System.CommandLine;
using PayerAtlas.Claims;
using PayerAtlas.Claims.Input;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importing;

namespace PayerAtlas.Cli.Commands;

public static class CheckCommand
{
    /// <summary>Inputs larger than this load the whole PTP table into memory first; smaller ones query pair by pair.</summary>
    const long PreloadAbove = 256 * 1024;

    public static Command Create()
    {
        var input = new Argument<string>("lines")
        {
            Description = "Claim lines: CSV with the header claim_id,line,date_of_service,code,modifiers,units,place_of_service,payer "
                + "(modifiers joined with ':'; optional setting and patient columns), or JSON (an array or one object per line); - reads standard input",
        };
        var db = Options.Db();
        var release = Options.Release();
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var setting = new Option<string>("--setting")
        {
            Description = "Rendering setting of lines without a setting column: practitioner, outpatient-hospital or dme",
            DefaultValueFactory = _ => "practitioner",
        };
        setting.AcceptOnlyFromAmong("practitioner", "outpatient-hospital", "dme");
        var minimum = new Option<string>("--min-severity") { Description = "Leave out findings below: info, warning or deny", DefaultValueFactory = _ => "info" };
        minimum.AcceptOnlyFromAmong("info", "warning", "deny");
        var output = new Option<string?>("--out") { Description = "Write findings to this file instead of standard output" };
        var preload = new Option<string>("--preload")
        {
            Description = "Load the PTP table into memory before checking: auto (for inputs over 256 KB or standard input), always or never",
            DefaultValueFactory = _ => "auto",
        };
        preload.AcceptOnlyFromAmong("auto", "always", "never");
        var command = new Command("check", "Check claim lines against NCCI edits, MUEs, PC/TC, status and global surgery rules and payer policies; exit code 4 when a line would be denied")
            { input, db, release, format, setting, minimum, output, preload };
        command.SetAction((pr, ct) => Cli.RunAsync(async () =>
        {
            var path = pr.GetValue(input)!;
            if (path != "-" && !File.Exists(path))
            {
                return Cli.Fail(ExitCode.NotFound, $"no such file: {path}");
            }

            using var store = StoreFactory.Open(pr.GetValue(db)!);
            var rel = store.FindRelease(pr.GetValue(release));
            if (rel is null)
            {
                return Cli.Fail(ExitCode.NotFound, pr.GetValue(release) is { } l ? $"no release '{l}'" : "the database has no release yet: run import first");
            }

            var load = pr.GetValue(preload) switch
            {
                "always" => true,
                "never" => false,
                _ => path == "-" || new FileInfo(path).Length > PreloadAbove,
            };
            using var reader = store.OpenReader(rel);
            var checker = new ClaimChecker(new ReleaseCodingRules(reader, preloadPtp: load),
                new ClaimCheckOptions { DefaultSetting = NcciSettings.Parse(pr.GetValue(setting))!.Value });
            var floor = pr.GetValue(minimum) switch { "deny" => Severity.Deny, "warning" => Severity.Warning, _ => Severity.Info };

            var file = pr.GetValue(output) is { } outPath ? new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false), 1 << 16) : null;
            try
            {
                var writer = FindingWriter.For(pr.GetValue(format)!, file ?? Console.Out);
                await using var stream = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
                var name = path == "-" ? "stdin" : path;
                try
                {
                    if (IsJson(path, stream, out var source))
                    {
                        await foreach (var finding in checker.CheckAsync(ClaimLineJson.ReadAsync(source, name, ct), ct).ConfigureAwait(false))
                        {
                            if (finding.Severity >= floor)
                            {
                                writer.Write(finding);
                            }
                        }
                    }
                    else
                    {
                        foreach (var finding in checker.Check(ClaimLineCsv.Read(TextLines.Read(source, TextLines.StrictUtf8, name), name)))
                        {
                            if (finding.Severity >= floor)
                            {
                                writer.Write(finding);
                            }
                        }
                    }
                }
                catch (ImportException e)
                {
                    writer.Complete(checker.Summary, rel.Label);
                    await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    await Console.Error.WriteLineAsync("the lines after it were not checked").ConfigureAwait(false);
                    return ExitCode.BadInput;
                }

                writer.Complete(checker.Summary, rel.Label);
                return checker.Summary.AnyDenied ? ExitCode.Denied : ExitCode.Ok;
            }
            finally
            {
                file?.Dispose();
            }
        }));
        return command;
    }

    /// <summary>By extension, else by the first significant byte ('[' or '{'); the byte read is put back.</summary>
    static bool IsJson(string path, Stream stream, out Stream source)
    {
        source = stream;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".json" or ".jsonl" or ".ndjson")
        {
            return true;
        }

        if (extension == ".csv")
        {
            return false;
        }

        var buffered = new BufferedStream(stream, 1 << 16);
        source = buffered;
        int b;
        var skipped = new List<byte>();
        while ((b = buffered.ReadByte()) >= 0)
        {
            skipped.Add((byte)b);
            if (b is not (' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF))
            {
                break;
            }
        }

        source = new ReplayStream(skipped.ToArray(), buffered);
        return b is '[' or '{';
    }
}
