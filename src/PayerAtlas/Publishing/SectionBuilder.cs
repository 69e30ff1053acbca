using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Publishing;

/// <summary>Builds one section: blocks in order, and the gaps found while building them.</summary>
public sealed class SectionBuilder(string id, string title)
{
    readonly List<Block> blocks = [];
    readonly List<Gap> gaps = [];

    public string Id => id;

    public void AddGap(string factId, string label)
    {
        if (!gaps.Any(g => g.Fact == factId))
        {
            gaps.Add(new Gap(factId, label));
        }
    }

    public SectionBuilder Heading(string headingId, string text)
    {
        blocks.Add(new HeadingBlock(headingId, text));
        return this;
    }

    public SectionBuilder Paragraph(Action<ProseBuilder> build)
    {
        var prose = new ProseBuilder(this);
        build(prose);
        blocks.Add(new ParagraphBlock(prose.Inlines));
        return this;
    }

    public SectionBuilder List<T>(IEnumerable<T> items, Action<ProseBuilder, T> build)
    {
        var built = new List<IReadOnlyList<Inline>>();
        foreach (var item in items)
        {
            var prose = new ProseBuilder(this);
            build(prose, item);
            built.Add(prose.Inlines);
        }

        if (built.Count > 0)
        {
            blocks.Add(new ListBlock(built));
        }

        return this;
    }

    public SectionBuilder Table<T>(string caption, IReadOnlyList<string> columns, IEnumerable<T> rows, params Action<ProseBuilder, T>[] cells)
    {
        var built = new List<IReadOnlyList<IReadOnlyList<Inline>>>();
        foreach (var row in rows)
        {
            var rowCells = new List<IReadOnlyList<Inline>>();
            foreach (var cell in cells)
            {
                var prose = new ProseBuilder(this);
                cell(prose, row);
                rowCells.Add(prose.Inlines);
            }

            built.Add(rowCells);
        }

        blocks.Add(new TableBlock(caption, columns, built));
        return this;
    }

    public SectionBuilder Figure(string figureId, string caption, string src, string alt)
    {
        blocks.Add(new FigureBlock(figureId, caption, src, alt));
        return this;
    }

    /// <summary>"{label}: Data not available in the input." as its own paragraph.</summary>
    public SectionBuilder Missing(string factId, string label) =>
        Paragraph(p => p.Strong(label + ": ").Gap(factId, label));

    public Section Build() => new(id, title, blocks, gaps);
}
