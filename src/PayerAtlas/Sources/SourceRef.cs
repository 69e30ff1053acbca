namespace PayerAtlas.Sources;

/// <summary>Where one fact came from: the file as shipped, the release it landed in, and its row.</summary>
/// <remarks><see cref="Row"/> is a line number for text files, a JSON path or page for others.</remarks>
public sealed record SourceRef(string File, string Release, string Row)
{
    public override string ToString() => $"{File} ({Release}) row {Row}";
}
