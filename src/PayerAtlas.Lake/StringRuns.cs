namespace PayerAtlas.Lake;

/// <summary>One string column as runs of equal neighbours (value, rows); a run equal to the last one extends it.</summary>
internal sealed class StringRuns
{
    string?[] values = new string?[16];
    int[] lengths = new int[16];
    int count;

    public ReadOnlySpan<string?> Values => values.AsSpan(0, count);
    public ReadOnlySpan<int> Lengths => lengths.AsSpan(0, count);

    public void Add(string? value, int rows)
    {
        if (count > 0 && ReferenceEquals(values[count - 1], value))
        {
            lengths[count - 1] += rows;
            return;
        }

        if (count == values.Length)
        {
            Array.Resize(ref values, count * 2);
            Array.Resize(ref lengths, count * 2);
        }

        values[count] = value;
        lengths[count] = rows;
        count++;
    }

    /// <summary>One more row: extends the last run when the value equals its value (same instance or same text).</summary>
    public void AddRow(string? value)
    {
        if (count > 0 && (ReferenceEquals(values[count - 1], value) || string.Equals(values[count - 1], value, StringComparison.Ordinal)))
        {
            lengths[count - 1]++;
            return;
        }

        Add(value, 1);
    }

    public void Clear()
    {
        Array.Clear(values, 0, count);
        count = 0;
    }
}
