using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace PayerAtlas.Lake;

/// <summary>
/// Reads its inner stream on a thread of its own, a few chunks ahead of the consumer: the file read, the SHA-256 of
/// the stored bytes and the gzip decompression of an ingest run beside the parser instead of inside it (two cores:
/// the parser's thread only parses). Memory is bounded by <c>depth</c> chunks. An exception of the inner stream
/// (a corrupt gzip stream, an I/O error) is raised, with its own type and stack, on the consumer's next read.
/// </summary>
internal sealed class ReadAheadStream : ForwardReadStream
{
    readonly Stream inner;
    readonly HandOffQueue<Chunk> ready;
    readonly ConcurrentBag<byte[]> free = [];
    readonly CancellationTokenSource stop = new();
    readonly Thread producer;
    readonly int chunkSize;
    readonly int helperNiceness;
    Chunk current;
    int position;
    bool ended;
    ExceptionDispatchInfo? failure;

    /// <summary>Reads <paramref name="inner"/> ahead on a thread <paramref name="helperNiceness"/> nice levels below the caller's (<see cref="HelperThreads"/>).</summary>
    public ReadAheadStream(Stream inner, int chunkSize = 1 << 20, int depth = 4, int helperNiceness = HelperThreads.DefaultNiceness)
    {
        this.helperNiceness = helperNiceness;
        this.inner = inner;
        this.chunkSize = chunkSize;
        ready = new HandOffQueue<Chunk>(Math.Max(1, depth));
        producer = new Thread(Produce) { IsBackground = true, Name = "read-ahead" };
        producer.Start();
    }

    long bytesRead;

    /// <summary>Bytes handed to the consumer so far.</summary>
    public override long BytesRead => bytesRead;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (current.Buffer is null || position == current.Length)
        {
            if (!Next())
            {
                return 0;
            }
        }

        var n = Math.Min(buffer.Length, current.Length - position);
        current.Buffer.AsSpan(position, n).CopyTo(buffer);
        position += n;
        bytesRead += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    bool Next()
    {
        if (current.Buffer is { } used)
        {
            free.Add(used);
            current = default;
        }

        if (ended)
        {
            failure?.Throw();
            return false;
        }

        if (!ready.TryTake(out var chunk))
        {
            ended = true;
            failure?.Throw();
            return false;
        }

        current = chunk;
        position = 0;
        return true;
    }

    void Produce()
    {
        HelperThreads.Start(null, helperNiceness);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var buffer = free.TryTake(out var b) ? b : new byte[chunkSize];
                var n = inner.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                if (n == 0)
                {
                    break;
                }

                ready.Add(new Chunk(buffer, n), stop.Token);
                if (n < buffer.Length)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            ready.CompleteAdding();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !stop.IsCancellationRequested)
        {
            stop.Cancel();
            producer.Join();
            stop.Dispose();
        }

        base.Dispose(disposing);
    }

    readonly record struct Chunk(byte[] Buffer, int Length);
}
