using System.IO.Compression;
using PayerAtlas.Importers;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Tic;

static class TicFiles
{
    public static string Example(string version, string kind, string file) => SharedData.Path("tic", version, "examples", kind, file);

    public static (TicReadResult Result, List<RateObservation> Items) Read(string path, TicReaderOptions? options = null) =>
        Read(TicSource.File(path), options);

    public static (TicReadResult Result, List<RateObservation> Items) Read(TicSource source, TicReaderOptions? options = null)
    {
        var sink = new ListSink();
        var result = new TicReader(options ?? new TicReaderOptions { BufferSize = 4096 }).Read(source, sink);
        return (result, sink.Items);
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Bytes in memory that a parser may read in place, the way a mapped file offers them (<see cref="IInPlaceStream"/>):
    /// the reader's window onto them instead of its buffer.
    /// </summary>
    public sealed class InPlace(byte[] content) : MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true), IInPlaceStream
    {
        public ReadOnlySpan<byte> Peek(int count) => GetBuffer().AsSpan((int)Position, (int)Math.Min(count, Length - Position));

        public void Advance(int count) => Position += count;
    }

    /// <summary>A stream that refuses to seek, like a socket.</summary>
    public sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 700));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
