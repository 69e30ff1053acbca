using System.CommandLine;

namespace PayerAtlas.Cli.Commands;

/// <summary>
/// <c>payeratlas rates …</c>: price-transparency rate files. Each subcommand lives in its own
/// <c>RatesCommand.&lt;Name&gt;.cs</c> partial and is listed once in <see cref="Subcommands"/>.
/// </summary>
public static partial class RatesCommand
{
    static IEnumerable<Command> Subcommands()
    {
        yield return Synth();
    }

    public static Command Create()
    {
        var command = new Command("rates", "Price-transparency rate files (Transparency in Coverage)");
        foreach (var sub in Subcommands())
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }
}
