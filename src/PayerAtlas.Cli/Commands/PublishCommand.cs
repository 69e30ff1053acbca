using System.CommandLine;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Rendering;

namespace PayerAtlas.Cli.Commands;

public static class PublishCommand
{
    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "CPT/HCPCS code, e.g. 77054" };
        var db = Options.Db();
        var release = Options.Release();
        var format = new Option<string>("--format") { Description = "md, html or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var localities = new Option<bool>("--localities") { Description = "Include every locality's Medicare amounts" };
        var lake = Options.RatesLake();
        var command = new Command("publish", "Publish one code's page") { code, db, release, format, output, localities, lake };
        command.SetAction(pr => Cli.Run(() =>
        {
            var wanted = BillingCodes.Normalize(pr.GetValue(code)!);
            if (!BillingCodes.IsValid(wanted))
            {
                return Cli.Fail(ExitCode.Usage, $"'{wanted}' is not a 5-character CPT/HCPCS code");
            }

            var failure = ExitCode.Ok;
            using var rates = pr.GetValue(lake) is { } lakePath ? Options.OpenLake(lakePath, out failure) : null;
            if (failure != ExitCode.Ok)
            {
                return failure;
            }

            using var store = StoreFactory.Open(pr.GetValue(db)!);
            var rel = store.FindRelease(pr.GetValue(release));
            if (rel is null)
            {
                return Cli.Fail(ExitCode.NotFound, pr.GetValue(release) is { } l ? $"no release '{l}'" : "the database has no release yet: run import first");
            }

            using var reader = store.OpenReader(rel);
            var dossier = DossierBuilder.Build(reader, wanted);
            if (dossier is null)
            {
                return Cli.Fail(ExitCode.NotFound, $"code {wanted} is not in release {rel.Label}");
            }

            var builder = PublicationBuilder.Default();
            builder.Options = builder.Options with { LocalityTable = pr.GetValue(localities) };
            builder.Rates = rates;
            var publication = builder.Build().Publish(dossier);
            var renderer = Renderers.For(pr.GetValue(format)!);
            if (pr.GetValue(output) is { } path)
            {
                using var file = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
                renderer.Render(publication, file);
            }
            else
            {
                renderer.Render(publication, Console.Out);
                Console.Out.Flush();
            }

            return ExitCode.Ok;
        }));
        return command;
    }
}
