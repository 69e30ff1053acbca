using System.Net;

namespace PayerAtlas.Web.Tests;

public sealed class HistoryTests(TwoReleaseSite site) : IClassFixture<TwoReleaseSite>
{
    readonly HttpClient client = site.Client();

    [Fact]
    public async Task The_history_page_lists_both_releases_and_the_facts_the_second_added()
    {
        var html = await client.Html("/codes/77054/history");
        var text = Http.Text(html);
        Assert.Contains("2025Q4 → 2025Q4-gpci", text, StringComparison.Ordinal);
        Assert.Contains("2025Q4-gpci (current)", text, StringComparison.Ordinal);
        // The real GPCI file brings every state: Alaska was already in the demo subset, Hawaii was not.
        var step = (await client.Json("/api/v1/codes/77054/changes"))[0];
        var hawaii = step.GetProperty("facts").EnumerateArray().First(f => f.GetProperty("id").GetString()!.StartsWith("pay.state.HI.", StringComparison.Ordinal));
        Assert.Contains(hawaii.GetProperty("label").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("added", text, StringComparison.Ordinal);
        Assert.Contains("href=\"/codes/77054?release=2025Q4\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_changes_api_names_each_fact_before_and_after()
    {
        var changes = await client.Json("/api/v1/codes/77054/changes");
        var step = changes.EnumerateArray().Single();
        Assert.Equal("2025Q4", step.GetProperty("from").GetString());
        Assert.Equal("2025Q4-gpci", step.GetProperty("to").GetString());
        var added = step.GetProperty("facts").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "added").Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Contains(added, id => id!.StartsWith("pay.state.HI.global.nonfacility", StringComparison.Ordinal));
        Assert.DoesNotContain(added, id => id!.StartsWith("pay.state.CA.", StringComparison.Ordinal) && !id.EndsWith(".min", StringComparison.Ordinal) && !id.EndsWith(".max", StringComparison.Ordinal) && !id.EndsWith(".average", StringComparison.Ordinal));
        Assert.DoesNotContain(step.GetProperty("facts").EnumerateArray(), f => f.GetProperty("id").GetString() == "pay.national.global.nonfacility");
    }

    [Fact]
    public async Task A_pinned_release_serves_the_older_publication_with_an_immutable_cache_header()
    {
        var (status, body, response) = await client.Get("/codes/77054?release=2025Q4");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Release <span class=\"release\">2025Q4</span>", body, StringComparison.Ordinal);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("2025Q4", response.Headers.GetValues("X-PayerAtlas-Release").Single());
        Assert.Contains("<input type=\"hidden\" name=\"release\" value=\"2025Q4\">", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/codes/7705/history", HttpStatusCode.BadRequest)]
    [InlineData("/codes/A9999/history", HttpStatusCode.NotFound)]
    public async Task History_of_a_bad_or_unknown_code_is_an_error(string url, HttpStatusCode status) => await client.Html(url, status);
}
