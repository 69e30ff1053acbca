namespace PayerAtlas.Importing;

/// <summary>Malformed input: names the file, the 1-based line and column, and the reason.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string file, long line, int column, string reason)
        : base(Format(file, line, column, reason))
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public ImportException(string file, string reason)
        : this(file, 0, 0, reason)
    {
    }

    public string File { get; }
    public long Line { get; }
    public int Column { get; }
    public string Reason { get; }

    static string Format(string file, long line, int column, string reason) => (line, column) switch
    {
        (0, _) => $"{file}: {reason}",
        (_, 0) => $"{file}:{line}: {reason}",
        _ => $"{file}:{line}:{column}: {reason}",
    };
}
