namespace PayerAtlas.Rates;

/// <summary>
/// How a publication names a rate file: an http(s) URL as it is, a local path by its file name (the publisher's name
/// for the file; the folder it was downloaded to is the user's business and would leak into a public page).
/// </summary>
public static class RateSourceName
{
    public static string Display(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? source
            : Path.GetFileName(source.TrimEnd('/', '\\')) is { Length: > 0 } name ? name : source;
}
