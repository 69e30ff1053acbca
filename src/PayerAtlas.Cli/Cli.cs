using System.CommandLine;
using PayerAtlas.Cli.Commands;
using PayerAtlas.Importing;

namespace PayerAtlas.Cli;

/// <summary>The `payeratlas` command tree, and the one place errors become messages and exit codes.</summary>
public static class Cli
{
    public static RootCommand Create() => new("PayerAtlas: billing-code publications from CMS reference data")
    {
        ImportCommand.Create(),
        PublishCommand.Create(),
        PriceCommand.Create(),
        SiteCommand.Create(),
        ReleasesCommand.Create(),
        DemoCommand.Create(),
        CheckCommand.Create(),
        PoliciesCommand.Create(),
        ServeCommand.Create(),
        RatesCommand.Create(),
    };

    public static int Run(Func<ExitCode> action) => RunAsync(() => Task.FromResult(action())).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(Func<Task<ExitCode>> action)
    {
        try
        {
            return (int)await action().ConfigureAwait(false);
        }
        catch (ImportException e)
        {
            ConsoleProgress.Done();
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync("nothing was imported; the database is unchanged").ConfigureAwait(false);
            return (int)ExitCode.BadInput;
        }
        catch (PayerAtlas.Importers.Tic.TicFormatException e)
        {
            ConsoleProgress.Done();
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return (int)ExitCode.BadInput;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return (int)ExitCode.Failed;
        }
    }

    public static ExitCode Fail(ExitCode code, string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
