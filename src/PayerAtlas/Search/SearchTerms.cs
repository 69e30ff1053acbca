namespace PayerAtlas.Search;

/// <summary>
/// What a reader typed, reduced to words of letters and digits (so no query syntax reaches the database). Each
/// store turns the words into its own full-text query: FTS5 MATCH in SQLite, tsquery in PostgreSQL.
/// </summary>
public sealed record SearchTerms
{
    public const int MaxLength = 200;
    public const int MaxWords = 8;

    SearchTerms(string text, IReadOnlyList<string> words, bool prefix)
    {
        Text = text;
        Words = words;
        Prefix = prefix;
    }

    /// <summary>The query as typed, trimmed.</summary>
    public string Text { get; }

    /// <summary>Lower-case words, in order, at most <see cref="MaxWords"/>.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Match the last word as a prefix (as-you-type suggestions, "mammo" → mammography).</summary>
    public bool Prefix { get; }

    /// <summary>The query names one code exactly ("77054", "a4206").</summary>
    public string? ExactCode => Words.Count == 1 && BillingCodes.IsValid(Words[0].ToUpperInvariant()) ? Words[0].ToUpperInvariant() : null;

    /// <summary>The words of <paramref name="text"/>, or an error message when there are none or it is too long.</summary>
    public static bool TryParse(string? text, bool prefix, out SearchTerms terms, out string error)
    {
        terms = new SearchTerms("", [], prefix);
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "the query is empty: type a code, words of its description, or a payer name";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"the query is {text.Length} characters long; at most {MaxLength} are allowed";
            return false;
        }

        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                if (words.Count < MaxWords)
                {
                    words.Add(text[start..i].ToLowerInvariant());
                }

                start = -1;
            }
        }

        if (words.Count == 0)
        {
            error = "the query has no letters or digits to search for";
            return false;
        }

        terms = new SearchTerms(text, words, prefix);
        error = "";
        return true;
    }
}

/// <summary>One code found by a search, with the words that matched marked in <see cref="Snippet"/>.</summary>
/// <param name="Title">The headline title: editorial title, else HCPCS short description, else fee-schedule descriptor.</param>
/// <param name="Snippet">Text around the match; matched words sit between <see cref="MarkStart"/> and <see cref="MarkEnd"/>.</param>
public sealed record SearchHit(string Code, string Title, string Snippet)
{
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';

    public string PlainSnippet => Snippet.Replace(MarkStart.ToString(), "", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "", StringComparison.Ordinal);
}

/// <summary>One page of hits and how many there are in all.</summary>
public sealed record SearchPage(int Total, IReadOnlyList<SearchHit> Hits);
