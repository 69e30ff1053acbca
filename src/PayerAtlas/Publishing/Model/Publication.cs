namespace PayerAtlas.Publishing.Model;

public sealed record Section(string Id, string Title, IReadOnlyList<Block> Blocks, IReadOnlyList<Gap> Gaps);

/// <summary>The rendered document model for one code in one release; every renderer reads only this.</summary>
public sealed record Publication
{
    public required string Code { get; init; }
    public required string Release { get; init; }
    /// <summary>"CPT 77054: …" — the headline.</summary>
    public required string Title { get; init; }
    public required IReadOnlyList<Section> Sections { get; init; }
    public required IReadOnlyList<Fact> Facts { get; init; }

    public IEnumerable<Gap> Gaps => Sections.SelectMany(s => s.Gaps);

    public Fact? FindFact(string id) => Facts.FirstOrDefault(f => f.Id == id);
}
