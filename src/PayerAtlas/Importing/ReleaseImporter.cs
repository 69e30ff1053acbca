using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Hcpcs;
using PayerAtlas.Importers.Ncci;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.PlaceOfService;
using PayerAtlas.Importers.Policies;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Importing;

/// <summary>
/// Imports files, folders and ZIPs as one new release: detect each layout, parse strictly, write everything in
/// one store transaction, carry over the datasets this import does not supply, then commit. Any error leaves
/// the store exactly as it was.
/// </summary>
public sealed partial class ReleaseImporter(
    IPayerAtlasStore store, IProgress<ImportProgress>? progress = null, TimeProvider? clock = null, IPdfTextReader? pdf = null)
{
    const int ProgressEvery = 2_000;
    readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <param name="documents">When given, PDF and HTML files are imported as this payer's policy documents.</param>
    public ImportReport Import(IReadOnlyList<string> paths, string? label = null, PolicyDocumentOptions? documents = null)
    {
        var started = Stopwatch.StartNew();
        var inputs = ImportInput.Expand(paths);
        var report = new List<ImportedFile>();
        var chosen = Choose(inputs, report, documents);
        if (chosen.Count == 0)
        {
            throw new ImportException(string.Join(", ", paths), "nothing to import: no file with a recognised layout");
        }

        label ??= DeriveLabel(chosen) ?? clock.GetUtcNow().ToString("yyyy-MM-dd'T'HHmmss", CultureInfo.InvariantCulture);
        if (store.FindRelease(label) is not null)
        {
            throw new ImportException($"release {label}", "already exists; releases are immutable, so import under a new --release label");
        }

        var previous = store.FindRelease();
        var policies = new PolicyImport(store, previous, documents, pdf);
        using var import = store.BeginImport(label);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < chosen.Count; i++)
        {
            var (input, kind) = chosen[i];
            if (kind.Dataset() == Dataset.Policies && policies.AlreadyStored(input, kind) is { } same)
            {
                report.Add(new ImportedFile(input.Name, kind, ImportOutcome.Skipped, 0, same));
                continue;
            }

            var sha256 = input.Sha256();
            if (!hashes.TryAdd(sha256, input.Name))
            {
                // The same file twice (a CMS ZIP and its extracted copy side by side) would double every row.
                report.Add(new ImportedFile(input.Name, kind, ImportOutcome.Skipped, 0, $"same content as {hashes[sha256]}, which was imported"));
                continue;
            }

            var sourceId = import.AddSource(input.SourceName, kind, sha256);
            var rows = Write(import, sourceId, input, kind, i, chosen.Count, policies);
            import.SetSourceRows(sourceId, rows);
            report.Add(new ImportedFile(input.Name, kind, ImportOutcome.Imported, rows, kind.Dataset().ToString()));
        }

        if (previous is not null)
        {
            var supplied = chosen.Select(c => c.Kind.Dataset()).ToHashSet();
            foreach (var dataset in Enum.GetValues<Dataset>().Where(d => !supplied.Contains(d) || d.Accumulates()))
            {
                var rows = import.CarryForward(dataset, previous);
                if (rows > 0)
                {
                    report.Add(new ImportedFile($"{dataset} from {previous.Label}", null, ImportOutcome.CarriedForward, rows,
                        dataset.Accumulates() ? $"kept from release {previous.Label}; this import adds to them" : $"not in this import; carried over from release {previous.Label}"));
                }
            }
        }

        policies.Finish(import);
        var release = import.Commit();
        return new ImportReport(release, report, started.Elapsed);
    }

    static List<(ImportInput Input, SourceKind Kind)> Choose(IReadOnlyList<ImportInput> inputs, List<ImportedFile> report, PolicyDocumentOptions? documents)
    {
        var detected = new List<(ImportInput Input, SourceKind Kind)>();
        foreach (var input in inputs)
        {
            var detection = FormatDetector.Detect(input);
            if (detection.Kind is null && documents is not null && FormatDetector.DocumentKind(input) is { } document)
            {
                detection = new Detection(document, "payer policy document");
            }

            if (detection.Kind is { } kind)
            {
                detected.Add((input, kind));
            }
            else if (input.Explicit)
            {
                throw new ImportException(input.Name, detection.Reason);
            }
            else
            {
                report.Add(new ImportedFile(input.Name, null, ImportOutcome.Skipped, 0, detection.Reason));
            }
        }

        var chosen = new List<(ImportInput, SourceKind)>();
        foreach (var group in detected.GroupBy(d => d.Kind.Dataset()))
        {
            if (group.Key is Dataset.Editorial or Dataset.Policies || NcciSettings.SplitAcrossFiles(group.Key))
            {
                chosen.AddRange(group);
                continue;
            }

            // CMS ships each table twice (CSV and fixed-width TXT). Take one, preferring the CSV; two files of the
            // same layout are two different tables, which one release cannot hold.
            var ordered = group.OrderBy(d => d.Kind).ToList();
            var sameKind = ordered.Where(d => d.Kind == ordered[0].Kind).ToList();
            if (sameKind.Count > 1)
            {
                throw new ImportException(sameKind[1].Input.Name,
                    $"a second {group.Key} table in one import (first: {sameKind[0].Input.Name}); import one release at a time");
            }

            chosen.Add(ordered[0]);
            foreach (var other in ordered.Skip(1))
            {
                report.Add(new ImportedFile(other.Input.Name, other.Kind, ImportOutcome.Skipped, 0,
                    $"same {group.Key} table as {ordered[0].Input.Name}, which was imported"));
            }
        }

        return chosen;
    }

    long Write(IReleaseImport import, long sourceId, ImportInput input, SourceKind kind, int index, int count, PolicyImport policies)
    {
        var name = input.Name;
        return kind switch
        {
            SourceKind.PfsRvuCsv => import.WriteFeeSchedule(sourceId, Track(PprrvuCsvReader.Read(Lines(input, TextLines.StrictUtf8), name), name, index, count)),
            SourceKind.PfsRvuFixedWidth => import.WriteFeeSchedule(sourceId, Track(PprrvuFixedWidthReader.Read(Lines(input, TextLines.StrictUtf8), name), name, index, count)),
            SourceKind.GpciCsv => import.WriteGpci(sourceId, GpciReader.ReadCsv(Lines(input, TextLines.StrictUtf8), name)),
            SourceKind.GpciFixedWidth => import.WriteGpci(sourceId, GpciReader.ReadFixedWidth(Lines(input, TextLines.StrictUtf8), name)),
            SourceKind.OppsCapCsv => import.WriteOppsCaps(sourceId, OppsCapReader.Read(Lines(input, TextLines.StrictUtf8), name)),
            SourceKind.LocalityCountyCsv => import.WriteLocalityCounties(sourceId, LocalityCountyReader.ReadCsv(Lines(input, TextLines.StrictUtf8), name)),
            SourceKind.LocalityCountyFixedWidth => import.WriteLocalityCounties(sourceId, LocalityCountyReader.ReadFixedWidth(Lines(input, TextLines.StrictUtf8), name)),
            SourceKind.HcpcsLevel2 => import.WriteHcpcs(sourceId, Track(HcpcsReader.Read(Lines(input, TextLines.Windows1252), name), name, index, count)),
            SourceKind.PlaceOfServiceCsv => import.WritePlacesOfService(sourceId, PlaceOfServiceReader.ReadCsv(Lines(input, TextLines.StrictUtf8), name)),
            SourceKind.PlaceOfServiceFhirXml => import.WritePlacesOfService(sourceId, ReadXml(input)),
            SourceKind.EditorialContent => import.WriteEditorial(sourceId, [ContentPackReader.Read(Lines(input, TextLines.StrictUtf8), name)]),
            SourceKind.ContentPackManifest => 0,
            SourceKind.NcciPtpPractitioner or SourceKind.NcciPtpHospital => import.WritePtpEdits(sourceId, NcciSettings.Of(kind)!.Value,
                Track(PtpReader.Read(Lines(input, TextLines.Windows1252), name), name, index, count)),
            SourceKind.NcciMuePractitioner or SourceKind.NcciMueOutpatientHospital or SourceKind.NcciMueDme => import.WriteMues(sourceId,
                NcciSettings.Of(kind)!.Value, MueReader.Read(Lines(input, TextLines.Windows1252), name, NcciSettings.Of(kind)!.Value)),
            SourceKind.PolicyYaml or SourceKind.PolicyPdf or SourceKind.PolicyHtml => policies.Write(import, sourceId, input),
            _ => throw new ImportException(name, $"no importer for {kind}"),
        };
    }

    static IEnumerable<PlaceOfServiceRecord> ReadXml(ImportInput input)
    {
        using var stream = input.Open();
        foreach (var record in PlaceOfServiceReader.ReadFhirXml(stream, input.Name))
        {
            yield return record;
        }
    }

    static IEnumerable<TextLine> Lines(ImportInput input, Encoding encoding)
    {
        using var stream = input.Open();
        foreach (var line in TextLines.Read(stream, encoding, input.Name))
        {
            yield return line;
        }
    }

    IEnumerable<T> Track<T>(IEnumerable<T> rows, string file, int index, int count)
    {
        long n = 0;
        foreach (var row in rows)
        {
            if (++n % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(file, n, index, count));
            }

            yield return row;
        }

        progress?.Report(new ImportProgress(file, n, index, count));
    }

    /// <summary>"2025 … Relative Value File October Release" or PPRRVU2025_Oct → 2025Q4 (CMS's A/B/C/D releases).</summary>
    static string? DeriveLabel(List<(ImportInput Input, SourceKind Kind)> chosen)
    {
        var rvu = chosen.FirstOrDefault(c => c.Kind.Dataset() == Dataset.FeeSchedule);
        if (rvu.Input is null)
        {
            return null;
        }

        using (var stream = rvu.Input.Open())
        {
            var title = TextLines.Read(stream, Encoding.Latin1, rvu.Input.Name).Take(3)
                .Select(l => TitlePattern().Match(l.Text)).FirstOrDefault(m => m.Success);
            if (title is not null)
            {
                return Quarter(title.Groups["year"].Value, title.Groups["month"].Value);
            }
        }

        var file = FilePattern().Match(Path.GetFileName(rvu.Input.Name));
        return file.Success ? Quarter(file.Groups["year"].Value, file.Groups["month"].Value) : null;
    }

    static string? Quarter(string year, string month)
    {
        var quarter = month[..3].ToUpperInvariant() switch
        {
            "JAN" => 1,
            "APR" => 2,
            "JUL" => 3,
            "OCT" => 4,
            _ => 0,
        };
        var fullYear = year.Length == 2 ? "20" + year : year;
        return quarter == 0 ? null : $"{fullYear}Q{quarter}";
    }

    [GeneratedRegex(@"(?<year>20\d\d) National Physician Fee Schedule Relative Value File (?<month>January|April|July|October)", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"PPRRVU(?<year>(20)?\d\d)_?(?<month>Jan|Apr|Jul|Oct)", RegexOptions.IgnoreCase)]
    private static partial Regex FilePattern();
}
