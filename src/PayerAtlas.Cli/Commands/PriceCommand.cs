using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using PayerAtlas.Pricing;

namespace PayerAtlas.Cli.Commands;

public static class PriceCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "CPT/HCPCS code" };
        var modifier = new Option<string?>("--modifier") { Description = "26 or TC (or another priced modifier row, e.g. 53)" };
        var locality = new Option<string?>("--locality") { Description = "One locality as <MAC>-<LOC>, e.g. 01112-54" };
        var state = new Option<string?>("--state") { Description = "Every locality of one state, with the state's range and average" };
        var national = new Option<bool>("--national") { Description = "The national amount (all GPCIs 1.0)" };
        var db = Options.Db();
        var release = Options.Release();
        var command = new Command("price", "Medicare payment for a code as JSON (every locality unless a location is given)")
            { code, modifier, locality, state, national, db, release };
        command.SetAction(pr => Cli.Run(() =>
        {
            var scopes = new object?[] { pr.GetValue(locality), pr.GetValue(state), pr.GetValue(national) ? true : null }.Count(x => x is not null);
            if (scopes > 1)
            {
                return Cli.Fail(ExitCode.Usage, "give at most one of --locality, --state and --national");
            }

            PriceScope scope = pr.GetValue(locality) is { } l ? PriceScope.ParseLocality(l)
                : pr.GetValue(state) is { } s ? new PriceScope.State(s)
                : pr.GetValue(national) ? new PriceScope.National()
                : new PriceScope.All();
            using var store = StoreFactory.Open(pr.GetValue(db)!);
            var rel = store.FindRelease(pr.GetValue(release));
            if (rel is null)
            {
                return Cli.Fail(ExitCode.NotFound, "no such release (run import first)");
            }

            using var reader = store.OpenReader(rel);
            var wanted = BillingCodes.Normalize(pr.GetValue(code)!);
            var mod = pr.GetValue(modifier)?.Trim().ToUpperInvariant();
            var quote = PriceCalculator.Quote(reader, wanted, string.IsNullOrEmpty(mod) ? null : mod, scope);
            if (quote is null)
            {
                return Cli.Fail(ExitCode.NotFound, $"no fee schedule row for {wanted}{(mod is null ? "" : "-" + mod)} in release {rel.Label}");
            }

            if (quote.Amounts.Count == 0)
            {
                return Cli.Fail(ExitCode.NotFound, $"no locality matches in release {rel.Label}");
            }

            Console.Out.WriteLine(JsonSerializer.Serialize(quote, Json));
            return ExitCode.Ok;
        }));
        return command;
    }
}
