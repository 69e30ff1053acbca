using System.Net;
using System.Text.Json;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Sqlite;

namespace PayerAtlas.Web.Tests;

public sealed class ApiTests(DemoSite site) : IClassFixture<DemoSite>
{
    readonly HttpClient client = site.Client();

    static IEnumerable<string> Codes(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!);

    [Fact]
    public async Task Code_search_ranks_the_ductogram_codes_and_reports_the_total()
    {
        var page = await client.Json("/api/v1/codes?q=ductogram");
        Assert.Equal(["77053", "77054"], Codes(page).Take(2).Order());
        Assert.Equal(page.GetProperty("items").GetArrayLength(), page.GetProperty("total").GetInt32());
        var first = page.GetProperty("items")[0];
        Assert.Equal("CPT", first.GetProperty("system").GetString());
        Assert.StartsWith("/api/v1/prices/", first.GetProperty("links").GetProperty("prices").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_query_every_code_is_listed_page_by_page()
    {
        var first = await client.Json("/api/v1/codes");
        Assert.Equal(26, first.GetProperty("total").GetInt32());
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.Equal("/api/v1/codes?page=2&pageSize=20", first.GetProperty("next").GetString());
        var second = await client.Json(first.GetProperty("next").GetString()!);
        Assert.Equal(6, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Empty(Codes(first).Intersect(Codes(second)));
    }

    [Theory]
    [InlineData("/api/v1/codes?pageSize=1000", "page", "pageSize '1000' must be a whole number from 1 to 100")]
    [InlineData("/api/v1/codes?page=-1", "page", "page '-1' must be a whole number from 1")]
    [InlineData("/api/v1/codes?q=%20%3F", "q", "no letters or digits")]
    [InlineData("/api/v1/codes/suggest", "q", "the query is empty")]
    [InlineData("/api/v1/codes/7705", "code", "'7705' is not a CPT/HCPCS code")]
    [InlineData("/api/v1/publications/77-54", "code", "is not a CPT/HCPCS code")]
    [InlineData("/api/v1/publications/77054?localities=maybe", "localities", "must be true or false")]
    [InlineData("/api/v1/prices/77054?modifier=ABC", "modifier", "'ABC' is not a modifier")]
    [InlineData("/api/v1/prices/77054?locality=01112", "scope", "must be <MAC>-<locality>")]
    [InlineData("/api/v1/prices/77054?state=California", "scope", "'California' is not a state")]
    [InlineData("/api/v1/prices/77054?state=CA&national=true", "scope", "at most one of locality, state and national")]
    [InlineData("/api/v1/payers/Bad%20Id", "id", "is not a payer id")]
    [InlineData("/api/v1/policies?payer=BAD", "payer", "is not a payer id")]
    [InlineData("/api/v1/policies?code=123", "code", "is not a CPT/HCPCS code")]
    [InlineData("/api/v1/policy-updates?pageSize=0", "page", "must be a whole number from 1 to 100")]
    public async Task Bad_input_is_a_400_validation_problem_naming_the_field(string url, string field, string message)
    {
        var problem = await client.Json(url, HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/codes/99999", "code 99999 is not in release 2025Q4")]
    [InlineData("/api/v1/codes/99999/changes", "code 99999 is in no release")]
    [InlineData("/api/v1/publications/99999", "code 99999 is not in release 2025Q4")]
    [InlineData("/api/v1/prices/99999", "no fee-schedule row for 99999")]
    [InlineData("/api/v1/prices/77054?modifier=59", "no fee-schedule row for 77054-59")]
    [InlineData("/api/v1/prices/77054?state=ZZ", "no Medicare locality matches state ZZ")]
    [InlineData("/api/v1/prices/77054?locality=99999-99", "no Medicare locality matches locality 99999-99")]
    [InlineData("/api/v1/payers/nobody", "there is no payer 'nobody'")]
    [InlineData("/api/v1/policies/aetna-1", "there is no policy 'aetna-1'")]
    [InlineData("/api/v1/releases/1999Q1", "there is no release '1999Q1'")]
    [InlineData("/api/v1/codes/77054?release=1999Q1", "there is no release '1999Q1'")]
    [InlineData("/api/v1/nothing-here", "there is nothing at /api/v1/nothing-here")]
    public async Task Unknown_things_are_a_404_problem_saying_what_was_not_found(string url, string message)
    {
        var problem = await client.Json(url, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_offer_codes_and_payers_for_the_start_of_a_word()
    {
        var codes = (await client.Json("/api/v1/codes/suggest?q=ducto")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(codes, s => s.GetProperty("code").GetString() == "77054" && s.GetProperty("url").GetString() == "/codes/77054");
        var payers = (await client.Json("/api/v1/codes/suggest?q=unitedh")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(payers, s => s.GetProperty("kind").GetString() == "payer" && s.GetProperty("label").GetString() == "UnitedHealthcare");
    }

    [Fact]
    public async Task A_code_has_its_fee_schedule_rows_with_their_source_rows()
    {
        var code = await client.Json("/api/v1/codes/77054");
        Assert.StartsWith("CPT 77054: Ductography", code.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(["", "26", "TC"], code.GetProperty("feeSchedule").EnumerateArray().Select(r => r.GetProperty("modifier").GetString()));
        Assert.Equal("demo/pfs/PPRRVU2025_Oct_demo.csv", code.GetProperty("feeSchedule")[0].GetProperty("source").GetProperty("file").GetString());
        Assert.True(code.GetProperty("hasEditorialContent").GetBoolean());
    }

    [Fact]
    public async Task The_publication_api_is_the_json_contract_of_the_core_publication()
    {
        var api = await client.Json("/api/v1/publications/77054");
        using var store = new SqliteStore(site.Db);
        using var reader = store.OpenReader(store.FindRelease()!);
        var publication = PublicationBuilder.Default().Build().Publish(DossierBuilder.Build(reader, "77054")!);
        Assert.Equal(publication.Facts.Select(f => (f.Id, f.Value)), api.GetProperty("facts").EnumerateArray().Select(f => (f.GetProperty("id").GetString()!, f.GetProperty("value").GetString()!)));
        Assert.Equal(publication.Sections.Select(s => s.Id), api.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
        var full = await client.Json("/api/v1/publications/77054?localities=true");
        Assert.Contains(full.GetProperty("facts").EnumerateArray(), f => f.GetProperty("id").GetString() == "pay.01112-54.global.nonfacility");
    }

    [Fact]
    public async Task Prices_by_scope_and_modifier_follow_the_fee_schedule_formula()
    {
        var all = await client.Json("/api/v1/prices/77054");
        Assert.Equal(67.28m, all.GetProperty("amounts")[0].GetProperty("nonFacility").GetDecimal());
        Assert.Equal(JsonValueKind.Null, all.GetProperty("amounts")[0].GetProperty("facility").ValueKind);
        Assert.True(all.GetProperty("states").GetArrayLength() >= 12);
        var national26 = await client.Json("/api/v1/prices/77054?modifier=26&national=true");
        Assert.Equal(20.38m, national26.GetProperty("amounts").EnumerateArray().Single().GetProperty("nonFacility").GetDecimal());
        var one = await client.Json("/api/v1/prices/77054?locality=1112-54");
        var sf = one.GetProperty("amounts").EnumerateArray().Single();
        Assert.Equal("01112", sf.GetProperty("mac").GetString());
        Assert.True(sf.GetProperty("nonFacility").GetDecimal() > 67.28m);
        var state = await client.Json("/api/v1/prices/77054?state=ca");
        Assert.Equal("CA", state.GetProperty("states").EnumerateArray().Single().GetProperty("state").GetString());
    }

    [Fact]
    public async Task Payers_policies_updates_and_releases_are_listed()
    {
        var payers = await client.Json("/api/v1/payers");
        Assert.Equal(["Aetna", "Blue Cross Blue Shield", "Cigna", "Medicare", "UnitedHealthcare"], payers.EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
        var aetna = await client.Json("/api/v1/payers/aetna");
        Assert.Equal("CPB 0584", aetna.GetProperty("policies")[0].GetProperty("number").GetString());
        Assert.Equal(0, aetna.GetProperty("gaps").GetArrayLength());
        var all = await client.Json("/api/v1/policies?pageSize=100");
        Assert.True(all.GetProperty("total").GetInt32() >= 9);
        var about77054 = await client.Json("/api/v1/policies?code=77054");
        Assert.Contains(about77054.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == "cigna-evicore-br");
        Assert.All(about77054.GetProperty("items").EnumerateArray(), p => Assert.Contains(p.GetProperty("rules").EnumerateArray(),
            r => r.GetProperty("codes").EnumerateArray().Any(c => string.CompareOrdinal(c.GetProperty("low").GetString(), "77054") <= 0 && string.CompareOrdinal(c.GetProperty("high").GetString(), "77054") >= 0)));
        var cigna = await client.Json("/api/v1/policies/cigna-evicore-br");
        Assert.Equal(2, cigna.GetProperty("versions").GetArrayLength());
        Assert.Equal("Cigna", cigna.GetProperty("versions")[0].GetProperty("record").GetProperty("payer").GetString());
        var updates = await client.Json("/api/v1/policy-updates");
        Assert.Contains(updates.GetProperty("items").EnumerateArray(), u => u.GetProperty("policy").GetProperty("id").GetString() == "cigna-evicore-br" && u.GetProperty("toVersion").GetString() == "2022");
        var releases = await client.Json("/api/v1/releases");
        Assert.Equal("2025Q4", releases[0].GetProperty("label").GetString());
        var release = await client.Json("/api/v1/releases/2025Q4");
        Assert.Contains(release.GetProperty("sources").EnumerateArray(), s => s.GetProperty("kind").GetString() == "PfsRvuCsv");
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route()
    {
        var doc = await client.Json("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[] { "/api/v1/codes", "/api/v1/codes/suggest", "/api/v1/codes/{code}", "/api/v1/codes/{code}/changes", "/api/v1/publications/{code}", "/api/v1/prices/{code}", "/api/v1/payers", "/api/v1/payers/{id}", "/api/v1/policies", "/api/v1/policies/{id}", "/api/v1/policy-updates", "/api/v1/releases", "/api/v1/releases/{label}" })
        {
            Assert.Contains(path, paths);
        }

        Assert.DoesNotContain(paths, p => p.StartsWith("/admin", StringComparison.Ordinal));
        Assert.DoesNotContain("/codes/{file}", paths);
        var prices = doc.GetProperty("paths").GetProperty("/api/v1/prices/{code}").GetProperty("get");
        var parameters = prices.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "code", "modifier", "locality", "state", "national", "release" }, parameters.ToHashSet());
        Assert.True(prices.GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(prices.GetProperty("responses").TryGetProperty("400", out _));
    }
}
