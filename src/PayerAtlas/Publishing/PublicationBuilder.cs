using PayerAtlas.Dossiers;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Publishing.Sections;
using PayerAtlas.Rates;

namespace PayerAtlas.Publishing;

/// <summary>Registers section writers, then freezes them into a <see cref="PublicationPipeline"/>.</summary>
public sealed class PublicationBuilder
{
    readonly List<ISectionWriter> writers = [];

    public PublicationOptions Options { get; set; } = new();

    /// <summary>Commercial rate benchmarks for the Reimbursement section; without them that section states the gap.</summary>
    public IRateBenchmarks? Rates { get; set; }

    public PublicationBuilder Add(ISectionWriter writer)
    {
        writers.Add(writer);
        return this;
    }

    /// <summary>The sections of the example publication, in its order.</summary>
    public static PublicationBuilder Default() => new PublicationBuilder()
        .Add(new SummaryWriter())
        .Add(new OverviewWriter())
        .Add(new ClinicalCodingWriter())
        .Add(new PayerCoverageWriter())
        .Add(new DocumentationWriter())
        .Add(new ReimbursementWriter())
        .Add(new CodingClarityWriter());

    public PublicationPipeline Build() => new([.. writers], Options, Rates);
}

/// <summary>A frozen set of writers: turns dossiers into publications. Thread-safe.</summary>
public sealed class PublicationPipeline(ISectionWriter[] writers, PublicationOptions options, IRateBenchmarks? rates = null)
{
    public PublicationOptions Options => options;

    /// <summary>The rate benchmarks the publications use (also what a site draws the rate charts from); null without rates.</summary>
    public IRateBenchmarks? Rates => rates;

    public Publication Publish(Dossier dossier)
    {
        var facts = new FactBook();
        var sections = new Section?[writers.Length];
        var written = new List<Section>();
        foreach (var pass in new[] { false, true })
        {
            for (var i = 0; i < writers.Length; i++)
            {
                if (writers[i].RunsLast != pass)
                {
                    continue;
                }

                var builder = new SectionBuilder(writers[i].Id, writers[i].Title);
                writers[i].Write(new SectionContext(dossier, facts, options, written) { Rates = rates }, builder);
                sections[i] = builder.Build();
                written.Add(sections[i]!);
            }
        }

        var known = new DossierFacts(dossier, facts);
        return new Publication
        {
            Code = dossier.Code,
            Release = dossier.Release.Label,
            Title = known.Headline(),
            Sections = [.. sections.Select(s => s!)],
            Facts = facts.All,
        };
    }
}
