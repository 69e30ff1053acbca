using System.IO.Compression;

namespace PayerAtlas.Lake.Tests;

public sealed class ReadAheadStreamTests
{
    [Theory]
    [InlineData(0, 1 << 10)]
    [InlineData(1, 1 << 10)]
    [InlineData(1 << 10, 1 << 10)]
    [InlineData((5 << 20) + 17, 1 << 16)]
    public void The_bytes_come_out_as_they_went_in(int length, int chunk)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        using var ahead = new ReadAheadStream(new MemoryStream(data), chunk, depth: 3);
        var copy = new MemoryStream();
        var buffer = new byte[7_001];
        int n;
        while ((n = ahead.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, n);
        }

        Assert.Equal(data, copy.ToArray());
        Assert.Equal(length, ahead.BytesRead);
        Assert.Equal(0, ahead.Read(buffer, 0, buffer.Length));
    }

    [Fact]
    public void A_corrupt_gzip_stream_raises_its_own_exception_on_the_readers_thread()
    {
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(new byte[1 << 20]);
        }

        var bytes = packed.ToArray();
        bytes[bytes.Length / 2] ^= 0xFF;
        using var ahead = new ReadAheadStream(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress), 1 << 12);

        Assert.Throws<InvalidDataException>(() => ahead.CopyTo(Stream.Null));
    }

    [Fact]
    public void Disposing_before_the_end_stops_the_reading_thread()
    {
        var endless = new EndlessStream();
        var ahead = new ReadAheadStream(endless, 1 << 10, depth: 2);
        Assert.Equal(100, ahead.ReadAtLeast(new byte[100], 100));

        ahead.Dispose();

        var reads = endless.Reads;
        Thread.Sleep(50);
        Assert.Equal(reads, endless.Reads);
    }

    sealed class EndlessStream : Stream
    {
        public int Reads;

        public override int Read(byte[] buffer, int offset, int count)
        {
            Interlocked.Increment(ref Reads);
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
