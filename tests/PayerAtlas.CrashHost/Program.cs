using PayerAtlas.Cli;
using PayerAtlas.Cli.Commands;
using PayerAtlas.CrashHost;
using PayerAtlas.Stores;

// The crash test's child process: the CLI's own import (same store factory, same importer, same report), with the
// store wrapped so the process SIGKILLs itself at an exact point: after N rows, before the k-th carry-forward,
// just before or just after the commit.
//   PayerAtlas.CrashHost <db> <release> <kill point> <paths...>     kill point: rows:N | carry:K | commit | committed | none
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: PayerAtlas.CrashHost <db> <release> rows:N|carry:K|commit|committed|none <paths...>");
    return 1;
}

var point = KillPoint.Parse(args[2]);
return Cli.Run(() =>
{
    using var store = new KillingStore(StoreFactory.Open(args[0]), point);
    ImportCommand.Import(store, args[3..], args[1]);
    return ExitCode.Ok;
});
