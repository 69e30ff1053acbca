namespace PayerAtlas.Web.Infrastructure;

/// <summary>
/// Kestrel's transport as the web host runs it. On a small machine (2 cores shared with the load generator in
/// bench/web) the thread hops between the socket event thread, the thread pool and Kestrel's I/O queues cost more than
/// writing a cached page: running socket completions and the request handlers on the event thread
/// (<see cref="WebOptions.InlineCompletions"/>, <see cref="WebOptions.InlineScheduling"/>) took the code page from
/// 0.59× to 0.84× nginx's static file in the same run. Safe here because a request is served from memory; the slow
/// work (imports) runs on the thread pool, and a cache miss or a search runs on the event thread. The cost: on an
/// oversubscribed machine an event thread waiting for a core holds up all of its connections, so the p99 can exceed
/// the thread-pool dispatch's (bench/web/README.md); InlineScheduling=false is the other trade.
/// </summary>
public static class KestrelTuning
{
    /// <summary>The runtime's switch (read once, when the first asynchronous socket is made).</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>The runtime's number of socket event threads (read at the same moment).</summary>
    public const string SocketThreadsVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    public static void Configure(WebApplicationBuilder builder, WebOptions settings)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // Runs only when Kestrel itself is the server (never under a test server), before it opens its sockets.
            // A value already in the environment wins: the operator's DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 stays 0.
            if (settings.InlineCompletions)
            {
                SetUnlessGiven(InlineCompletionsVariable, "1");
            }

            if (settings.SocketThreads is > 0 and var threads)
            {
                SetUnlessGiven(SocketThreadsVariable, threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
        builder.WebHost.UseSockets(s => s.UnsafePreferInlineScheduling = settings.InlineScheduling);
    }

    static void SetUnlessGiven(string variable, string value)
    {
        if (Environment.GetEnvironmentVariable(variable) is null)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
