// Serves the file named by the first argument at /page on the URL given second: a bare Kestrel endpoint as a baseline.
var bytes = File.ReadAllBytes(args[0]);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/page", async context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = bytes.Length;
    await context.Response.BodyWriter.WriteAsync(bytes).ConfigureAwait(false);
});
app.Run(args[1]);
