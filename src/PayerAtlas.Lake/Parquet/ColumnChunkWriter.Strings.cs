using System.Buffers.Binary;
using System.Text;

namespace PayerAtlas.Lake.Parquet;

internal sealed partial class ColumnChunkWriter
{
    /// <summary>
    /// Dictionary-encodes a string chunk given row by row: rows are first cut into runs of the same instance (the
    /// readers intern strings, so equal neighbours are one object: one reference compare per row), then written as
    /// <see cref="WriteStringRuns"/> writes runs.
    /// </summary>
    public void WriteStrings(ColumnChunkInfo chunk, ReadOnlySpan<string?> column)
    {
        var n = column.Length;
        if (workspace.RunValues.Length < n)
        {
            workspace.RunValues = new string?[Math.Max(n, workspace.RunValues.Length * 2)];
        }

        var values = workspace.RunValues.AsSpan();
        var lengths = RunLengths(n);
        var runs = 0;
        for (var i = 0; i < n;)
        {
            var s = column[i];
            var end = i + 1;
            while (end < n && ReferenceEquals(column[end], s))
            {
                end++;
            }

            values[runs] = s;
            lengths[runs] = end - i;
            runs++;
            i = end;
        }

        try
        {
            WriteRuns(chunk, values[..runs], lengths[..runs], column);
        }
        finally
        {
            values[..runs].Clear();
        }
    }

    /// <summary>
    /// A string chunk given as runs of equal neighbours (<paramref name="runValues"/>[i] repeated
    /// <paramref name="runLengths"/>[i] times): the dictionary and the RLE runs come straight from the runs, so rows
    /// cost nothing; a near-unique chunk is expanded into rows and written PLAIN.
    /// </summary>
    public void WriteStringRuns(ColumnChunkInfo chunk, ReadOnlySpan<string?> runValues, ReadOnlySpan<int> runLengths) =>
        WriteRuns(chunk, runValues, runLengths, default);

    /// <summary>
    /// A string chunk given as runs of keys into the caller's table of values (<paramref name="table"/>[key], null
    /// allowed): each distinct key's value is looked up in the dictionary once per chunk, and runs of keys with the
    /// same value merge, so a column whose rows alternate among a few values costs an array lookup per run. A table
    /// much larger than the chunk, or a near-unique chunk, goes through <see cref="WriteStringRuns"/>' rules instead.
    /// </summary>
    public void WriteKeyedRuns<T>(ColumnChunkInfo chunk, ReadOnlySpan<int> runKeys, ReadOnlySpan<int> runLengths, T table)
        where T : IStringTable
    {
        var n = chunk.Rows;
        var keys = table.Count;
        if (keys > Math.Max(4_096, 4L * n))
        {
            WriteKeyedAsStrings(chunk, runKeys, runLengths, table);
            return;
        }

        if (workspace.KeyIds.Length < keys)
        {
            ParquetWorkspace.Return(workspace.KeyIds);
            workspace.KeyIds = System.Buffers.ArrayPool<int>.Shared.Rent(keys);
        }

        const int Unseen = int.MinValue;
        var ids = workspace.KeyIds.AsSpan(0, keys);
        ids.Fill(Unseen);
        dictionary.Reset();
        var runIds = Indices(runKeys.Length);
        var runRows = RunLengths(runKeys.Length);
        var maxDistinct = Math.Max(1, n / 2);
        var runs = 0;
        var present = 0;
        for (var r = 0; r < runKeys.Length; r++)
        {
            ref var id = ref ids[runKeys[r]];
            if (id == Unseen)
            {
                id = table[runKeys[r]] is { } s ? dictionary.IndexOf(s) : -1;
                if (dictionary.Count > maxDistinct || dictionary.Page.Length > options.MaxDictionaryBytes)
                {
                    WriteKeyedAsStrings(chunk, runKeys, runLengths, table);
                    return;
                }
            }

            if (id >= 0)
            {
                present += runLengths[r];
            }

            if (runs > 0 && runIds[runs - 1] == id)
            {
                runRows[runs - 1] += runLengths[r];
            }
            else
            {
                runIds[runs] = id;
                runRows[runs] = runLengths[r];
                runs++;
            }
        }

        if (present == 0 || runs == 1)
        {
            WriteConstantStrings(chunk, present == 0 ? null : table[runKeys[0]], n);
            return;
        }

        chunk.NullCount = n - present;
        WriteDictionaryPages(chunk, runIds[..runs], runRows[..runs], n);
    }

