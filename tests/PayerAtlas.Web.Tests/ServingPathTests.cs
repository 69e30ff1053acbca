using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PayerAtlas.Web.Infrastructure;

namespace PayerAtlas.Web.Tests;

/// <summary>
/// The cached code page is written before routing (CachedCodePages), and Kestrel runs inline on its socket threads
/// (KestrelTuning): neither may change what a client receives.
/// </summary>
public sealed class ServingPathTests(DemoSite site) : IClassFixture<DemoSite>
{
    static string[] Headers(HttpResponseMessage response) =>
    [
        .. response.Headers.Where(h => h.Key != "Date").Concat(response.Content.Headers)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}").Order(StringComparer.Ordinal),
    ];

    [Fact]
    public async Task A_cached_code_page_has_the_headers_and_bytes_of_the_routed_one()
    {
        // A site of its own, so the first request is the one that renders (routed) and the second is served from the cache.
        using var fresh = new DemoSite();
        var client = fresh.Client();
        using var routed = await client.GetAsync("/codes/77054");
        using var cached = await client.GetAsync("/codes/77054");
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(Headers(routed), Headers(cached));
        Assert.Equal(await routed.Content.ReadAsByteArrayAsync(), await cached.Content.ReadAsByteArrayAsync());
        Assert.Contains("Content-Security-Policy: default-src 'none'", string.Join('\n', Headers(cached)), StringComparison.Ordinal);
        Assert.Equal("\"", cached.Headers.ETag?.Tag[^1..]);
        Assert.Equal("2025Q4", cached.Headers.GetValues("X-PayerAtlas-Release").Single());

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/codes/77054"));
        Assert.Equal(Headers(cached), Headers(head));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/codes/77054");
        revalidate.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_cached_code_page_still_negotiates_compression_with_its_own_validator()
    {
        var client = site.Client();
        using var plain = await client.GetAsync("/codes/77053");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/codes/77053");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var brotli = await client.SendAsync(request);
        Assert.Equal("br", brotli.Content.Headers.ContentEncoding.Single());
        Assert.Equal(plain.Headers.ETag!.Tag[..^1] + "-br\"", brotli.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("/codes/77054?at=CA", HttpStatusCode.OK)]
    [InlineData("/codes/77054.json", HttpStatusCode.OK)]
    [InlineData("/codes/7705", HttpStatusCode.BadRequest)]
    [InlineData("/codes/99999", HttpStatusCode.NotFound)]
    [InlineData("/codes/77054/history", HttpStatusCode.OK)]
    public async Task What_the_shortcut_declines_goes_through_routing_as_before(string url, HttpStatusCode expected)
    {
        var client = site.Client();
        await client.GetAsync("/codes/77054"); // cached now
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Kestrel_runs_handlers_inline_by_default_and_on_the_pool_when_turned_off()
    {
        await using var inline = PayerAtlasWeb.Build(new WebOptions { Db = site.Db });
        await using var pooled = PayerAtlasWeb.Build(new WebOptions { Db = site.Db, InlineScheduling = false });
        Assert.True(inline.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        Assert.False(pooled.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        Assert.False(inline.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task Inline_socket_completions_are_switched_on_for_Kestrel_unless_the_environment_already_decides()
    {
        const string variable = KestrelTuning.InlineCompletionsVariable;
        var before = Environment.GetEnvironmentVariable(variable);
        try
        {
            Environment.SetEnvironmentVariable(variable, null);
            await using (var off = PayerAtlasWeb.Build(new WebOptions { Db = site.Db, InlineCompletions = false }))
            {
                _ = off.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
                Assert.Null(Environment.GetEnvironmentVariable(variable));
            }

            await using (var on = PayerAtlasWeb.Build(new WebOptions { Db = site.Db }))
            {
                _ = on.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
                Assert.Equal("1", Environment.GetEnvironmentVariable(variable));
            }

            Environment.SetEnvironmentVariable(variable, "0");
            await using (var operatorSaysNo = PayerAtlasWeb.Build(new WebOptions { Db = site.Db }))
            {
                _ = operatorSaysNo.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
                Assert.Equal("0", Environment.GetEnvironmentVariable(variable));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }
}
