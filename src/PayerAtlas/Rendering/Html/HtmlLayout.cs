namespace PayerAtlas.Rendering.Html;

/// <summary>The page shell shared by publications, the static index and the web site: one look everywhere.</summary>
public static class HtmlLayout
{
    public static void Open(TextWriter w, string title, string release, string home = "index.html")
    {
        w.Write("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        HtmlRenderer.Encode(w, title);
        w.Write(" — PayerAtlas</title>\n<meta name=\"payeratlas-release\" content=\"");
        HtmlRenderer.Encode(w, release);
        w.Write("\">\n<style>");
        w.Write(Css);
        w.Write("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"site\"><a class=\"brand\" href=\"");
        HtmlRenderer.Encode(w, home);
        w.Write("\">PayerAtlas</a></header>\n");
    }

    public static void Close(TextWriter w) =>
        w.Write("<footer class=\"site\"><p>PayerAtlas publishes public reference data with its sources. Values the input lacked are marked “Data not available in the input.”</p></footer>\n</body>\n</html>\n");

    public const string Css = """
        :root{--ink:#1b1f24;--muted:#5b6470;--line:#d8dde3;--accent:#0b5cad;--gap:#8a4b00;--bg:#fff;--band:#f4f6f8}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px}
        header.site,footer.site{background:var(--band);border-bottom:1px solid var(--line);padding:.6rem 1.25rem}
        footer.site{border-top:1px solid var(--line);border-bottom:0;color:var(--muted);font-size:.85rem;margin-top:2rem}
        .brand{font-weight:700;color:var(--ink);text-decoration:none}
        nav.toc{max-width:60rem;margin:1rem auto 0;padding:0 1.25rem;font-size:.9rem}
        nav.toc ol{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0}
        main{max-width:60rem;margin:0 auto;padding:0 1.25rem}
        h1{font-size:1.7rem;line-height:1.25;margin:1.2rem 0 .2rem}
        h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
        h3{font-size:1.08rem;margin-top:1.4rem}
        .meta{color:var(--muted);margin:0 0 1rem}
        a{color:var(--accent)}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.92rem}
        caption{text-align:left;color:var(--muted);font-size:.85rem;padding:.2rem 0}
        th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
        thead th{background:var(--band)}
        tbody th{font-weight:600}
        .fact{border-bottom:1px dotted var(--muted)}.fact.prose{border:0}
        .gap{color:var(--gap);font-style:italic}
        .sources{margin-top:2rem;font-size:.85rem;color:var(--muted)}
        @media print{nav.toc,.skip,header.site{display:none}body{font-size:11pt}a{color:inherit}
          section{break-inside:avoid-page}table{font-size:9pt}.fact{border:0}h2{break-after:avoid}}
        """;
}
