namespace PayerAtlas.Rendering.Html;

/// <summary>The page shell shared by publications, the static index and the web site: one look everywhere.</summary>
public static class HtmlLayout
{
    public static void Open(TextWriter w, string title, string release, string home = "index.html") =>
        Open(w, title, release, SiteChrome.Static(home));

    public static void Open(TextWriter w, string title, string release, SiteChrome chrome)
    {
        w.Write("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        HtmlRenderer.Encode(w, title);
        w.Write(" — PayerAtlas</title>\n<meta name=\"payeratlas-release\" content=\"");
        HtmlRenderer.Encode(w, release);
        w.Write("\">\n");
        if (chrome.Stylesheet is { } stylesheet)
        {
            w.Write("<link rel=\"stylesheet\" href=\"");
            HtmlRenderer.Encode(w, HtmlRenderer.SafeHref(stylesheet));
            w.Write("\">\n");
        }
        else
        {
            w.Write("<style>");
            w.Write(Css);
            w.Write("</style>\n");
        }

        if (chrome.Icon is { } icon)
        {
            w.Write("<link rel=\"icon\" type=\"image/svg+xml\" href=\"");
            HtmlRenderer.Encode(w, HtmlRenderer.SafeHref(icon));
            w.Write("\">\n");
        }

        foreach (var script in chrome.Scripts)
        {
            w.Write("<script src=\"");
            HtmlRenderer.Encode(w, HtmlRenderer.SafeHref(script));
            w.Write("\" defer></script>\n");
        }

        w.Write("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"site\"><div class=\"bar\"><a class=\"brand\" href=\"");
        HtmlRenderer.Encode(w, chrome.Home);
        w.Write("\">PayerAtlas</a>");
        if (chrome.Nav.Count > 0)
        {
            w.Write("<nav class=\"site\" aria-label=\"Site\"><ul>");
            foreach (var link in chrome.Nav)
            {
                w.Write("<li><a href=\"");
                HtmlRenderer.Encode(w, HtmlRenderer.SafeHref(link.Href));
                w.Write(link.Href == chrome.Current ? "\" aria-current=\"page\">" : "\">");
                HtmlRenderer.Encode(w, link.Text);
                w.Write("</a></li>");
            }

            w.Write("</ul></nav>");
        }

        if (chrome.SearchAction is { } action)
        {
            w.Write("<form class=\"search\" role=\"search\" method=\"get\" action=\"");
            HtmlRenderer.Encode(w, HtmlRenderer.SafeHref(action));
            w.Write("\"><label for=\"q\" class=\"vh\">Search codes, descriptions and payers</label><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"200\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"Code, words or payer\" aria-autocomplete=\"list\" aria-controls=\"suggestions\" value=\"");
            HtmlRenderer.Encode(w, chrome.SearchText ?? "");
            w.Write("\"><button type=\"submit\">Search</button><ul id=\"suggestions\" class=\"suggestions\" role=\"listbox\" aria-label=\"Suggestions\" hidden></ul></form>");
        }

        w.Write("</div></header>\n");
    }

    public static void Close(TextWriter w) =>
        w.Write("<footer class=\"site\"><p>PayerAtlas publishes public reference data with its sources. Values the input lacked are marked “Data not available in the input.”</p></footer>\n</body>\n</html>\n");

    /// <summary>
    /// The one stylesheet: inline in the static site, so a page opened from disk looks right; a same-origin file on the
    /// live site (Content-Security-Policy style-src 'self', no 'unsafe-inline').
    /// </summary>
    public const string Css = """
        :root{--ink:#1b1f24;--muted:#5b6470;--line:#d8dde3;--accent:#0b5cad;--gap:#8a4b00;--bg:#fff;--band:#f4f6f8}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px}
        .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        header.site,footer.site{background:var(--band);border-bottom:1px solid var(--line);padding:.6rem 1.25rem}
        header.site .bar{max-width:60rem;margin:0 auto;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.25rem}
        footer.site{border-top:1px solid var(--line);border-bottom:0;color:var(--muted);font-size:.85rem;margin-top:2rem}
        footer.site p{max-width:60rem;margin:0 auto}
        .brand{font-weight:700;color:var(--ink);text-decoration:none}
        nav.site ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0;font-size:.95rem}
        nav.site a{text-decoration:none}nav.site a[aria-current]{font-weight:600;color:var(--ink)}
        form.search{position:relative;display:flex;gap:.4rem;margin-left:auto;flex:1 1 16rem;max-width:26rem}
        form.search input{flex:1;font:inherit;padding:.3rem .5rem;border:1px solid var(--muted);border-radius:4px}
        form.search button,.picker button{font:inherit;padding:.3rem .8rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer}
        .suggestions{position:absolute;top:100%;left:0;right:0;z-index:5;margin:.2rem 0 0;padding:0;list-style:none;background:#fff;border:1px solid var(--line);border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.12)}
        .suggestions a{display:block;padding:.35rem .6rem;color:var(--ink);text-decoration:none}
        .suggestions a:hover,.suggestions a:focus,.suggestions [aria-selected=true] a{background:var(--band)}
        .suggestions b{color:var(--accent)}
        nav.toc{max-width:60rem;margin:1rem auto 0;padding:0 1.25rem;font-size:.9rem}
        nav.toc ol{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0}
        main{max-width:60rem;margin:0 auto;padding:0 1.25rem}
        h1{font-size:1.7rem;line-height:1.25;margin:1.2rem 0 .2rem}
        h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
        h3{font-size:1.08rem;margin-top:1.4rem}
        .meta{color:var(--muted);margin:0 0 1rem}
        .meta a{margin-left:.6rem}
        a{color:var(--accent)}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.92rem}
        caption{text-align:left;color:var(--muted);font-size:.85rem;padding:.2rem 0}
        th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
        thead th{background:var(--band)}
        tbody th{font-weight:600}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        [data-fact]{color:inherit;text-decoration:none;border-bottom:1px dotted var(--muted)}[data-fact]:hover,[data-fact]:focus{color:var(--accent)}[data-fact].prose{border:0}
        .gap{color:var(--gap);font-style:italic}
        figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid var(--line)}
        figcaption{color:var(--muted);font-size:.85rem}
        .picker{background:var(--band);border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
        .picker form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        .picker select{font:inherit;padding:.25rem;min-width:0;flex:0 1 28rem}
        .picker .amount{font-size:1.25rem;font-weight:700}
        mark{background:#fff3b0;padding:0 .1em}
        ol.results{padding-left:1.2rem}ol.results li{margin:.6rem 0}
        .snippet{color:var(--muted);font-size:.92rem;margin:.1rem 0 0}
        .pager{display:flex;gap:1rem;margin:1rem 0}
        .notice{border-left:4px solid var(--gap);background:#fff8ef;padding:.5rem .8rem}
        ul.codes{columns:2 22rem}
        .sources{margin-top:2rem;font-size:.85rem;color:var(--muted)}
        ul.rows{display:flex;flex-wrap:wrap;gap:0 .8rem;list-style:none;padding:0;margin:.1rem 0 .4rem}ul.rows li:target{background:#fff3b0;color:var(--ink)}
        @media print{nav.toc,nav.site,form.search,.picker form,.skip,header.site,.pager,.meta a{display:none}body{font-size:11pt}a{color:inherit}
          table{font-size:9pt}tr,figure,.picker{break-inside:avoid}[data-fact]{border:0}h2,h3{break-after:avoid}}
        """;
}
