using PayerAtlas.Cli;

return await Cli.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
