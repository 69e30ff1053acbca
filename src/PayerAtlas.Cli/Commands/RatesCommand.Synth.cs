using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PayerAtlas.Importers.Tic;

namespace PayerAtlas.Cli.Commands;

public static partial class RatesCommand
{
    static Command Synth()
    {
        var output = new Option<string>("--out") { Description = "File to write (the JSON, gzip-compressed with --gzip)", Required = true };
        var size = new Option<string>("--size")
        {
            Description = "Uncompressed JSON size: bytes, or 500MB / 1GB (powers of 1000), 2GiB (powers of 1024)",
            Required = true,
        };
        var gzip = new Option<bool>("--gzip") { Description = "Compress with gzip (the size still counts uncompressed JSON)" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same file", DefaultValueFactory = _ => 1 };
        var v2 = new Option<bool>("--schema-v2") { Description = "Write schema 2.x (issuer, setting, network names) instead of 1.x" };
        var command = new Command("synth", "Write a realistic synthetic TiC in-network file of a given size (for tests and benchmarks)")
            { output, size, gzip, seed, v2 };
        command.SetAction(pr => Cli.Run(() =>
        {
            if (!ByteSize.TryParse(pr.GetValue(size)!, out var bytes))
            {
                return Cli.Fail(ExitCode.Usage, $"--size: '{pr.GetValue(size)}' is not a size (e.g. 1048576, 500MB, 1GB, 2GiB)");
            }

            var path = pr.GetValue(output)!;
            var clock = Stopwatch.StartNew();
            var result = TicSynthesizer.Write(path, new TicSynthesizerOptions
            {
                TargetBytes = bytes,
                Seed = pr.GetValue(seed),
                Gzip = pr.GetValue(gzip),
                SchemaVersion2 = pr.GetValue(v2),
                Progress = written => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"synth: {ByteSize.Format(written)} of {ByteSize.Format(bytes)} ({written / 1e6 / clock.Elapsed.TotalSeconds:0} MB/s)")),
            });
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {result.JsonBytes:N0} bytes of JSON ({ByteSize.Format(result.FileBytes)} on disk), {result.Items:N0} codes, {result.NegotiatedRates:N0} rates, {result.Prices:N0} prices, {result.ProviderReferences:N0} provider groups, in {clock.Elapsed.TotalSeconds:0.0} s"));
            return ExitCode.Ok;
        }));
        return command;
    }
}
