namespace PayerAtlas.Lake;

/// <summary>
/// One column as runs of equal neighbours (value, rows); a run whose value equals the last one's extends it. Strings
/// compare by instance first (the readers intern what repeats), keys by value. The comparer is the instance's own
/// (<see cref="StringComparer.Ordinal"/> for strings): <c>EqualityComparer&lt;T&gt;.Default</c> in code shared by
/// reference types is a generic lookup per call in a native AOT build (perf: ~3 % of an encoder's time).
/// </summary>
internal sealed class Runs<T>(IEqualityComparer<T> comparer)
{
    T[] values = new T[16];
    int[] lengths = new int[16];
    int count;

    public ReadOnlySpan<T> Values => values.AsSpan(0, count);
    public ReadOnlySpan<int> Lengths => lengths.AsSpan(0, count);

    public void Add(T value, int rows)
    {
        if (count > 0 && comparer.Equals(values[count - 1], value))
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

    public void Clear()
    {
        Array.Clear(values, 0, count);
        count = 0;
    }
}
