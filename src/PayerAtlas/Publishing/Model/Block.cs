namespace PayerAtlas.Publishing.Model;

/// <summary>A unit of a section's body.</summary>
public abstract record Block;

public sealed record HeadingBlock(string Id, string Text) : Block;

public sealed record ParagraphBlock(IReadOnlyList<Inline> Inlines) : Block;

public sealed record ListBlock(IReadOnlyList<IReadOnlyList<Inline>> Items) : Block;

/// <summary>A table; every cell is a run of inlines so cells can hold facts and gaps.</summary>
public sealed record TableBlock(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> Rows) : Block;
