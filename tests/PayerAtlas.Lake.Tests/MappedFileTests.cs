using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using PayerAtlas.Importers;

namespace PayerAtlas.Lake.Tests;

/// <summary>The mapped read of a plain local file: its bytes in place and copied out, its hash, what stays resident.</summary>
public sealed class MappedFileTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    (string Path, byte[] Bytes) Write(string name, int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = (byte)'{';
        var path = folder.File(name);
        File.WriteAllBytes(path, bytes);
        return (path, bytes);
    }

    [Fact]
    public void The_bytes_read_in_place_or_copied_out_are_the_file_s_and_so_is_the_hash()
    {
        var (path, bytes) = Write("a.json", (12 << 20) + 5, seed: 3);
        using var mapped = MappedFile.TryOpen(path)!;
        var content = mapped.Content;
        var inPlace = (IInPlaceStream)content;
        var copy = new MemoryStream();
        var random = new Random(9);
        var buffer = new byte[300_000];
        while (true)
        {
            // In place and copied out in turn, in pieces of every size up to a few hundred KB.
            var n = random.Next(1, buffer.Length);
            if (random.Next(2) == 0)
            {
                var span = inPlace.Peek(n);
                if (span.IsEmpty)
                {
                    break;
                }

                copy.Write(span);
                inPlace.Advance(span.Length);
            }
            else
            {
                var got = content.Read(buffer, 0, n);
                if (got == 0)
                {
                    break;
                }

                copy.Write(buffer, 0, got);
            }
        }

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(bytes.Length, content.Position);
        Assert.Equal(0, content.Read(buffer, 0, buffer.Length));

        // The pages dropped behind the position read again from the page cache: nothing is lost by seeking back.
        content.Position = 0;
        var again = new MemoryStream();
        content.CopyTo(again);
        Assert.Equal(bytes, again.ToArray());

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), mapped.FinishHash(path));
        Assert.Equal(bytes.Length, mapped.Hashed);
    }

    [Fact]
    public void Empty_one_byte_and_gzip_files_are_left_to_the_stream_path()
    {
        File.WriteAllBytes(folder.File("empty.json"), []);
        File.WriteAllBytes(folder.File("one.json"), "{"u8.ToArray());
        using (var gz = new GZipStream(File.Create(folder.File("a.json.gz")), CompressionLevel.Fastest))
        {
            gz.Write("{}"u8);
        }

        Assert.Null(MappedFile.TryOpen(folder.File("empty.json")));
        Assert.Null(MappedFile.TryOpen(folder.File("one.json")));
        Assert.Null(MappedFile.TryOpen(folder.File("a.json.gz")));
        using var two = MappedFile.TryOpen(Write("two.json", 2, seed: 1).Path);
        Assert.NotNull(two);
    }

    [Fact]
    public void A_file_that_changed_while_it_was_read_is_refused_by_name()
    {
        var (path, bytes) = Write("b.json", 3 << 20, seed: 4);
        using var mapped = MappedFile.TryOpen(path)!;
        mapped.Content.CopyTo(Stream.Null);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(5));

        var e = Assert.Throws<RateIngestException>(() => mapped.FinishHash("b.json"));

        Assert.StartsWith("b.json: the file changed while it was read", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{bytes.Length:N0} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pages_behind_the_parser_leave_the_resident_set()
    {
        // Without the release a whole read keeps every page of the file mapped in (48 MB here); with it the mapping
        // holds what the hashing thread is ahead by and a release step behind the position.
        var (path, _) = Write("c.json", 48 << 20, seed: 5);
        using var mapped = MappedFile.TryOpen(path)!;
        var inPlace = (IInPlaceStream)mapped.Content;
        long largest = 0, samples = 0;
        while (inPlace.Peek(1 << 16) is { IsEmpty: false } span)
        {
            var sum = 0;
            foreach (var b in span)
            {
                sum += b;
            }

            Assert.True(sum >= 0);
            inPlace.Advance(span.Length);
            if (mapped.Position % (1 << 20) == 0)
            {
                largest = Math.Max(largest, ResidentKb(path));
                samples++;
            }
        }

        Assert.True(samples >= 40, $"{samples} samples");
        Assert.InRange(largest, 1, 16 << 10);
    }

    [Fact]
    public void A_hash_that_lags_behind_the_parser_leaves_no_pages_resident_either()
    {
        // The hashing thread slowed to a crawl: the parser runs far ahead of it. Its pages may neither pile up while
        // the parser waits for nothing, nor stay mapped once the hash has read them again behind the parser.
        var (path, bytes) = Write("d.json", 40 << 20, seed: 6);
        using var mapped = MappedFile.TryOpen(path, null, () => Thread.Sleep(25))!;
        var inPlace = (IInPlaceStream)mapped.Content;
        long largest = 0;
        while (inPlace.Peek(1 << 16) is { IsEmpty: false } span)
        {
            inPlace.Advance(span.Length);
            if (mapped.Position % (8 << 20) == 0)
            {
                largest = Math.Max(largest, ResidentKb(path));
            }
        }

        Assert.True(mapped.Hashed < bytes.Length / 2, $"the hash was not behind: {mapped.Hashed:N0} of {bytes.Length:N0}");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), mapped.FinishHash(path));
        Assert.InRange(largest, 0, 16 << 10);
        Assert.InRange(ResidentKb(path), 0, 8 << 10);
    }

    /// <summary>The resident kB of this process's mapping of <paramref name="path"/> (from /proc/self/smaps).</summary>
    static long ResidentKb(string path)
    {
        var lines = File.ReadAllLines("/proc/self/smaps");
        long total = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].EndsWith(" " + path, StringComparison.Ordinal))
            {
                continue;
            }

            for (var j = i + 1; j < lines.Length && !lines[j].Contains(" /", StringComparison.Ordinal) && j < i + 30; j++)
            {
                if (lines[j].StartsWith("Rss:", StringComparison.Ordinal))
                {
                    total += long.Parse(lines[j].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                    break;
                }
            }
        }

        return total;
    }
}
