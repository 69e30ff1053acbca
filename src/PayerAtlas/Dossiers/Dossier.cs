using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Policies;
using PayerAtlas.Store;

namespace PayerAtlas.Dossiers;

/// <summary>Everything one release knows about one code, each row with its provenance.</summary>
public sealed record Dossier
{
    public required string Code { get; init; }
    public required ReleaseInfo Release { get; init; }
    /// <summary>"CPT" or "HCPCS".</summary>
    public required string CodeSystem { get; init; }
    public required IReadOnlyList<Stored<RvuRecord>> FeeSchedule { get; init; }
    public Stored<HcpcsRecord>? Hcpcs { get; init; }
    public Stored<EditorialEntry>? Editorial { get; init; }
    public required IReadOnlyList<Stored<GpciRecord>> Localities { get; init; }
    public required IReadOnlyList<Stored<PlaceOfServiceRecord>> PlacesOfService { get; init; }
    public required IReadOnlyList<Stored<HcpcsRecord>> Modifiers { get; init; }
    /// <summary>Every version of each payer policy that names this code; publications show the newest of each.</summary>
    public IReadOnlyList<Stored<Policy>> Policies { get; init; } = [];
    /// <summary>Where payer documents name this code: page or line, and sentence.</summary>
    public IReadOnlyList<Stored<PolicyMention>> PolicyMentions { get; init; } = [];
    /// <summary>Updates of the policies that name this code (in any version), and any update that changes this code.</summary>
    public IReadOnlyList<Stored<PolicyUpdate>> PolicyUpdates { get; init; } = [];

    public Stored<RvuRecord>? Global => Row("");
    public Stored<RvuRecord>? Professional => Row("26");
    public Stored<RvuRecord>? Technical => Row("TC");

    /// <summary>The row that carries the code's indicators: the global row, else the first one.</summary>
    public Stored<RvuRecord>? Primary => Global ?? FeeSchedule.FirstOrDefault();

    public Stored<RvuRecord>? Row(string modifier) => FeeSchedule.FirstOrDefault(r => r.Record.Modifier == modifier);

    public EditorialEntry? Content => Editorial?.Record;
}
