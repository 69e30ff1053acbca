using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PayerAtlas.Web.Tests;

public sealed class SecurityTests(DemoSite site) : IClassFixture<DemoSite>
{
    readonly HttpClient client = site.Client();

    public static TheoryData<string> Pages => new() { "/", "/search?q=ductogram", "/codes", "/codes/77054", "/codes/77054?at=CA", "/codes/77054/history", "/payers", "/payers/medicare", "/policies", "/updates", "/releases", "/releases/2025Q4", "/codes/99999", "/nowhere" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_a_strict_policy_and_no_inline_script(string url)
    {
        var (_, html, response) = await client.Get(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));

        // Every <script> loads a same-origin file; no inline handlers anywhere.
        Assert.All(Regex.Matches(html, "<script[^>]*>").Select(m => m.Value), tag => Assert.Matches("^<script src=\"/static/[a-z]+\\.js\" defer>$", tag));
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", Regex.Replace(html, "<style>.*?</style>", "", RegexOptions.Singleline));

        // Nothing inline: the stylesheet is a same-origin file too.
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        var href = Regex.Match(html, "<link rel=\"stylesheet\" href=\"(/static/site\\.css\\?v=[0-9a-f]{12})\">").Groups[1].Value;
        var (status, css, cssResponse) = await client.Get(href);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/css", cssResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains("immutable", cssResponse.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_admin_token_there_is_no_admin_surface()
    {
        using var content = new MultipartFormDataContent { { new StringContent("x"), "files", "a.csv" } };
        var response = await client.PostAsync("/admin/api/imports", content);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get("/admin/api/imports")).Status);
    }

    [Fact]
    public async Task Responses_carry_an_etag_keyed_on_the_release_and_answer_304_when_it_matches()
    {
        foreach (var url in new[] { "/codes/77054", "/api/v1/prices/77054", "/api/v1/codes?q=duct", "/releases" })
        {
            var (_, _, first) = await client.Get(url);
            var etag = first.Headers.ETag!.Tag;
            Assert.StartsWith($"\"{site.Release.Id}-", etag, StringComparison.Ordinal);
            Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.ParseAdd(etag);
            var second = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Equal(etag, second.Headers.ETag!.Tag);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        }

        var (_, _, other) = await client.Get("/codes/77053");
        var (_, _, mine) = await client.Get("/codes/77054");
        Assert.NotEqual(other.Headers.ETag, mine.Headers.ETag);
    }

    [Fact]
    public async Task Browsers_get_brotli_or_gzip_with_their_own_validators()
    {
        var plain = await client.GetByteArrayAsync("/codes/77054");
        foreach (var (coding, decode) in new (string, Func<Stream, Stream>)[]
        {
            ("br", s => new System.IO.Compression.BrotliStream(s, System.IO.Compression.CompressionMode.Decompress)),
            ("gzip", s => new System.IO.Compression.GZipStream(s, System.IO.Compression.CompressionMode.Decompress)),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/codes/77054");
            request.Headers.AcceptEncoding.ParseAdd(coding);
            var response = await client.SendAsync(request);
            Assert.Equal(coding, response.Content.Headers.ContentEncoding.Single());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.True(compressed.Length < plain.Length / 3);
            using var output = new MemoryStream();
            await decode(new MemoryStream(compressed)).CopyToAsync(output);
            Assert.Equal(plain, output.ToArray());
            var etag = response.Headers.ETag!.Tag;
            Assert.EndsWith($"-{coding}\"", etag, StringComparison.Ordinal);
            using var again = new HttpRequestMessage(HttpMethod.Get, "/codes/77054");
            again.Headers.IfNoneMatch.ParseAdd(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }
    }

    [Fact]
    public async Task Pages_answer_head_with_headers_and_no_body()
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/codes/77054"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Errors_are_not_cached()
    {
        var (_, _, response) = await client.Get("/codes/99999");
        Assert.Null(response.Headers.ETag);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_same_page_is_the_same_bytes_on_every_request()
    {
        var a = await client.GetByteArrayAsync("/codes/27447");
        var b = await client.GetByteArrayAsync("/codes/27447");
        Assert.Equal(a, b);
    }
}

public sealed class HostileDataTests(HostileSite site) : IClassFixture<HostileSite>
{
    readonly HttpClient client = site.Client();

    [Theory]
    [InlineData("/codes/77054")]
    [InlineData("/search?q=ductography")]
    [InlineData("/codes")]
    [InlineData("/policies")]
    [InlineData("/policies/cigna-evicore-br")]
    [InlineData("/payers/cigna")]
    [InlineData("/updates")]
    public async Task Markup_in_titles_and_policies_is_shown_as_text_never_as_markup(string url)
    {
        var html = await client.Html(url);
        Assert.DoesNotContain("<script>window", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_escape_policy_titles_as_xml_text()
    {
        var (_, rss, _) = await client.Get("/updates.rss");
        var titles = XDocument.Parse(rss).Root!.Element("channel")!.Elements("item").Select(i => i.Element("title")!.Value).ToList();
        Assert.Contains($"Cigna eviCore BR: {HostileSite.PolicyTitle} (2021 → 2022)", titles);
        Assert.DoesNotContain("<script>", rss, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_json_carries_the_title_as_data()
    {
        var policy = await client.Json("/api/v1/policies/" + HostileSite.PolicyId);
        Assert.Equal(HostileSite.PolicyTitle, policy.GetProperty("policy").GetProperty("title").GetString());
        var code = await client.Json("/api/v1/codes/77054");
        Assert.Equal($"CPT 77054: {HostileSite.Title}", code.GetProperty("title").GetString());
    }
}

public sealed class AdminTests(AdminSite site) : IClassFixture<AdminSite>
{
    readonly HttpClient client = site.Client();

    static MultipartFormDataContent Upload(string path)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        content.Add(file, "files", Path.GetFileName(path));
        return content;
    }

    [Fact]
    public async Task The_import_needs_the_bearer_token_then_lands_a_new_current_release()
    {
        using (var anonymous = Upload(PayerAtlas.Tests.SharedData.Pfs("GPCI2025.csv")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/admin/api/imports?release=2025Q4-admin", anonymous)).StatusCode);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Post, "/admin/api/imports?release=2025Q4-admin") { Content = Upload(PayerAtlas.Tests.SharedData.Pfs("GPCI2025.csv")) })
        {
            wrong.Headers.Authorization = new("Bearer", "not-the-token");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        }

        Assert.Single((await client.Json("/api/v1/releases")).EnumerateArray());

        using var bad = new HttpRequestMessage(HttpMethod.Post, "/admin/api/imports?release=2025Q4-bad");
        bad.Headers.Authorization = new("Bearer", AdminSite.Token);
        var broken = site.Dir.Write("GPCI2025.csv", File.ReadAllText(PayerAtlas.Tests.SharedData.Pfs("GPCI2025.csv")).Replace(",0.869,", ",0.8x9,", StringComparison.Ordinal));
        bad.Content = Upload(broken);
        var rejected = await client.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("nothing was imported", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await client.Json("/api/v1/releases")).EnumerateArray());

        using var good = new HttpRequestMessage(HttpMethod.Post, "/admin/api/imports?release=2025Q4-admin") { Content = Upload(PayerAtlas.Tests.SharedData.Pfs("GPCI2025.csv")) };
        good.Headers.Authorization = new("Bearer", AdminSite.Token);
        var created = await client.SendAsync(good);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/releases/2025Q4-admin", created.Headers.Location?.ToString());

        // The site follows the new current release (and its ETags change with it).
        await Task.Delay(200);
        var (_, _, page) = await client.Get("/codes/77054");
        Assert.Equal("2025Q4-admin", page.Headers.GetValues("X-PayerAtlas-Release").Single());
        Assert.Contains("data-fact=\"pay.state.HI.global.nonfacility", await client.Html("/codes/77054"), StringComparison.Ordinal);
    }
}