    /// <summary>The keyed runs as string runs (their values looked up), written by <see cref="WriteStringRuns"/>' rules.</summary>
    void WriteKeyedAsStrings<T>(ColumnChunkInfo chunk, ReadOnlySpan<int> runKeys, ReadOnlySpan<int> runLengths, T table)
        where T : IStringTable
    {
        if (workspace.RunValues.Length < runKeys.Length)
        {
            workspace.RunValues = new string?[Math.Max(runKeys.Length, workspace.RunValues.Length * 2)];
        }

        var values = workspace.RunValues.AsSpan(0, runKeys.Length);
        for (var r = 0; r < runKeys.Length; r++)
        {
            values[r] = table[runKeys[r]];
        }

        try
        {
            WriteRuns(chunk, values, runLengths, default);
        }
        finally
        {
            values.Clear();
        }
    }

    /// <summary>
    /// The dictionary built over the runs, one ordinal lookup per run whose value is not the previous run's instance.
    /// A dictionary past half the rows (or past 3/4 of the first 1,024 or more rows) or past
    /// <see cref="ParquetWriterOptions.MaxDictionaryBytes"/> makes the chunk PLAIN instead, from <paramref name="rows"/>
    /// when the caller has them, else from the runs expanded.
    /// </summary>
    void WriteRuns(ColumnChunkInfo chunk, ReadOnlySpan<string?> runValues, ReadOnlySpan<int> runLengths, ReadOnlySpan<string?> rows)
    {
        var n = chunk.Rows;
        if (runValues.Length == 1)
        {
            WriteConstantStrings(chunk, runValues[0], n);
            return;
        }

        var runIds = Indices(runValues.Length);
        dictionary.Reset();
        var maxDistinct = Math.Max(1, n / 2);
        var maxBytes = options.MaxDictionaryBytes;
        string? previous = null;
        var previousId = 0;
        var present = 0;
        var row = 0;
        for (var r = 0; r < runValues.Length; r++)
        {
            var s = runValues[r];
            var id = -1;
            if (s is not null)
            {
                if (!ReferenceEquals(s, previous))
                {
                    previousId = dictionary.IndexOf(s);
                    previous = s;

                    // Past half the rows distinct (or 3/4 of the first 1,024+ rows, to give up early on a near-unique
                    // column), or past the byte limit, the dictionary would cost more than it saves: PLAIN instead.
                    var distinct = dictionary.Count;
                    if (distinct > maxDistinct || dictionary.Page.Length > maxBytes || (row >= 1023 && distinct * 4 > (row + 1) * 3))
                    {
                        if (rows.Length == n)
                        {
                            WritePlainStrings(chunk, rows);
                        }
                        else
                        {
                            WritePlainStrings(chunk, Expand(runValues, runLengths, n));
                            Array.Clear(workspace.Rows, 0, n);
                        }

                        return;
                    }
                }

                id = previousId;
                present += runLengths[r];
            }

            runIds[r] = id;
            row += runLengths[r];
        }

        if (present == 0)
        {
            WriteConstantStrings(chunk, null, n);
            return;
        }

        chunk.NullCount = n - present;
        WriteDictionaryPages(chunk, runIds[..runValues.Length], runLengths, n);
    }

    /// <summary>The runs as rows, in the workspace's scratch array (the caller clears it after use).</summary>
    ReadOnlySpan<string?> Expand(ReadOnlySpan<string?> runValues, ReadOnlySpan<int> runLengths, int rows)
    {
        if (workspace.Rows.Length < rows)
        {
            workspace.Rows = new string?[Math.Max(rows, workspace.Rows.Length * 2)];
        }

        var expanded = workspace.Rows.AsSpan(0, rows);
        var at = 0;
        for (var r = 0; r < runValues.Length; r++)
        {
            expanded.Slice(at, runLengths[r]).Fill(runValues[r]);
            at += runLengths[r];
        }

        return expanded;
    }

    /// <summary>The dictionary page, then the runs as RLE runs (or bit-packed literals) of levels and indices, page by page.</summary>
    void WriteDictionaryPages(ColumnChunkInfo chunk, ReadOnlySpan<int> runIds, ReadOnlySpan<int> runRows, int n)
    {
        chunk.Dictionary = true;
        BinaryBounds.Apply(chunk, dictionary.Min, dictionary.Max, options.MaxStatisticsBytes);
        WritePage(chunk, ParquetFormat.DictionaryPage, dictionary.Count, ParquetFormat.Plain, dictionary.Page);

        var bitWidth = RleHybrid.BitWidth(dictionary.Count - 1);
        var rowsPerPage = Math.Max(64, (int)Math.Min(int.MaxValue, options.PageBytes * 8L / bitWidth));
        var run = 0;
        var used = 0;
        for (var start = 0; start < n; start += rowsPerPage)
        {
            var pageRows = Math.Min(rowsPerPage, n - start);
            StartDataPage();
            levelRuns.Begin(page, 1);
            values.WriteByte((byte)bitWidth);
            indexRuns.Begin(values, bitWidth);
            for (var left = pageRows; left > 0;)
            {
                var take = Math.Min(runRows[run] - used, left);
                var id = runIds[run];
                levelRuns.Add(id >= 0 ? 1 : 0, take);
                if (id >= 0)
                {
                    indexRuns.Add(id, take);
                }

                left -= take;
                used += take;
                if (used == runRows[run])
                {
                    run++;
                    used = 0;
                }
            }

            levelRuns.End();
            indexRuns.End();
            FinishDataPage(chunk, pageRows, ParquetFormat.RleDictionary);
        }
    }

