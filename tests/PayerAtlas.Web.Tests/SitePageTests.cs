using System.Net;
using System.Xml.Linq;

namespace PayerAtlas.Web.Tests;

public sealed class SitePageTests(DemoSite site) : IClassFixture<DemoSite>
{
    readonly HttpClient client = site.Client();

    [Fact]
    public async Task The_home_page_names_the_release_and_its_source_files()
    {
        var html = await client.Html("/");
        Assert.Contains("Release 2025Q4", html, StringComparison.Ordinal);
        Assert.Contains("demo/pfs/PPRRVU2025_Oct_demo.csv", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"search\" role=\"search\" method=\"get\" action=\"/search\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=ductogram\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_ductogram_finds_77054_and_77053_with_the_word_marked()
    {
        var html = await client.Html("/search?q=ductogram");
        var text = Http.Text(html);
        Assert.Contains("CPT 77054: Ductography of several breast ducts", text, StringComparison.Ordinal);
        Assert.Contains("CPT 77053: Ductography of a single breast duct", text, StringComparison.Ordinal);
        Assert.Contains("<mark>Ductogram</mark>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ductogram\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_the_start_of_a_word_finds_the_codes_that_use_it()
    {
        var text = Http.Text(await client.Html("/search?q=mammog"));
        Assert.Contains("77067", text, StringComparison.Ordinal);
        Assert.Contains("77065", text, StringComparison.Ordinal);
        Assert.DoesNotContain("99213", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_a_payer_name_lists_the_payer()
    {
        var html = await client.Html("/search?q=aetna");
        Assert.Contains("href=\"/payers/aetna\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_an_exact_code_goes_straight_to_its_page()
    {
        var (status, _, response) = await client.Get("/search?q=77054");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/codes/77054", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/search?q=%21%21%21", "no letters or digits")]
    [InlineData("/search?q=ductogram&page=0", "page '0' must be a whole number from 1")]
    public async Task A_bad_search_is_400_with_the_reason(string url, string reason)
    {
        var html = await client.Html(url, HttpStatusCode.BadRequest);
        Assert.Contains(reason, Http.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_longer_than_200_characters_is_400()
    {
        var html = await client.Html("/search?q=" + new string('a', 201), HttpStatusCode.BadRequest);
        Assert.Contains("at most 200 are allowed", Http.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_nothing_shows_how_to_search()
    {
        Assert.Contains("Type a code", Http.Text(await client.Html("/search")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_list_has_every_code_of_the_release()
    {
        var html = await client.Html("/codes");
        Assert.Contains("26 codes", Http.Text(html), StringComparison.Ordinal);
        foreach (var code in new[] { "11042", "77054", "99214" })
        {
            Assert.Contains($"href=\"/codes/{code}\"", html, StringComparison.Ordinal);
        }

        await client.Html("/codes?page=abc", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_code_page_is_the_publication_with_chart_picker_payers_related_codes_and_sources()
    {
        var html = await client.Html("/codes/77054");
        Assert.Contains("<h1>CPT 77054: Ductography of several breast ducts", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"77054.svg\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"locality-picker\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Coverage by payer</caption>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"77053.html\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/releases/2025Q4#src-demo-pfs-pprrvu2025-oct-demo-csv\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/codes/77054/history\"", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/static/site.css?v=", html, StringComparison.Ordinal);
        Assert.Equal("$67.28", Http.ById(html, "picked-amount"));
    }

    [Fact]
    public async Task The_static_site_file_names_work_too()
    {
        Assert.Contains("CPT 77053", await client.Html("/codes/77053.html"), StringComparison.Ordinal);
        var json = await client.Json("/codes/77054.json");
        Assert.Equal("77054", json.GetProperty("code").GetString());
        var (status, md, _) = await client.Get("/codes/77054.md");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("# CPT 77054: ", md, StringComparison.Ordinal);
        var (svgStatus, svg, response) = await client.Get("/codes/77054.svg");
        Assert.Equal(HttpStatusCode.OK, svgStatus);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var doc = XDocument.Parse(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains("National $67.28", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/codes/7705", HttpStatusCode.BadRequest, "'7705' is not a CPT/HCPCS code")]
    [InlineData("/codes/77054x", HttpStatusCode.BadRequest, "is not a CPT/HCPCS code")]
    [InlineData("/codes/99999", HttpStatusCode.NotFound, "code 99999 is not in release 2025Q4")]
    [InlineData("/codes/77054.pdf", HttpStatusCode.NotFound, "no '.pdf' form")]
    [InlineData("/codes/G0008.svg", HttpStatusCode.NotFound, "G0008")]
    [InlineData("/codes/77054?at=XYZ", HttpStatusCode.BadRequest, "'XYZ' is not a state")]
    [InlineData("/codes/77054?at=1-2-3", HttpStatusCode.BadRequest, "must be <MAC>-<locality>")]
    [InlineData("/codes/77054?at=ZZ", HttpStatusCode.NotFound, "no Medicare locality in state 'ZZ'")]
    [InlineData("/codes/77054?at=99999-99", HttpStatusCode.NotFound, "no Medicare locality 99999-99")]
    public async Task Bad_and_unknown_codes_and_places_say_what_is_wrong(string url, HttpStatusCode status, string message)
    {
        var html = await client.Html(url, status);
        Assert.Contains(message, Http.Text(html), StringComparison.Ordinal);
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payer_pages_list_the_key_payers_and_state_what_is_missing()
    {
        var list = await client.Html("/payers");
        foreach (var payer in new[] { "aetna", "bluecrossblueshield", "cigna", "unitedhealthcare", "medicare" })
        {
            Assert.Contains($"href=\"/payers/{payer}\"", list, StringComparison.Ordinal);
        }

        var aetna = await client.Html("/payers/aetna");
        Assert.Contains("href=\"/policies/aetna-cpb-0584\"", aetna, StringComparison.Ordinal);
        Assert.Contains("href=\"/codes/77067\"", aetna, StringComparison.Ordinal);
        Assert.Contains("Annual screening for women aged 40 and over", Http.Text(aetna), StringComparison.Ordinal);
        var medicare = await client.Html("/payers/medicare");
        Assert.Contains("demo/pfs/GPCI2025_demo.csv", medicare, StringComparison.Ordinal);
        await client.Html("/payers/Not_An_Id", HttpStatusCode.BadRequest);
        await client.Html("/payers/nobody", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Policy_pages_list_each_policy_its_rules_and_the_changes_between_versions()
    {
        var list = Http.Text(await client.Html("/policies"));
        Assert.Contains("CPB 0584: Mammography", list, StringComparison.Ordinal);
        Assert.Contains("L33585", list, StringComparison.Ordinal);
        var cigna = await client.Html("/policies/cigna-evicore-br");
        var text = Http.Text(cigna);
        Assert.Contains("2022 (newest of 2 in this release)", text, StringComparison.Ordinal);
        Assert.Contains("2021 → 2022", text, StringComparison.Ordinal);
        Assert.Contains("href=\"/codes/77054\"", cigna, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", cigna, StringComparison.Ordinal);
        var updates = Http.Text(await client.Html("/updates"));
        Assert.Contains("eviCore BR: Radiology: Breast Imaging Guidelines", updates, StringComparison.Ordinal);
        await client.Html("/policies/aetna-1", HttpStatusCode.NotFound);
        await client.Html("/policies/NOT%20AN%20ID", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_update_feeds_are_valid_rss_and_atom()
    {
        var (status, rss, response) = await client.Get("/updates.rss");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var channel = XDocument.Parse(rss).Root!.Element("channel")!;
        Assert.Equal("PayerAtlas policy updates", channel.Element("title")!.Value);
        Assert.Contains(channel.Elements("item"), i => i.Element("link")!.Value.EndsWith("/policies/cigna-evicore-br", StringComparison.Ordinal));
        var (_, atom, _) = await client.Get("/updates.atom");
        XNamespace ns = "http://www.w3.org/2005/Atom";
        Assert.Equal(ns + "feed", XDocument.Parse(atom).Root!.Name);
    }

    [Fact]
    public async Task Release_pages_list_releases_and_their_files_with_checksums()
    {
        Assert.Contains("2025Q4 (current)", Http.Text(await client.Html("/releases")), StringComparison.Ordinal);
        var html = await client.Html("/releases/2025Q4");
        var sha = site.First.Sources.First(s => s.File.EndsWith("PPRRVU2025_Oct_demo.csv", StringComparison.Ordinal)).Sha256;
        Assert.Contains(sha, html, StringComparison.Ordinal);
        Assert.Contains("id=\"src-demo-pfs-pprrvu2025-oct-demo-csv\"", html, StringComparison.Ordinal);
        await client.Html("/releases/1999Q1", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_release_or_page_is_404()
    {
        Assert.Contains("there is no release 'nope'", Http.Text(await client.Html("/codes/77054?release=nope", HttpStatusCode.NotFound)), StringComparison.Ordinal);
        await client.Html("/no/such/page", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_script_is_served_from_this_origin()
    {
        var (status, js, response) = await client.Get("/static/app.js");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/v1/codes/suggest", js, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", js, StringComparison.Ordinal);
    }
}
