namespace PayerAtlas.Publishing.Model;

/// <summary>A unit of a section's body.</summary>
public abstract record Block;

public sealed record HeadingBlock(string Id, string Text) : Block;

public sealed record ParagraphBlock(IReadOnlyList<Inline> Inlines) : Block;

public sealed record ListBlock(IReadOnlyList<IReadOnlyList<Inline>> Items) : Block;

/// <summary>A table; every cell is a run of inlines so cells can hold facts and gaps.</summary>
/// <summary>
/// A picture drawn from the same release (an SVG beside the page, e.g. "77054.svg"); <see cref="Alt"/> says in words
/// what it shows, and the figures it pictures are stated as facts elsewhere in the section.
/// </summary>
public sealed record FigureBlock(string Id, string Caption, string Src, string Alt) : Block;

public sealed record TableBlock(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> Rows) : Block;
