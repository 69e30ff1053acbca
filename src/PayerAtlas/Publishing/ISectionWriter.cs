using PayerAtlas.Dossiers;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Rates;

namespace PayerAtlas.Publishing;

/// <summary>Writes one section of a publication. A new section is one new class registered in the builder.</summary>
public interface ISectionWriter
{
    string Id { get; }
    string Title { get; }

    /// <summary>Writers that summarise others (the Summary) run after them, but keep their place in the page.</summary>
    bool RunsLast => false;

    void Write(SectionContext context, SectionBuilder section);
}

/// <summary>What a writer may read: the dossier, the shared facts, the options, and sections already written.</summary>
public sealed record SectionContext(Dossier Dossier, FactBook Facts, PublicationOptions Options, IReadOnlyList<Section> Written)
{
    public DossierFacts Known { get; } = new(Dossier, Facts);

    /// <summary>Commercial rate benchmarks (the rate lake), when the pipeline was given some; null otherwise.</summary>
    public IRateBenchmarks? Rates { get; init; }
}

/// <summary>Options of a publication pipeline; vary them in tests with <c>with</c>.</summary>
public sealed record PublicationOptions
{
    /// <summary>The payers every publication reports on, found in policies or not.</summary>
    public IReadOnlyList<string> KeyPayers { get; init; } = ["Aetna", "Blue Cross Blue Shield", "Cigna", "UnitedHealthcare", "Medicare"];

    /// <summary>Adds every locality's amounts to the Reimbursement section (off by default: state ranges and averages are shown, and the price API has each locality).</summary>
    public bool LocalityTable { get; init; }

    /// <summary>Rows per NCCI PTP table in Coding Clarity (edits in effect first); the count of all edits is always stated.</summary>
    public int MaxPtpEditsPerTable { get; init; } = 100;

    /// <summary>Rates that expired before this day are left out of the benchmarks and counted; null leaves that to the benchmark source.</summary>
    public DateOnly? RatesAsOf { get; init; }
}