    /// <summary>
    /// One instance (or null) in every row, the common case in a lake (the file's payer, plan, entity...): a one-entry
    /// dictionary and single RLE runs, about half a nanosecond per row for the compare loop above.
    /// </summary>
    void WriteConstantStrings(ColumnChunkInfo chunk, string? value, int n)
    {
        var rowLevels = Levels(n);
        rowLevels.Fill(value is null ? (byte)0 : (byte)1);
        if (value is null)
        {
            chunk.NullCount = n;
            FlushDataPage(chunk, rowLevels, ParquetFormat.Plain);
            return;
        }

        dictionary.Reset();
        dictionary.IndexOf(value);
        chunk.Dictionary = true;
        BinaryBounds.Apply(chunk, dictionary.Min, dictionary.Max, options.MaxStatisticsBytes);
        WritePage(chunk, ParquetFormat.DictionaryPage, 1, ParquetFormat.Plain, dictionary.Page);
        values.WriteByte(1);
        RleHybrid.Run(0, n, 1, values);
        FlushDataPage(chunk, rowLevels, ParquetFormat.RleDictionary);
    }

    /// <summary>PLAIN byte arrays, each value encoded to UTF-8 straight into the page buffer.</summary>
    void WritePlainStrings(ColumnChunkInfo chunk, ReadOnlySpan<string?> column)
    {
        var n = column.Length;
        var rowLevels = Levels(n);
        values.Reset();
        bounds.Reset();
        var nulls = 0;
        var pageStart = 0;
        for (var i = 0; i < n; i++)
        {
            var s = column[i];
            if (s is null)
            {
                rowLevels[i] = 0;
                nulls++;
            }
            else
            {
                rowLevels[i] = 1;
                var free = values.GetFree(4 + Encoding.UTF8.GetMaxByteCount(s.Length));
                var length = Encoding.UTF8.GetBytes(s, free[4..]);
                BinaryPrimitives.WriteInt32LittleEndian(free, length);
                bounds.Observe(free.Slice(4, length));
                values.Advance(4 + length);
            }

            if (values.Length >= options.PageBytes)
            {
                FlushDataPage(chunk, rowLevels[pageStart..(i + 1)], ParquetFormat.Plain);
                pageStart = i + 1;
            }
        }

        FinishPlain(chunk, rowLevels, pageStart, nulls);
    }

    /// <summary>
    /// PLAIN byte arrays the caller formats in place (<see cref="IUtf8Rows"/>). No min/max: for near-unique values
    /// (locators) they prune nothing and comparing every value cost as much as the rest of the column.
    /// </summary>
    public void WriteUtf8<T>(ColumnChunkInfo chunk, T rows)
        where T : IUtf8Rows
    {
        var n = chunk.Rows;
        var rowLevels = Levels(n);
        values.Reset();
        bounds.Reset();
        var nulls = 0;
        var pageStart = 0;
        for (var i = 0; i < n; i++)
        {
            var free = values.GetFree(4 + IUtf8Rows.MinDestination);
            var length = rows.Format(i, free[4..]);
            if (length < IUtf8Rows.Null)
            {
                free = values.GetFree(4 + (-2 - length));
                length = rows.Format(i, free[4..]);
                if (length < IUtf8Rows.Null)
                {
                    ParquetThrow.FormatTooSmall(chunk.Field, i, free.Length - 4, length);
                }
            }

            if (length > free.Length - 4)
            {
                ParquetThrow.FormatOverran(chunk.Field, i, length, free.Length - 4);
            }

            if (length == IUtf8Rows.Null)
            {
                rowLevels[i] = 0;
                nulls++;
            }
            else
            {
                rowLevels[i] = 1;
                BinaryPrimitives.WriteInt32LittleEndian(free, length);
                values.Advance(4 + length);
            }

            if (values.Length >= options.PageBytes)
            {
                FlushDataPage(chunk, rowLevels[pageStart..(i + 1)], ParquetFormat.Plain);
                pageStart = i + 1;
            }
        }

        FinishPlain(chunk, rowLevels, pageStart, nulls, withBounds: false);
    }

    void FinishPlain(ColumnChunkInfo chunk, ReadOnlySpan<byte> rowLevels, int pageStart, int nulls, bool withBounds = true)
    {
        if (pageStart < rowLevels.Length)
        {
            FlushDataPage(chunk, rowLevels[pageStart..], ParquetFormat.Plain);
        }

        chunk.NullCount = nulls;
        if (withBounds)
        {
            bounds.Apply(chunk, options.MaxStatisticsBytes);
        }
    }
}
