using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>
/// How the writer's bytes reach the stream: a row group's pages in one write when it ends (not a write per page), the
/// file still what DuckDB reads, and a write that fails at the end of a row group leaving no footer behind.
/// </summary>
public sealed class ParquetWriterOutputTests : IDisposable
{
    static readonly ParquetField[] Fields =
    [
        new("code", ParquetType.Utf8), new("rate", ParquetType.Double), new("count", ParquetType.Int32), new("note", ParquetType.Utf8),
    ];

    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Each_row_group_reaches_the_stream_in_one_write()
    {
        var path = folder.File("groups.parquet");
        using (var stream = new CountingWrites(File.Create(path)))
        {
            using (var writer = new ParquetFileWriter(stream, Fields))
            {
                for (var group = 0; group < 3; group++)
                {
                    var before = stream.Writes;
                    WriteGroup(writer, 500, group);
                    Assert.Equal(before + 1, stream.Writes);
                }

                writer.Close();
            }

            // Magic with the first row group, one write for each of the others, and the footer with its tail.
            Assert.Equal(4, stream.Writes);
        }

        var rows = DuckDb.Query("SELECT count(*), count(DISTINCT code), CAST(sum(count) AS BIGINT) FROM read_parquet($p)", ("p", path)).Single();
        Assert.Equal(1_500L, Convert.ToInt64(rows[0]));
        Assert.Equal(3L * 7, Convert.ToInt64(rows[1]));
        Assert.Equal(3L * Enumerable.Range(0, 500).Sum(), Convert.ToInt64(rows[2]));
    }

    [Fact]
    public void A_failed_write_at_the_end_of_a_row_group_leaves_the_file_without_a_footer()
    {
        using var stream = new CountingWrites(new MemoryStream()) { FailAfter = 1 };
        var writer = new ParquetFileWriter(stream, Fields);
        WriteGroup(writer, 100, 0);
        var g = writer.BeginRowGroup(100);
        WriteColumns(g, 100, 1);
        Assert.Throws<IOException>(g.End);

        // The row group that could not be written is still open: disposing writes nothing more (no footer naming it).
        var written = stream.Inner.Length;
        writer.Dispose();
        Assert.Equal(written, stream.Inner.Length);
        Assert.Equal(1, writer.RowGroupCount);
    }

    static void WriteGroup(ParquetFileWriter writer, int rows, int group)
    {
        var g = writer.BeginRowGroup(rows);
        WriteColumns(g, rows, group);
        g.End();
    }

    static void WriteColumns(ParquetRowGroup g, int rows, int group)
    {
        g.WriteStrings([.. Enumerable.Range(0, rows).Select(i => $"G{group}-{i % 7}")]);
        g.WriteDoubles([.. Enumerable.Range(0, rows).Select(i => (double?)(i * 1.25))]);
        g.WriteInt32s([.. Enumerable.Range(0, rows).Select(i => (int?)i)]);
        g.WriteStrings([.. Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? null : "same")]);
    }

    /// <summary>Counts the writes that reach it; with <see cref="FailAfter"/>, every write after that many fails.</summary>
    sealed class CountingWrites(Stream inner) : Stream
    {
        public Stream Inner { get; } = inner;

        public int Writes { get; private set; }

        public int FailAfter { get; init; } = int.MaxValue;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Inner.Length;
        public override long Position { get => Inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => Inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Writes >= FailAfter)
            {
                throw new IOException("No space left on device (test)");
            }

            Writes++;
            Inner.Write(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
