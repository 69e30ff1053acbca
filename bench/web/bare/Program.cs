// Serves the file named by the first argument at /page on the URL given second: a bare Kestrel endpoint as a baseline.
// Same transport as the site's defaults (KestrelTuning: socket completions and handlers inline on the event thread);
// a third argument "pool" runs Kestrel's defaults instead (thread-pool dispatch).
var bytes = File.ReadAllBytes(args[0]);
var inline = args.Length < 3 || args[2] != "pool";
if (inline && Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseSockets(s => s.UnsafePreferInlineScheduling = inline);
var app = builder.Build();
app.MapGet("/page", async context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = bytes.Length;
    await context.Response.BodyWriter.WriteAsync(bytes).ConfigureAwait(false);
});
app.Run(args[1]);
