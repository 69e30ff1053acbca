using System.IO.Compression;
using System.Security.Cryptography;

namespace PayerAtlas.Importing;

/// <summary>A file to import: on disk, or an entry of a ZIP as CMS ships its bundles.</summary>
/// <param name="Name">How errors name it: the path as given, or "path/bundle.zip!entry.txt".</param>
/// <param name="Explicit">Named by the user directly (an unknown layout is then an error, not a skip).</param>
/// <param name="SourceName">How provenance names it: the file as shipped ("PPRRVU2025_Oct.csv"), relative to the folder
/// that was imported ("rvu25d/GPCI2025.csv", "demo/codes/77054.md"), or inside its ZIP ("RVU25D.zip!PPRRVU25_Oct.csv").</param>
public sealed record ImportInput(string Name, Func<Stream> Open, bool Explicit, string SourceName)
{
    public ImportInput(string name, Func<Stream> open, bool @explicit)
        : this(name, open, @explicit, Path.GetFileName(name))
    {
    }

    public string Sha256()
    {
        using var stream = Open();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Expands files, folders (recursively, sorted) and ZIPs (entries, nested ZIPs too).</summary>
    public static IReadOnlyList<ImportInput> Expand(IEnumerable<string> paths)
    {
        var inputs = new List<ImportInput>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var parent = Path.GetDirectoryName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar)) ?? "";
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    AddFile(inputs, file, Path.GetRelativePath(parent, Path.GetFullPath(file)), explicitly: false);
                }
            }
            else if (File.Exists(path))
            {
                AddFile(inputs, path, Path.GetFileName(path), explicitly: true);
            }
            else
            {
                throw new ImportException(path, "no such file or folder");
            }
        }

        return inputs;
    }

    static void AddFile(List<ImportInput> inputs, string path, string sourceName, bool explicitly)
    {
        if (IsZip(path))
        {
            AddZip(inputs, path, sourceName, () => File.OpenRead(path));
            return;
        }

        inputs.Add(new ImportInput(path, () => File.OpenRead(path), explicitly, sourceName));
    }

    static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    static void AddZip(List<ImportInput> inputs, string name, string sourceName, Func<Stream> open)
    {
        using var stream = open();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new ImportException(name, $"not a readable ZIP: {e.Message}");
        }

        using (archive)
        {
            List<string> entries;
            try
            {
                // The central directory is read lazily, on first access to Entries: a damaged one throws here.
                entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
            }
            catch (InvalidDataException e)
            {
                throw new ImportException(name, $"not a readable ZIP: {e.Message}");
            }

            foreach (var entryName in entries)
            {
                var display = $"{name}!{entryName}";
                Stream OpenEntry()
                {
                    // Each open re-reads the archive: entries are streamed, never extracted to disk.
                    var outer = open();
                    try
                    {
                        var zip = new ZipArchive(outer, ZipArchiveMode.Read);
                        var e = zip.GetEntry(entryName) ?? throw new ImportException(display, "entry vanished from the ZIP");
                        return new OwningStream(e.Open(), zip, display);
                    }
                    catch (InvalidDataException e)
                    {
                        outer.Dispose();
                        throw new ImportException(display, $"not a readable ZIP entry: {e.Message}");
                    }
                }

                if (entryName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    AddZip(inputs, display, $"{sourceName}!{entryName}", OpenEntry);
                }
                else
                {
                    inputs.Add(new ImportInput(display, OpenEntry, false, $"{sourceName}!{entryName}"));
                }
            }
        }
    }

    /// <summary>A stream that disposes the archive it was opened from, and names the entry and offset of damaged data.</summary>
    sealed class OwningStream(Stream inner, IDisposable owner, string name) : Stream
    {
        long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                var n = inner.Read(buffer);
                position += n;
                return n;
            }
            catch (InvalidDataException e)
            {
                throw new ImportException(name, $"byte offset {position} of the unpacked entry: damaged ZIP data: {e.Message}");
            }
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
