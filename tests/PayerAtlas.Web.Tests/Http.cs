using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PayerAtlas.Web.Tests;

/// <summary>Small helpers over HttpClient responses.</summary>
public static partial class Http
{
    public static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Get(this HttpClient client, string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static async Task<JsonElement> Json(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body, response) = await client.Get(url);
        Assert.True(status == expected, $"{url}: expected {(int)expected}, got {(int)status}: {body}");
        Assert.StartsWith(expected == HttpStatusCode.OK ? "application/json" : "application/problem+json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<string> Html(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body, response) = await client.Get(url);
        Assert.True(status == expected, $"{url}: expected {(int)expected}, got {(int)status}: {body[..Math.Min(body.Length, 400)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>The text a reader sees: no style, no tags, entities decoded.</summary>
    public static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Style().Replace(html, ""), " ")), " ");

    /// <summary>The decoded text of the first element with this id.</summary>
    public static string ById(string html, string id)
    {
        var m = Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</", RegexOptions.Singleline);
        Assert.True(m.Success, $"no element #{id}");
        return WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();
}
