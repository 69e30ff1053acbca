using Parquet;
using Parquet.Schema;

namespace PayerAtlas.Lake.Tests.Parquet;

/// <summary>The same files read by Parquet.Net 6.1, a second independent implementation.</summary>
public sealed class ParquetWriterParquetNetTests : IDisposable
{
    readonly LakeFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Parquet_Net_reads_every_value_of_every_row_group()
    {
        var table = new SampleTable(30_000, seed: 11);
        var path = folder.File("groups.parquet");
        int[] groups = [16_384, 3, 13_613];
        table.Write(path, groups);

        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(SampleTable.Fields.Select(f => f.Name), fields.Select(f => f.Name));
        Assert.Equal(groups.Length, reader.RowGroupCount);
        var start = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            Assert.Equal(groups[g], rows);
            Same(table.Code[start..(start + rows)], await Strings(group, fields[0], rows));
            Same(table.Constant[start..(start + rows)], await Strings(group, fields[1], rows));
            Same(table.Nothing[start..(start + rows)], await Strings(group, fields[2], rows));
            Same(table.Unique[start..(start + rows)], await Strings(group, fields[3], rows));
            Same(table.Locator[start..(start + rows)], await Strings(group, fields[4], rows));
            Same(table.Rate[start..(start + rows)], await Values<double>(group, fields[5], rows));
            Same(table.Flag[start..(start + rows)], await Values<bool>(group, fields[6], rows));
            Same(table.Count[start..(start + rows)], await Values<int>(group, fields[7], rows));
            Same(table.Big[start..(start + rows)], await Values<long>(group, fields[8], rows));
            Same(table.Expires[start..(start + rows)], await Values<DateOnly>(group, fields[9], rows));
            start += rows;
        }
    }

    [Fact]
    public async Task Parquet_Net_reads_a_file_with_no_row_groups()
    {
        var path = folder.File("empty.parquet");
        await using (var output = File.Create(path))
        {
            using var writer = new Lake.Parquet.ParquetFileWriter(output, SampleTable.Fields);
        }

        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });

        Assert.Equal(0, reader.RowGroupCount);
        Assert.Equal(SampleTable.Fields.Length, reader.Schema.GetDataFields().Length);
    }

    static async Task<string?[]> Strings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    static async Task<T?[]> Values<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    static void Same<T>(T[] expected, T[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(expected[i], actual[i]))
            {
                Assert.Fail($"row {i}: expected {expected[i]?.ToString() ?? "null"}, Parquet.Net read {actual[i]?.ToString() ?? "null"}");
            }
        }
    }
}
