using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PayerAtlas.Importers;

namespace PayerAtlas.Lake;

/// <summary>
/// A local plain (not gzip) file read through a memory mapping, on Linux: the parser reads the mapped bytes where they
/// are (<see cref="IInPlaceStream"/>: no <c>read()</c> copy into a chunk, no second copy into the parser's buffer),
/// while a thread of its own hashes them (SHA-256) at most <see cref="Lead"/> bytes ahead of the parser, which maps
/// the pages in before the parser gets there. The pages both have passed are dropped from the mapping (they stay in
/// the page cache; a hash that lags far is not waited for: the parser drops its pages, the hash drops them again after
/// reading them), so the process holds a few MB of the file whatever its size. A file another program truncates
/// while it is mapped stops the process (SIGBUS): the ingest checks size and modification time at the end and refuses
/// a file that changed, but cannot survive one that shrank under it. The reader gets <see cref="Content"/>, a stream
/// whose disposal leaves the mapping to its owner (the ingest, which still needs the hash).
/// </summary>
internal sealed unsafe partial class MappedFile : IDisposable
{
    /// <summary>Bytes the hashing thread may run ahead of the parser's position.</summary>
    public const long Lead = 4 << 20;

    const int HashChunk = 1 << 20;
    const long ReleaseStep = 2 << 20;

    /// <summary>How far the parser may get ahead of a lagging hash before it drops the pages behind itself anyway.</summary>
    const long LagResident = 8 << 20;
    const int MadviseSequential = 2, MadviseDontNeed = 4;

    readonly FileStream file;
    readonly MemoryMappedFile map;
    readonly MemoryMappedViewAccessor view;
    readonly byte* start;
    readonly long length;
    readonly DateTime lastWriteUtc;
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly object gate = new();
    readonly Thread hasher;
    readonly Action<long, long>? progress;
    readonly long reportEveryTicks = Stopwatch.Frequency / 4;
    long nextReport;
    long position;
    long parserReleased;
    long hashReleased;
    readonly Action? beforeHashChunk;
    readonly int helperNiceness;
    long hashed;
    bool hasherWaiting;
    bool finishing;
    bool stopping;
    ExceptionDispatchInfo? failure;

    MappedFile(FileStream file, Action<long, long>? progress, Action? beforeHashChunk, int helperNiceness)
    {
        this.beforeHashChunk = beforeHashChunk;
        this.helperNiceness = helperNiceness;
        Content = new ContentStream(this);
        this.file = file;
        this.progress = progress;
        length = file.Length;
        lastWriteUtc = File.GetLastWriteTimeUtc(file.Name);
        map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        start = p + view.PointerOffset;
        _ = Madvise((nint)start, (nuint)length, MadviseSequential);
        nextReport = Stopwatch.GetTimestamp() + reportEveryTicks;
        hasher = new Thread(Hash) { IsBackground = true, Name = "hash" };
        hasher.Start();
    }

    /// <summary>
    /// The file mapped, when it can be read that way: Linux, not empty, not gzip (a .gz is read as a stream: its
    /// decompressor copies anyway). <paramref name="progress"/> gets (bytes hashed, parser position) from the hashing
    /// thread about every 250 ms. The hashing thread runs <paramref name="helperNiceness"/> nice levels below the caller's
    /// (<see cref="HelperThreads"/>).
    /// </summary>
    public static MappedFile? TryOpen(string path, Action<long, long>? progress = null, int helperNiceness = HelperThreads.DefaultNiceness) =>
        TryOpen(path, progress, null, helperNiceness);

    /// <summary>As <see cref="TryOpen(string, Action{long, long}?, int)"/>; <paramref name="beforeHashChunk"/> runs on the hashing thread before each chunk (tests: a hash that lags).</summary>
    internal static MappedFile? TryOpen(string path, Action<long, long>? progress, Action? beforeHashChunk, int helperNiceness = HelperThreads.DefaultNiceness)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            if (file.Length < 2 || (file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b))
            {
                file.Dispose();
                return null;
            }

