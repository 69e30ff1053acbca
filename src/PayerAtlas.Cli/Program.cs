using System.CommandLine;
using PayerAtlas.Cli;

var parsed = Cli.Create().Parse(args);
// A server draining in-flight requests after SIGTERM needs longer than System.CommandLine's default two seconds.
var serving = parsed.CommandResult.Command.Name is "serve" or "demo";
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(serving ? 40 : 2) }).ConfigureAwait(false);
