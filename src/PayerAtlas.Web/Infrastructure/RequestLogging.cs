using System.Diagnostics;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>One structured line per request: method, path, status and duration (category PayerAtlas.Web.Requests).</summary>
public sealed partial class RequestLogging(RequestDelegate next, ILoggerFactory loggers)
{
    readonly ILogger logger = loggers.CreateLogger("PayerAtlas.Web.Requests");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
            Log(logger, context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", status,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}{Query} {StatusCode} in {ElapsedMs} ms")]
    static partial void Log(ILogger logger, string method, string path, string query, int statusCode, double elapsedMs);
}

/// <summary>Start, stop and drain as log lines an operator can alert on.</summary>
internal static partial class HostLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "PayerAtlas serving {Store}, current release {Release}")]
    public static partial void Started(ILogger logger, string store, string release);

    [LoggerMessage(Level = LogLevel.Information, Message = "PayerAtlas stopping: draining in-flight requests (at most {Timeout})")]
    public static partial void Stopping(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "PayerAtlas stopped")]
    public static partial void Stopped(ILogger logger);
}
