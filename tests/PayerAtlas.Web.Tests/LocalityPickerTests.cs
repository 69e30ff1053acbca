using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PayerAtlas.Web.Tests;

public sealed partial class LocalityPickerTests(DemoSite site) : IClassFixture<DemoSite>
{
    readonly HttpClient client = site.Client();

    static string Money(JsonElement amount) => "$" + amount.GetDecimal().ToString("#,0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Picking_a_locality_shows_the_amount_the_price_api_computes_for_it()
    {
        var localities = (await client.Json("/api/v1/prices/77054")).GetProperty("amounts").EnumerateArray().Where(a => a.GetProperty("mac").ValueKind == JsonValueKind.String).ToList();
        Assert.True(localities.Count >= 12);
        foreach (var a in localities.Take(6))
        {
            var id = $"{a.GetProperty("mac").GetString()}-{a.GetProperty("locality").GetString()}";
            var html = await client.Html($"/codes/77054?at={id}");
            Assert.Equal(Money(a.GetProperty("nonFacility")), Http.ById(html, "picked-amount"));
            Assert.Contains($"<option value=\"{id}\" selected>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Picking_a_state_shows_its_average_and_every_locality()
    {
        var quote = await client.Json("/api/v1/prices/77054?state=CA");
        var summary = quote.GetProperty("states").EnumerateArray().Single();
        var html = await client.Html("/codes/77054?at=ca");
        Assert.Equal(Money(summary.GetProperty("nonFacilityAverage")), Http.ById(html, "picked-amount"));
        foreach (var a in quote.GetProperty("amounts").EnumerateArray())
        {
            Assert.Contains(WebEncode(a.GetProperty("name").GetString()!), html, StringComparison.Ordinal);
        }
    }

    static string WebEncode(string s) => System.Net.WebUtility.HtmlEncode(s);

    [Fact]
    public async Task The_components_table_shows_26_and_tc_and_na_for_the_facility_global()
    {
        var html = await client.Html("/codes/77054?at=national");
        var table = Regex.Match(html, "<table id=\"picked-amounts\">.*?</table>", RegexOptions.Singleline).Value;
        var text = Http.Text(table);
        Assert.Contains("Global $67.28 NA", text, StringComparison.Ordinal);
        Assert.Contains("Professional component (26) $20.38", text, StringComparison.Ordinal);
        Assert.Contains("data-fact=\"pay.national.TC.nonfacility\"", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("national")]
    [InlineData("CA")]
    [InlineData("01112-54")]
    public async Task Every_number_on_the_live_code_page_is_a_fact_of_its_publication(string at)
    {
        var html = await client.Html($"/codes/77054?at={at}");
        var facts = (await client.Json("/api/v1/publications/77054?localities=true")).GetProperty("facts").EnumerateArray().ToList();
        var haystack = string.Join("\n", facts.SelectMany(f => new[] { f.GetProperty("value").GetString(), f.GetProperty("source").GetProperty("file").GetString(), f.GetProperty("source").GetProperty("release").GetString() }));
        var numbers = Number().Matches(Http.Text(Sources().Replace(html, ""))).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.True(haystack.Contains(n, StringComparison.Ordinal), $"{n} is on the page but in no fact"));
    }

    [Fact]
    public async Task Every_fact_the_picker_cites_exists_in_the_publication_json()
    {
        var html = await client.Html("/codes/77054?at=CA");
        var picker = Regex.Match(html, "id=\"locality-picker\".*?</section>", RegexOptions.Singleline).Value;
        var ids = (await client.Json("/api/v1/publications/77054?localities=true")).GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToHashSet();
        var cited = Regex.Matches(picker, "data-fact=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(cited.Count > 10);
        Assert.All(cited, id => Assert.Contains(id, ids));
    }

    [Theory]
    [InlineData("national")]
    [InlineData("CA")]
    [InlineData("01112-54")]
    public async Task Every_figure_on_the_live_code_page_links_to_its_source_row_under_sources(string at)
    {
        var html = await client.Html($"/codes/77054?at={at}");
        var facts = (await client.Json("/api/v1/publications/77054?localities=true")).GetProperty("facts").EnumerateArray().ToList();
        var figures = PayerAtlas.Tests.Rendering.ProvenanceMarkup.AssertEveryFigureReachesItsSource(html, facts);

        // The picker's amounts (GPCI-based facts of the full publication) cite through the same Sources list.
        var picker = Regex.Match(html, "id=\"locality-picker\".*?</section>", RegexOptions.Singleline).Value;
        Assert.True(PayerAtlas.Tests.Rendering.ProvenanceMarkup.Figures(picker).Count > 3);
        Assert.DoesNotContain(" title=\"", html, StringComparison.Ordinal);
        Assert.True(figures.Count > 50);
    }

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex Number();

    // The Sources list holds source rows, not figures; the live page's links into it are checked in ProvenanceTests.
    [GeneratedRegex("<aside class=\"sources\".*?</aside>", RegexOptions.Singleline)]
    private static partial Regex Sources();
}
