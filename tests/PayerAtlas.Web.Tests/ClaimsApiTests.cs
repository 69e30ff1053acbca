using System.Net;
using System.Text;
using System.Text.Json;

namespace PayerAtlas.Web.Tests;

public sealed class ClaimsApiTests(DemoSite site) : IClassFixture<DemoSite>
{
    readonly HttpClient client = site.Client();

    async Task<(HttpStatusCode Status, JsonElement Body)> Post(string body, string type = "application/json", string query = "")
    {
        var response = await client.PostAsync("/api/v1/claims/check" + query, new StringContent(body, Encoding.UTF8, type));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Claim_lines_posted_as_json_come_back_with_findings_and_a_summary()
    {
        var (status, body) = await Post("""
            [{"claim_id":"C1","line":1,"date_of_service":"2025-11-02","code":"77054","modifiers":["26"],"units":1,"place_of_service":"22","payer":"Medicare"},
             {"claim_id":"C1","line":2,"date_of_service":"2025-11-02","code":"77054","modifiers":["26","TC"],"units":1,"place_of_service":"22","payer":"Medicare"}]
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("summary").GetProperty("lines").GetInt32());
        Assert.Contains(body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("line").GetInt32() == 2);
    }

    [Fact]
    public async Task Json_lines_are_accepted_too()
    {
        var (status, body) = await Post("{\"claim_id\":\"C2\",\"line\":1,\"date_of_service\":\"2025-11-02\",\"code\":\"99213\"}\n", "application/x-ndjson");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("summary").GetProperty("lines").GetInt32());
    }

    [Fact]
    public async Task Malformed_json_ends_with_an_error_in_a_valid_body()
    {
        var (status, body) = await Post("""[{"claim_id":"C1","line":1,"date_of_service":"2025-11-02","code":"77054"}, {"claim_id": ]""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("malformed JSON", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_media_type_bad_setting_and_unknown_release_are_problems()
    {
        var (s1, b1) = await Post("code,units", "text/csv");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, s1);
        Assert.Contains("application/json", b1.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (s2, b2) = await Post("[]", query: "?setting=moon");
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Contains("must be practitioner, outpatient-hospital or dme", b2.GetProperty("errors").GetProperty("setting")[0].GetString(), StringComparison.Ordinal);
        var (s3, _) = await Post("[]", query: "?release=1999Q1");
        Assert.Equal(HttpStatusCode.NotFound, s3);
    }
}
