namespace PayerAtlas.Publishing.Model;

/// <summary>A run of text inside a paragraph, list item or table cell.</summary>
public abstract record Inline;

public sealed record TextInline(string Text) : Inline;

public sealed record StrongInline(string Text) : Inline;

/// <summary>A fact shown in prose; <see cref="Text"/> is its display form ("$67.28" for value "67.28").</summary>
public sealed record FactInline(string FactId, string Text) : Inline;

/// <summary>The place where a missing fact would have been: renders as "Data not available in the input."</summary>
public sealed record GapInline(string FactId) : Inline;

public sealed record LinkInline(string Text, string Href) : Inline;
