using PayerAtlas.Importers.Ncci;
using PayerAtlas.Store;

namespace PayerAtlas.Dossiers;

/// <summary>The PTP edits of one setting's table (present in the release) that name the dossier's code, in either column.</summary>
public sealed record NcciPtpEntries(NcciSetting Setting, IReadOnlyList<Stored<PtpEdit>> Edits, IReadOnlyList<string> Files);

/// <summary>The dossier code's row in one setting's MUE table (present in the release); null when the table does not list it.</summary>
public sealed record NcciMueEntry(NcciSetting Setting, Stored<MueRecord>? Mue, IReadOnlyList<string> Files);
