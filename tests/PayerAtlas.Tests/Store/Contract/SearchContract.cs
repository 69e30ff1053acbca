using PayerAtlas.Search;

namespace PayerAtlas.Tests.Store;

public enum Which
{
    Cms,
    Full,
}

/// <summary>Search over the real descriptors: words, stems, prefixes, exact codes first, no query syntax from the input.</summary>
public abstract class SearchContract<TBackend>(ContractReleases<TBackend> releases) : StoreContract<TBackend>(releases)
    where TBackend : StoreBackend, new()
{
    static SearchTerms Terms(string text, bool prefix = false)
    {
        Assert.True(SearchTerms.TryParse(text, prefix, out var terms, out var error), error);
        return terms;
    }

    List<string> Codes(Which which, string text, bool prefix = false, int limit = 50)
    {
        using var reader = Store.OpenReader(which == Which.Cms ? Releases.Cms : Releases.Full);
        return reader.Search(Terms(text, prefix), 0, limit).Hits.Select(h => h.Code).ToList();
    }

    [Fact]
    public void The_real_cms_descriptors_are_searchable_by_their_words()
    {
        var codes = Codes(Which.Cms, "mammary ducts");
        Assert.Contains("77054", codes);
        Assert.DoesNotContain("99213", codes);
    }

    [Fact]
    public void Editorial_titles_make_ductography_findable_only_in_the_release_that_has_them()
    {
        Assert.Empty(Codes(Which.Cms, "ductography"));
        Assert.Superset(new HashSet<string> { "77053", "77054" }, Codes(Which.Full, "ductography").ToHashSet());
    }

    [Fact]
    public void Snippets_mark_the_matched_words()
    {
        using var reader = Store.OpenReader(Releases.Cms);
        var hit = reader.Search(Terms("mammary ducts"), 0, 50).Hits.Single(h => h.Code == "77054");
        Assert.Contains($"{SearchHit.MarkStart}mammary{SearchHit.MarkEnd}", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"{SearchHit.MarkStart}ducts{SearchHit.MarkEnd}", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("X-ray of mammary ducts", hit.PlainSnippet);
    }

    [Fact]
    public void Stemming_and_prefixes_find_other_forms_of_a_word()
    {
        // "mammograms" stems to the same token as "mammogram"; "mammog" as a prefix reaches "mammography" too.
        Assert.Contains("77067", Codes(Which.Full, "screening mammograms", limit: 200));
        Assert.Contains("77067", Codes(Which.Full, "mammog", prefix: true, limit: 200));
        Assert.DoesNotContain("77067", Codes(Which.Full, "mammog", prefix: false, limit: 200));
    }

    [Fact]
    public void The_hcpcs_long_description_is_searchable()
    {
        // "or less, each" is only in the HCPCS long description; the fee schedule says "1 cc sterile syringe&needle".
        Assert.Contains("A4206", Codes(Which.Full, "syringe needle less", limit: 200));
        Assert.DoesNotContain("A4206", Codes(Which.Cms, "syringe needle less", limit: 200));
        Assert.Contains("A4206", Codes(Which.Cms, "syringe needle", limit: 200));
    }

    [Fact]
    public void An_exact_code_ranks_first_and_a_partial_code_finds_its_family()
    {
        Assert.Equal("77054", Codes(Which.Full, "77054")[0]);
        Assert.Equal(["77053", "77054"], Codes(Which.Full, "7705", prefix: true).Where(c => c.StartsWith("7705", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void Query_syntax_in_the_input_is_only_words()
    {
        // FTS5 and tsquery operators, quotes and column filters arrive as plain words, never as syntax.
        foreach (var hostile in new[] { "\"duct", "duct OR x*", "NEAR(duct mammary)", "code:77054", "mammary AND", "-duct", "' or 1=1 --", "duct & !mammary", "duct:* | x", "duct\\' x" })
        {
            using var reader = Store.OpenReader(Releases.Full);
            var page = reader.Search(Terms(hostile, prefix: true), 0, 5);
            Assert.True(page.Total >= 0);
        }
    }

    [Fact]
    public void Without_terms_every_code_is_listed_in_order_page_by_page()
    {
        using var reader = Store.OpenReader(Releases.Full);
        var all = reader.ListCodes();
        var first = reader.Search(null, 0, 100);
        var second = reader.Search(null, 100, 100);
        Assert.Equal(all.Count, first.Total);
        Assert.Equal(all.Take(200), first.Hits.Concat(second.Hits).Select(h => h.Code));
    }

    [Fact]
    public void Titles_follow_the_publication_headline()
    {
        using var reader = Store.OpenReader(Releases.Full);
        var hit = reader.Search(Terms("77054"), 0, 1).Hits.Single();
        Assert.Equal(reader.GetEditorial("77054")!.Record.Title!.Value, hit.Title);
        using var cms = Store.OpenReader(Releases.Cms);
        Assert.Equal("X-ray of mammary ducts", cms.Search(Terms("77054"), 0, 1).Hits.Single().Title);
    }

    [Theory]
    [InlineData("", "the query is empty")]
    [InlineData("   ", "the query is empty")]
    [InlineData("!!! ???", "no letters or digits")]
    public void Empty_queries_are_refused_with_a_reason(string text, string reason)
    {
        Assert.False(SearchTerms.TryParse(text, false, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
