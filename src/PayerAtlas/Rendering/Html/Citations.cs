using PayerAtlas.Publishing.Model;

namespace PayerAtlas.Rendering.Html;

/// <summary>
/// The page's source references, citation style: every distinct source row (file, release, row) a page cites is listed
/// once in its Sources section under a short anchor ("s1", "s2", … in first-use order), and each figure links to its
/// row there (<c>&lt;a data-fact="rvu.global.work" href="#s3"&gt;0.45&lt;/a&gt;</c>) instead of repeating its
/// provenance in a tooltip. One instance per rendered page: the renderer and the blocks it hands out (the live site's
/// locality picker) cite through the same list.
/// </summary>
public sealed class Citations
{
    readonly Dictionary<(string File, string Release, string Row), string> ids = [];

    /// <summary>Cited rows in first-use order.</summary>
    public IReadOnlyList<(string File, string Release, string Row, string Id)> Cited => cited;

    readonly List<(string File, string Release, string Row, string Id)> cited = [];

    /// <summary>The anchor of <paramref name="fact"/>'s source row, numbering it on first use.</summary>
    public string Cite(Fact fact)
    {
        var key = (fact.Source.File, fact.Source.Release, fact.Source.Row);
        if (!ids.TryGetValue(key, out var id))
        {
            id = "s" + (cited.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids.Add(key, id);
            cited.Add((key.File, key.Release, key.Row, id));
        }

        return id;
    }

    /// <summary>
    /// A figure: its text, marked with its fact id, linking to its source row. <paramref name="text"/> is raw (encoded
    /// here). Long editorial values (whole paragraphs) get the "prose" class: a link underline on a paragraph is noise.
    /// </summary>
    public void WriteFact(TextWriter w, Fact fact, string text, bool prose = false)
    {
        w.Write(prose ? "<a class=\"prose\" data-fact=\"" : "<a data-fact=\"");
        HtmlRenderer.Encode(w, fact.Id);
        w.Write("\" href=\"#");
        w.Write(Cite(fact));
        w.Write("\">");
        HtmlRenderer.Encode(w, text);
        w.Write("</a>");
    }
}
