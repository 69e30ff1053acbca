using PayerAtlas.Importers;

namespace PayerAtlas.Lake;

internal sealed partial class MappedFile
{
    /// <summary>
    /// <see cref="Content"/>: the mapped bytes as a seekable read-only stream that a parser can also read in place
    /// (<see cref="IInPlaceStream"/>). Disposing it does not unmap the file: the <see cref="MappedFile"/> does that.
    /// </summary>
    sealed class ContentStream(MappedFile file) : Stream, IInPlaceStream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => file.Length;

        public override long Position
        {
            get => file.Position;
            set => file.MoveTo(value);
        }

        public ReadOnlySpan<byte> Peek(int count) => file.Peek(count);

        public void Advance(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            file.MoveTo(Math.Min(file.Position + count, file.Length));
        }

        public override int Read(Span<byte> buffer)
        {
            var bytes = file.Peek(buffer.Length);
            bytes.CopyTo(buffer);
            Advance(bytes.Length);
            return bytes.Length;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override long Seek(long offset, SeekOrigin origin)
        {
            var to = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => file.Position + offset,
                _ => file.Length + offset,
            };
            file.MoveTo(to);
            return to;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