            return new MappedFile(file, progress, beforeHashChunk, helperNiceness);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The file's bytes from the start, read in place or copied out (a reader's disposal of it leaves the mapping open).</summary>
    public Stream Content { get; }

    /// <summary>Bytes hashed so far.</summary>
    public long Hashed => Volatile.Read(ref hashed);

    public long Length => length;

    /// <summary>The parser's position: the bytes before it are read.</summary>
    public long Position => position;

    /// <summary>Up to <paramref name="count"/> bytes from the position on.</summary>
    public ReadOnlySpan<byte> Peek(int count) => new(start + position, (int)Math.Min(count, length - position));

    /// <summary>Moves the position to <paramref name="to"/>, dropping the pages behind it from the mapping now and then.</summary>
    public void MoveTo(long to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, length);
        Volatile.Write(ref position, to);
        var page = Environment.SystemPageSize;
        if (to < parserReleased)
        {
            parserReleased = to / page * page; // moved back: those pages are read again
        }

        // Behind the parser and the hash both (the hash is ahead but for a moment); behind the parser alone when the
        // hash lags far (it then reads those pages again from the page cache, and drops them itself).
        var hashedNow = Hashed;
        var passed = hashedNow >= to || to - hashedNow > LagResident ? to : hashedNow;
        if (passed - parserReleased >= ReleaseStep)
        {
            parserReleased = Release(parserReleased, passed);
        }

        // Woken when it is a quarter of its lead ahead: it hashes 3 MB a wake-up (each costs this thread ~15 µs).
        if (Volatile.Read(ref hasherWaiting) && hashedNow - to <= Lead / 4)
        {
            lock (gate)
            {
                Monitor.PulseAll(gate);
            }
        }
    }

    /// <summary>
    /// Waits for the hashing thread to reach the end of the file and returns the lower-case hex SHA-256 of its bytes;
    /// refuses a file whose size or modification time changed since it was opened (the hash and the parse could
    /// then be of different bytes).
    /// </summary>
    public string FinishHash(string source)
    {
        lock (gate)
        {
            finishing = true;
            Monitor.PulseAll(gate);
        }

        hasher.Join();
        failure?.Throw();
        var now = new FileInfo(file.Name);
        if (now.Length != length || now.LastWriteTimeUtc != lastWriteUtc)
        {
            throw new RateIngestException(source, $"the file changed while it was read ({length:N0} bytes, modified {lastWriteUtc:O} when opened; {now.Length:N0} bytes, modified {now.LastWriteTimeUtc:O} now): ingest it again once it is complete");
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    void Hash()
    {
        HelperThreads.Start(null, helperNiceness);
        try
        {
            while (true)
            {
                lock (gate)
                {
                    while (!stopping && !finishing && hashed - Volatile.Read(ref position) >= Lead)
                    {
                        Volatile.Write(ref hasherWaiting, true);
                        Monitor.Wait(gate, 100);
                        Volatile.Write(ref hasherWaiting, false);
                        Report();
                    }

                    if (stopping)
                    {
                        return;
                    }
                }

                var n = (int)Math.Min(HashChunk, length - hashed);
                if (n == 0)
                {
                    return;
                }

                beforeHashChunk?.Invoke();
                hash.AppendData(new ReadOnlySpan<byte>(start + hashed, n));
                Volatile.Write(ref hashed, hashed + n);

                // Lagging behind the parser: the pages it hashed are read, so they go (ahead, the parser drops them).
                if (hashed < Volatile.Read(ref position) && hashed - hashReleased >= ReleaseStep)
                {
                    hashReleased = Release(hashReleased, hashed);
                }

                Report();
            }
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    void Report()
    {
        if (progress is not null && Stopwatch.GetTimestamp() >= nextReport)
        {
            nextReport = Stopwatch.GetTimestamp() + reportEveryTicks;
            progress(hashed, Volatile.Read(ref position));
        }
    }

    /// <summary>
    /// Drops the whole pages from <paramref name="from"/> to before <paramref name="to"/> from the mapping (they stay in
    /// the page cache, and are read again from there if touched); returns where the next release starts.
    /// </summary>
    long Release(long from, long to)
    {
        var page = Environment.SystemPageSize;
        var end = to / page * page;
        return end > from && Madvise((nint)(start + from), (nuint)(end - from), MadviseDontNeed) == 0 ? end : from;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);

    public void Dispose()
    {
        if (!stopping)
        {
            lock (gate)
            {
                stopping = true;
                Monitor.PulseAll(gate);
            }

            hasher.Join();
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            map.Dispose();
            file.Dispose();
            hash.Dispose();
        }
    }
}
