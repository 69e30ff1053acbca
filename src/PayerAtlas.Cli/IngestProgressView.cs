using System.Globalization;
using PayerAtlas.Lake;
using Spectre.Console;

namespace PayerAtlas.Cli;

/// <summary>
/// Ingest progress: a Spectre bar per source on a terminal; plain lines on standard error every
/// <see cref="PlainInterval"/> (and one when a source finishes) when output is redirected, since Spectre then prints
/// nothing at all.
/// </summary>
public sealed class IngestProgressView : IProgress<IngestProgress>
{
    readonly Lock gate = new();
    readonly TextWriter plain;
    ProgressTask? bar;
    TimeSpan lastLine = TimeSpan.MinValue;
    string? lastSource;

    IngestProgressView(TextWriter plain) => this.plain = plain;

    public static TimeSpan PlainInterval { get; set; } = TimeSpan.FromSeconds(2);

    public static bool Interactive => AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected && !Console.IsOutputRedirected;

    /// <summary>Runs the ingest of every source with the view that suits the console.</summary>
    public static async Task<T> RunAsync<T>(Func<IngestProgressView, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(new IngestProgressView(Console.Error)).ConfigureAwait(false);
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                new TransferSpeedColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var view = new IngestProgressView(TextWriter.Null) { Context = ctx };
                result = await work(view).ConfigureAwait(false);
                view.Complete();
            }).ConfigureAwait(false);
        return result;
    }

    ProgressContext? Context { get; init; }

    public void Report(IngestProgress value)
    {
        lock (gate)
        {
            if (Context is not null)
            {
                if (bar is null || value.Source != lastSource)
                {
                    bar?.StopTask();
                    bar = Context.AddTask(Markup.Escape(Path.GetFileName(value.Source)), maxValue: value.TotalBytes ?? 1);
                    bar.IsIndeterminate = value.TotalBytes is null;
                    lastSource = value.Source;
                }

                bar.Value = value.TotalBytes is null ? 0 : value.BytesRead;
                bar.Description = $"{Markup.Escape(Path.GetFileName(value.Source))} [grey]{value.Observations:N0} obs[/]";
                return;
            }

            if (value.Source != lastSource || value.Elapsed - lastLine >= PlainInterval)
            {
                lastSource = value.Source;
                lastLine = value.Elapsed;
                plain.WriteLine(Line(value));
            }
        }
    }

    /// <summary>A source is done: its bar completes on a terminal, and a closing line is written in plain mode.</summary>
    public void Finished(IngestResult result)
    {
        lock (gate)
        {
            if (Context is null)
            {
                plain.WriteLine(Line(new IngestProgress(result.Source, result.Bytes, result.Bytes, result.UncompressedBytes, result.Observations, result.Elapsed))
                                + $" ({result.Outcome.ToString().ToLowerInvariant()})");
            }
            else if (bar is not null)
            {
                bar.Value = bar.MaxValue;
                bar.StopTask();
                bar = null;
                lastSource = null;
            }
        }
    }

    void Complete() => bar?.StopTask();

    /// <summary><c>ingest in-network.json: 512.0/1,024.0 MB (50%), 2,345,678 observations, 285.3 MB/s, ETA 0:00:02</c></summary>
    public static string Line(IngestProgress p)
    {
        var seconds = Math.Max(p.Elapsed.TotalSeconds, 0.001);
        var mb = p.BytesRead / 1e6;
        var speed = mb / seconds;
        var text = p.TotalBytes is { } total && total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{mb:N1}/{total / 1e6:N1} MB ({100.0 * p.BytesRead / total:N0}%)")
            : string.Create(CultureInfo.InvariantCulture, $"{mb:N1} MB");
        var json = p.UncompressedBytes > p.BytesRead * 1.05
            ? string.Create(CultureInfo.InvariantCulture, $" = {p.UncompressedBytes / 1e6:N1} MB uncompressed ({p.UncompressedBytes / 1e6 / seconds:N1} MB/s)")
            : "";
        var eta = p.TotalBytes is { } t && t > 0 && p.BytesRead > 0 && p.BytesRead < t
            ? $", ETA {TimeSpan.FromSeconds(Math.Round((t - p.BytesRead) / (p.BytesRead / seconds))):g}"
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"ingest {Path.GetFileName(p.Source)}: {text}{json}, {p.Observations:N0} observations, {speed:N1} MB/s{eta}");
    }
}
