using System.Text;
using System.Text.Json;
using PayerAtlas.Claims.Output;
using PayerAtlas.Tests.Ncci;

namespace PayerAtlas.Tests.Claims;

/// <summary>The core call behind POST /api/v1/claims/check: request body in, streamed JSON out.</summary>
[Collection(nameof(NcciCollection))]
public sealed class ClaimCheckJsonTests(NcciReleaseFixture fixture)
{
    static async Task<(JsonElement Body, ClaimCheckJsonResult Result)> Post(NcciReleaseFixture fixture, string body)
    {
        using var reader = fixture.OpenReader();
        using var response = new MemoryStream();
        var result = await ClaimCheckJson.CheckAsync(reader, new MemoryStream(Encoding.UTF8.GetBytes(body)), response);
        return (JsonDocument.Parse(response.ToArray()).RootElement.Clone(), result);
    }

    [Fact]
    public async Task A_claim_posted_as_json_gets_its_findings_and_summary_back()
    {
        var (body, result) = await Post(fixture, """
            [{"claim_id":"W1","line":1,"date_of_service":"2026-03-02","code":"77054","modifiers":["26"],"units":1,"place_of_service":"22","payer":"Medicare"},
             {"claim_id":"W1","line":2,"date_of_service":"2026-03-02","code":"77053","modifiers":["26"],"units":1,"place_of_service":"22","payer":"Medicare"}]
            """);
        Assert.Null(result.Error);
        Assert.True(result.Summary.AnyDenied);
        var finding = Assert.Single(body.GetProperty("findings").EnumerateArray());
        Assert.Equal(("ncci.ptp", 2, 1), (finding.GetProperty("rule").GetString(), finding.GetProperty("line").GetInt32(), finding.GetProperty("related_line").GetInt32()));
        Assert.Equal(2, body.GetProperty("summary").GetProperty("lines").GetInt32());
    }

    [Fact]
    public async Task Malformed_json_ends_the_findings_with_an_error_in_a_still_valid_body()
    {
        var (body, result) = await Post(fixture, """[{"claim_id":"W1","line":1,"date_of_service":"2026-03-02","code":"77054"}, {"claim_id": ]""");
        Assert.NotNull(result.Error);
        Assert.Contains("malformed JSON", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
