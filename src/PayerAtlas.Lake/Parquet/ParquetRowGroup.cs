namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// One row group being written: every column exactly once, in field order, each with exactly <see cref="Rows"/>
/// values, then <see cref="End"/>. Misuse throws <see cref="InvalidOperationException"/>.
/// </summary>
internal sealed class ParquetRowGroup
{
    readonly ParquetFileWriter file;
    readonly ColumnChunkInfo[] columns;
    readonly long start;
    int next;
    bool ended;

    internal ParquetRowGroup(ParquetFileWriter file, int rows, int ordinal, long start)
    {
        this.file = file;
        Rows = rows;
        Ordinal = ordinal;
        this.start = start;
        columns = new ColumnChunkInfo[file.Fields.Count];
    }

    public int Rows { get; }

    /// <summary>The row group's index in the file.</summary>
    public int Ordinal { get; }

    /// <summary>Dictionary-encoded strings (PLAIN when the chunk's values are mostly distinct).</summary>
    public void WriteStrings(ReadOnlySpan<string?> values)
    {
        var chunk = Begin(ParquetType.Utf8, values.Length, nameof(WriteStrings));
        file.Chunks.WriteStrings(chunk, values);
        Done(chunk);
    }

    /// <summary>
    /// Dictionary-encoded strings given as runs: <paramref name="runValues"/>[i] repeated <paramref name="runLengths"/>[i]
    /// times, the lengths adding up to <see cref="Rows"/>.
    /// </summary>
    public void WriteStringRuns(ReadOnlySpan<string?> runValues, ReadOnlySpan<int> runLengths)
    {
        if (runValues.Length != runLengths.Length || runValues.IsEmpty)
        {
            ParquetThrow.Misuse($"Row group {Ordinal}: {runValues.Length} run values for {runLengths.Length} run lengths; give one length per value, at least one run.");
        }

        long rows = 0;
        foreach (var length in runLengths)
        {
            if (length < 1)
            {
                ParquetThrow.Misuse($"Row group {Ordinal}: a run of {length} rows; every run holds at least one row.");
            }

            rows += length;
        }

        var chunk = Begin(ParquetType.Utf8, (int)Math.Min(rows, int.MaxValue), nameof(WriteStringRuns));
        file.Chunks.WriteStringRuns(chunk, runValues, runLengths);
        Done(chunk);
    }

    /// <summary>
    /// Dictionary-encoded strings given as runs of keys into <paramref name="table"/>: key <paramref name="runKeys"/>[i]
    /// repeated <paramref name="runLengths"/>[i] times, the lengths adding up to <see cref="Rows"/>.
    /// </summary>
    public void WriteKeyedRuns<T>(ReadOnlySpan<int> runKeys, ReadOnlySpan<int> runLengths, T table)
        where T : IStringTable
    {
        if (runKeys.Length != runLengths.Length || runKeys.IsEmpty)
        {
            ParquetThrow.Misuse($"Row group {Ordinal}: {runKeys.Length} run keys for {runLengths.Length} run lengths; give one length per key, at least one run.");
        }

        long rows = 0;
        for (var r = 0; r < runKeys.Length; r++)
        {
            if (runLengths[r] < 1 || (uint)runKeys[r] >= (uint)table.Count)
            {
                ParquetThrow.Misuse($"Row group {Ordinal}: run {r} has {runLengths[r]} rows and key {runKeys[r]} of a table of {table.Count}; every run holds a row and a key of the table.");
            }

            rows += runLengths[r];
        }

        var chunk = Begin(ParquetType.Utf8, (int)Math.Min(rows, int.MaxValue), nameof(WriteKeyedRuns));
        file.Chunks.WriteKeyedRuns(chunk, runKeys, runLengths, table);
        Done(chunk);
    }

    /// <summary>PLAIN strings the caller formats in place, for near-unique values (rows 0 to <see cref="Rows"/> - 1).</summary>
    public void WriteUtf8<T>(T rows)
        where T : IUtf8Rows
    {
        var chunk = Begin(ParquetType.Utf8, Rows, nameof(WriteUtf8));
        file.Chunks.WriteUtf8(chunk, rows);
        Done(chunk);
    }

    public void WriteDoubles(ReadOnlySpan<double?> values)
    {
        var chunk = Begin(ParquetType.Double, values.Length, nameof(WriteDoubles));
        file.Chunks.WriteDoubles(chunk, values);
        Done(chunk);
    }

    public void WriteBooleans(ReadOnlySpan<bool?> values)
    {
        var chunk = Begin(ParquetType.Boolean, values.Length, nameof(WriteBooleans));
        file.Chunks.WriteBooleans(chunk, values);
        Done(chunk);
    }

    public void WriteInt32s(ReadOnlySpan<int?> values)
    {
        var chunk = Begin(ParquetType.Int32, values.Length, nameof(WriteInt32s));
        file.Chunks.WriteInt32s(chunk, values);
        Done(chunk);
    }

    public void WriteInt64s(ReadOnlySpan<long?> values)
    {
        var chunk = Begin(ParquetType.Int64, values.Length, nameof(WriteInt64s));
        file.Chunks.WriteInt64s(chunk, values);
        Done(chunk);
    }

    /// <summary>Parquet DATE: INT32 days since 1970-01-01.</summary>
    public void WriteDates(ReadOnlySpan<DateOnly?> values)
    {
        var chunk = Begin(ParquetType.Date, values.Length, nameof(WriteDates));
        file.Chunks.WriteDates(chunk, values);
        Done(chunk);
    }

    /// <summary>Completes the row group (every column written); the footer will list it.</summary>
    public void End()
    {
        EnsureWritable();
        if (next != columns.Length)
        {
            ParquetThrow.Misuse(
                $"Row group {Ordinal} has {next} of {columns.Length} columns written; write '{file.Fields[next].Name}' and the rest before End().");
        }

        // Written before the row group counts as ended: a write that fails leaves it open, so no footer names it.
        file.Chunks.FlushPending();
        ended = true;
        long uncompressed = 0;
        long compressed = 0;
        foreach (var c in columns)
        {
            uncompressed += c.UncompressedBytes;
            compressed += c.CompressedBytes;
        }

        file.Ended(this, new RowGroupInfo(columns, Rows, start, uncompressed, compressed));
    }

    ColumnChunkInfo Begin(ParquetType type, int count, string method)
    {
        EnsureWritable();
        if (next == columns.Length)
        {
            ParquetThrow.Misuse($"Row group {Ordinal}: all {columns.Length} columns are written; {method} has no column left (call End()).");
        }

        var field = file.Fields[next];
        if (field.Type != type)
        {
            ParquetThrow.Misuse(
                $"Row group {Ordinal}: the next column is #{next} '{field.Name}' ({field.Type}), but {method} writes {type}; columns are written in field order.");
        }

        if (count != Rows)
        {
            ParquetThrow.Misuse($"Row group {Ordinal}: column '{field.Name}' got {count} values for a row group of {Rows} rows.");
        }

        var chunk = new ColumnChunkInfo(field, Rows, file.Chunks.Position);

        // Marked until Done: a column that throws half-written (an I/O error, a faulty IUtf8Rows) leaves the file faulted.
        file.Writing = chunk;
        return chunk;
    }

    void Done(ColumnChunkInfo chunk)
    {
        columns[next++] = chunk;
        file.Writing = null;
    }

    void EnsureWritable()
    {
        if (ended)
        {
            ParquetThrow.Misuse($"Row group {Ordinal} has ended; begin a new one to write more rows.");
        }

        file.EnsureWritable();
    }
}
