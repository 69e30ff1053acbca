using PayerAtlas.Lake.Parquet;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>Wrong use of the writer fails at once with a message saying what was expected.</summary>
public sealed class ParquetWriterMisuseTests
{
    static readonly ParquetField[] Fields = [new("code", ParquetType.Utf8), new("rate", ParquetType.Double)];

    [Fact]
    public void A_column_out_of_field_order_names_the_expected_column()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), Fields);
        var g = writer.BeginRowGroup(2);

        var e = Assert.Throws<InvalidOperationException>(() => g.WriteDoubles([1.0, 2.0]));

        Assert.Contains("'code'", e.Message);
        Assert.Contains("field order", e.Message);
    }

    [Fact]
    public void A_column_with_the_wrong_number_of_values_is_refused()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), Fields);
        var g = writer.BeginRowGroup(3);

        var e = Assert.Throws<InvalidOperationException>(() => g.WriteStrings(["a", "b"]));

        Assert.Contains("2 values for a row group of 3 rows", e.Message);
    }

    [Fact]
    public void End_before_every_column_is_written_is_refused_and_so_is_a_column_too_many()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), Fields);
        var g = writer.BeginRowGroup(1);
        g.WriteStrings(["a"]);

        Assert.Contains("1 of 2 columns", Assert.Throws<InvalidOperationException>(g.End).Message);
        g.WriteDoubles([1.0]);
        Assert.Contains("all 2 columns", Assert.Throws<InvalidOperationException>(() => g.WriteDoubles([1.0])).Message);
        g.End();
        Assert.Throws<InvalidOperationException>(() => g.WriteStrings(["a"]));
    }

    [Fact]
    public void A_second_row_group_or_Close_while_one_is_open_is_refused()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), Fields);
        writer.BeginRowGroup(1);

        Assert.Throws<InvalidOperationException>(() => writer.BeginRowGroup(1));
        Assert.Throws<InvalidOperationException>(writer.Close);
    }

    [Fact]
    public void Nothing_can_be_written_after_Close()
    {
        var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, Fields);
        writer.Close();
        var length = stream.Length;

        Assert.Throws<InvalidOperationException>(() => writer.BeginRowGroup(1));
        Assert.Throws<InvalidOperationException>(writer.Close);
        writer.Dispose();
        Assert.Equal(length, stream.Length);
    }

    [Fact]
    public void A_formatter_that_keeps_asking_for_more_room_fails_the_file()
    {
        var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, [new ParquetField("locator", ParquetType.Utf8)]);
        var g = writer.BeginRowGroup(1);

        var e = Assert.Throws<InvalidOperationException>(() => g.WriteUtf8(new Greedy()));

        Assert.Contains("'locator' row 0", e.Message);
        Assert.Contains("failed earlier", Assert.Throws<InvalidOperationException>(g.End).Message);
        var before = stream.Length;
        writer.Dispose();
        Assert.Equal(before, stream.Length); // no footer for a broken file
    }

    [Fact]
    public void A_row_group_needs_at_least_one_row()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), Fields);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.BeginRowGroup(0));
    }

    readonly struct Greedy : IUtf8Rows
    {
        public int Format(int row, Span<byte> destination) => IUtf8Rows.TooSmall(destination.Length + 1);
    }
}
