using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// Writes a realistic, deterministic TiC in-network file of a requested size for tests and benchmarks: CPT and
/// HCPCS codes (imaging 70000–79999 with 26/TC splits among them), top-level provider references with NPI arrays and
/// TINs, several rates and prices per code, service-code arrays, every negotiated type, expiration dates in the past
/// and future. Streamed through <see cref="Utf8JsonWriter"/>, flushed every 64 KB: memory does not grow with size.
/// Names and descriptions are synthetic ("Synthetic service 77067"), never CPT descriptor text.
/// </summary>
public static partial class TicSynthesizer
{
    public static TicSynthesisResult Write(string path, TicSynthesizerOptions options)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var result = Write(file, options);
        return result with { FileBytes = file.Length };
    }

    public static TicSynthesisResult Write(Stream output, TicSynthesizerOptions options)
    {
        var counting = new CountingStream(options.Gzip ? new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true) : output, ownsInner: options.Gzip);
        var state = new State(options);
        using (var writer = new Utf8JsonWriter(counting, new JsonWriterOptions { SkipValidation = true }))
        {
            state.WriteDocument(writer, counting);
        }

        counting.Dispose();
        return new TicSynthesisResult(counting.Written, 0, state.ReferenceCount, state.Items, state.Rates, state.Prices);
    }

    /// <summary>Counts bytes on their way to the (possibly gzip) output.</summary>
    sealed class CountingStream(Stream inner, bool ownsInner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsInner)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    static string Date(int year, int month, int day) => new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
