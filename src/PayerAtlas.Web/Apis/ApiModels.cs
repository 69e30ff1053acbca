using PayerAtlas.Sources;

namespace PayerAtlas.Web.Apis;

/// <summary>One page of a list, with links to its neighbours.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string? Next, string? Previous);

public sealed record CodeLinks(string Page, string Publication, string Prices, string History);

public sealed record CodeHit(string Code, string System, string Title, string Snippet, CodeLinks Links);

public sealed record Suggestion(string Kind, string Label, string Url, string? Code);

public sealed record Suggestions(string Query, IReadOnlyList<Suggestion> Items);

/// <summary>A fee-schedule row of a code, as published, with its source.</summary>
public sealed record FeeScheduleRow(string Modifier, string Descriptor, string StatusCode, string PcTcIndicator, string GlobalDays, SourceRef Source);

public sealed record HcpcsDescriptor(string LongDescription, string ShortDescription, SourceRef Source);

public sealed record CodeDetail(
    string Code,
    string System,
    string Title,
    string Release,
    IReadOnlyList<FeeScheduleRow> FeeSchedule,
    HcpcsDescriptor? Hcpcs,
    bool HasEditorialContent,
    CodeLinks Links);

public sealed record PayerSummary(string Id, string Name, int Policies, string Url);

public sealed record PayerDetail(string Id, string Name, string Release, IReadOnlyList<Catalog.PolicyListing> Policies, IReadOnlyList<string> Gaps);

public sealed record ReleaseSummary(string Label, DateTimeOffset ImportedAt, bool IsCurrent, int SourceFiles, long Rows, string Url);

public static class Links
{
    public static CodeLinks For(string code) => new($"/codes/{code}", $"/api/v1/publications/{code}", $"/api/v1/prices/{code}", $"/api/v1/codes/{code}/changes");

    public static Paged<T> Page<T>(IReadOnlyList<T> items, int page, int size, int total, string basePath)
    {
        var join = basePath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string At(int p) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{basePath}{join}page={p}&pageSize={size}");
        return new Paged<T>(items, page, size, total, page * size < total ? At(page + 1) : null, page > 1 ? At(page - 1) : null);
    }
}
