using System.Globalization;
using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Publishing;

/// <summary>Assembles a run of inlines: fixed wording, facts and gaps. Numbers only ever enter through facts.</summary>
public sealed class ProseBuilder(SectionBuilder section)
{
    readonly List<Inline> inlines = [];

    public IReadOnlyList<Inline> Inlines => inlines;

    public ProseBuilder Text(string text)
    {
        inlines.Add(new TextInline(text));
        return this;
    }

    public ProseBuilder Strong(string text)
    {
        inlines.Add(new StrongInline(text));
        return this;
    }

    public ProseBuilder Fact(Fact fact, string? display = null)
    {
        inlines.Add(new FactInline(fact.Id, display ?? fact.Value));
        return this;
    }

    public ProseBuilder Money(Fact fact) => Fact(fact, FormatMoney(fact.Value));

    public ProseBuilder Link(string text, string href)
    {
        inlines.Add(new LinkInline(text, href));
        return this;
    }

    /// <summary>Records a gap in the section and marks the spot.</summary>
    public ProseBuilder Gap(string factId, string label)
    {
        section.AddGap(factId, label);
        inlines.Add(new GapInline(factId));
        return this;
    }

    /// <summary>A fact when there is one, else the gap.</summary>
    public ProseBuilder FactOrGap(Fact? fact, string factId, string label) =>
        fact is null ? Gap(factId, label) : Fact(fact);

    /// <summary>Joins items as "a, b and c", each through <paramref name="each"/>.</summary>
    public ProseBuilder Join<T>(IReadOnlyList<T> items, Action<ProseBuilder, T> each, string last = " and ")
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                Text(i == items.Count - 1 ? last : ", ");
            }

            each(this, items[i]);
        }

        return this;
    }

    public static string FormatMoney(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? "$" + d.ToString("#,0.00", CultureInfo.InvariantCulture)
            : value;
}
