using PayerAtlas.Sources;

namespace PayerAtlas.Publishing.Model;

/// <summary>A value a publication states, with where it came from.</summary>
/// <param name="Id">Stable within a publication, e.g. "rvu.26.work" or "editorial.title".</param>
/// <param name="Value">Canonical text: numbers as published ("0.45", "67.28"), codes as written.</param>
/// <param name="Label">What the value is, in words ("Work RVU, professional component").</param>
public sealed record Fact(string Id, string Value, string Label, SourceRef Source)
{
    /// <summary>For computed values: the formula and the facts it used.</summary>
    public Derivation? Derivation { get; init; }
}

public sealed record Derivation(string Formula, IReadOnlyList<string> Inputs);

/// <summary>A fact a section wanted and the input lacked.</summary>
/// <param name="Fact">Id of the missing fact, e.g. "payer.aetna.policy".</param>
/// <param name="Label">What is missing, in words.</param>
public sealed record Gap(string Fact, string Label)
{
    public const string NotAvailable = "Data not available in the input.";

    public string Message => NotAvailable;
}
