using System.Text;
using PayerAtlas.Importers.Policies;
using PayerAtlas.Policies;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Importing;

public sealed partial class ReleaseImporter
{
    /// <summary>
    /// Policy versions accumulate: a release keeps every version imported so far (the previous release's are carried
    /// forward) and adds this import's. Re-importing an identical version is skipped; a stored version with different
    /// content is an error, because the same version label must mean the same text. After all files, the release's
    /// policy updates are recomputed over every version it holds.
    /// </summary>
    sealed class PolicyImport(IPayerAtlasStore store, ReleaseInfo? previous, PolicyDocumentOptions? documents, IPdfTextReader? pdf)
    {
        readonly Dictionary<string, Policy> parsed = new(StringComparer.Ordinal);
        readonly Dictionary<(PolicyKey, string), Policy> added = [];
        List<Policy>? stored;

        List<Policy> Stored
        {
            get
            {
                if (stored is null)
                {
                    using var reader = previous is null ? null : store.OpenReader(previous);
                    stored = reader?.ListPolicies().Select(p => p.Record).ToList() ?? [];
                }

                return stored;
            }
        }

        /// <summary>Parses the file; a note when the same version is already stored unchanged, else null.</summary>
        public string? AlreadyStored(ImportInput input, SourceKind kind)
        {
            var policy = Parse(input, kind);
            parsed[input.Name] = policy;
            var version = policy.Version.Value;
            if (added.TryGetValue((policy.Key, version), out var twin))
            {
                throw new ImportException(input.Name, $"{policy.Key} version {version} is also in {twin.File}: give each version its own 'version'");
            }

            var earlier = Stored.FirstOrDefault(p => p.Key == policy.Key && p.Version.Value == version);
            if (earlier is null)
            {
                return null;
            }

            if (PolicyDiff.Compare(earlier, policy).Count == 0 && earlier.Summary?.Value == policy.Summary?.Value)
            {
                return $"{policy.Key} version {version} is already stored, unchanged";
            }

            throw new ImportException(input.Name, $"{policy.Key} version {version} is already stored (from {earlier.File}) with different content: "
                + "a version label must always mean the same text, so give the changed policy a new 'version'");
        }

        public long Write(IReleaseImport import, long sourceId, ImportInput input)
        {
            var policy = parsed[input.Name];
            added[(policy.Key, policy.Version.Value)] = policy;
            return import.WritePolicies(sourceId, [policy]);
        }

        public void Finish(IReleaseImport import)
        {
            if (added.Count > 0 || Stored.Count > 0)
            {
                import.WritePolicyUpdates(PolicyHistory.Updates(Stored.Concat(added.Values)));
            }
        }

        Policy Parse(ImportInput input, SourceKind kind)
        {
            var policy = kind switch
            {
                SourceKind.PolicyYaml => PolicyYamlReader.Read(Lines(input, TextLines.StrictUtf8), input.Name),
                SourceKind.PolicyPdf => Document(input, stream => (pdf ?? throw new ImportException(input.Name, "PDF reading is not available in this build")).Read(stream, input.Name)),
                SourceKind.PolicyHtml => Document(input, stream => HtmlText.Read(Html(stream, input.Name))),
                _ => throw new ImportException(input.Name, $"{kind} is not a policy layout"),
            };
            return policy with { File = input.SourceName };
        }

        Policy Document(ImportInput input, Func<Stream, DocumentText> read)
        {
            var options = documents ?? throw new ImportException(input.Name, "a payer document needs its payer: import it with 'payeratlas policies import --payer …'");
            DocumentText text;
            using (var stream = input.Open())
            {
                text = read(stream);
            }

            return PolicyDocumentReader.Read(text, options, input.Name, input.Sha256());
        }

        /// <summary>HTML as published: UTF-8 unless the page declares a Latin-1/Windows-1252 charset; bad bytes are an error.</summary>
        static string Html(Stream stream, string file)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
            var legacy = head.Contains("charset=windows-1252", StringComparison.OrdinalIgnoreCase)
                || head.Contains("charset=iso-8859-1", StringComparison.OrdinalIgnoreCase)
                || head.Contains("charset=\"windows-1252\"", StringComparison.OrdinalIgnoreCase)
                || head.Contains("charset=\"iso-8859-1\"", StringComparison.OrdinalIgnoreCase);
            var encoding = legacy ? TextLines.Windows1252 : TextLines.StrictUtf8;
            var offset = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            try
            {
                return encoding.GetString(bytes, offset, bytes.Length - offset);
            }
            catch (DecoderFallbackException e)
            {
                throw new ImportException(file, $"byte offset {e.Index + offset}: not valid {encoding.WebName}; the page declares no other charset");
            }
        }
    }
}
