using System.Net;
using System.Xml.Linq;

namespace PayerAtlas.Web.Tests;

public sealed class RatesPageTests(RatesSite site) : IClassFixture<RatesSite>
{
    readonly HttpClient client = site.Client();

    [Fact]
    public async Task A_host_with_rate_benchmarks_shows_the_table_and_serves_the_chart()
    {
        var html = await client.Html("/codes/77054");
        Assert.Contains("<caption>Commercial negotiated rates by payer</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Acme &lt;Health&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"77054.rates.svg\"", html, StringComparison.Ordinal);

        var (status, svg, response) = await client.Get("/codes/77054.rates.svg");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("image/svg+xml", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var doc = XDocument.Parse(svg);
        Assert.Contains(doc.Descendants(), e => e.Value == RatesSite.Payer);
        Assert.DoesNotContain("<Health>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hospital_s_payer_independent_charges_show_encoded_with_a_gap_for_what_the_file_leaves_out()
    {
        var html = await client.Html("/codes/77054");
        Assert.Contains("<caption>Hospital standard charges (not payer-specific)</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Fixture &lt;Hospital&gt; &amp; Sons", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Hospital>", html, StringComparison.Ordinal);
        Assert.Contains("$310.00", html, StringComparison.Ordinal);
        Assert.Contains("$248.00", html, StringComparison.Ordinal);
        Assert.Contains("data-gap=\"hospital.fixture-hospital-sons.1.min\"", html, StringComparison.Ordinal);

        var json = await client.GetStringAsync("/api/v1/publications/77054");
        Assert.Contains("\"hospital.fixture-hospital-sons.1.gross\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_without_rates_has_no_rate_chart()
    {
        var (status, _, _) = await client.Get("/codes/77053.rates.svg");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}

public sealed class NoRatesPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_host_without_rate_benchmarks_states_the_gap_and_has_no_rate_chart()
    {
        var client = site.Client();
        var html = await client.Html("/codes/77054");
        Assert.Contains("data-gap=\"rates.benchmarks\"", html, StringComparison.Ordinal);
        var (status, _, _) = await client.Get("/codes/77054.rates.svg");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
