namespace PayerAtlas.Sources;

/// <summary>Where one fact came from: the file as shipped, the release it landed in, and its row.</summary>
/// <remarks><see cref="Row"/> is a line number for text files, a JSON path or page for others.</remarks>
public sealed record SourceRef(string File, string Release, string Row)
{
    /// <summary>For facts from a payer policy: which policy, which version, and where it is published.</summary>
    public DocumentCitation? Document { get; init; }

    public override string ToString() => $"{File} ({Release}) row {Row}";
}

/// <summary>A policy as a citation: "Aetna CPB 0584 (Mammography), version 2025-03-14, effective 2025-03-14, https://…".</summary>
public sealed record DocumentCitation(string Payer, string Id, string Title, string Version, string? Effective, string? Url);
