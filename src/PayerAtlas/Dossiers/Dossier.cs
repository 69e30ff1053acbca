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
    /// <summary>OPPS-capped prices of this code by locality (imaging services only; usually empty).</summary>
    public IReadOnlyList<Stored<OppsCapRecord>> OppsCaps { get; init; } = [];

    /// <summary>The usable OPPS cap for one component row in one locality, if any.</summary>
    public Stored<OppsCapRecord>? OppsCap(string modifier, GpciRecord locality) =>
        OppsCaps.FirstOrDefault(c => c.Record.Modifier == modifier && c.Record.ProcStatus == "A" && c.Record.Matches(locality.Mac, locality.LocalityNumber));
    /// <summary>One entry per NCCI PTP table the release holds (practitioner, outpatient hospital); empty when it holds none.</summary>
    public IReadOnlyList<NcciPtpEntries> Ptp { get; init; } = [];
    /// <summary>One entry per MUE table the release holds (practitioner, outpatient hospital, DME supplier).</summary>
    public IReadOnlyList<NcciMueEntry> Mues { get; init; } = [];
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
