namespace PayerAtlas.Tests.Safety.Fuzz;

public enum Nesting
{
    None,
    Json,
    Xml,
    Yaml,
}

/// <summary>How a target's text is structured, so mutations can speak its syntax (field separator, nesting).</summary>
public sealed record TargetSyntax(char Separator = ',', Nesting Nesting = Nesting.None);

/// <summary>
/// One importer under fuzz: a seed (the bytes of a real file, or of a real excerpt), the file name an input is written
/// under, and how it is imported. <see cref="Import"/> returns when the input was accepted and throws when it was
/// rejected; the runner judges the exception.
/// </summary>
public sealed record FuzzTarget(string Name, string FileName, Func<byte[]> Seed, TargetSyntax Syntax, Action<FuzzStore, string> Import)
{
    public override string ToString() => Name;
}
