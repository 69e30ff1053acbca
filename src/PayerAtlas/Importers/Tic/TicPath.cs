using System.Globalization;
using System.Text;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// The JSON path of the reader's position, kept as a small stack of segments so that it costs nothing until an
/// error or a locator needs it as text. Property segments are the reader's own constant names (no allocation).
/// </summary>
internal sealed class TicPath
{
    string?[] names = new string?[32];
    int[] indexes = new int[32];
    int depth;

    public int Depth => depth;

    public void Push(string property)
    {
        Grow();
        names[depth] = property;
        indexes[depth] = -1;
        depth++;
    }

    /// <summary>An array segment; the index is advanced with <see cref="SetIndex"/>.</summary>
    public void PushIndex(string property)
    {
        Grow();
        names[depth] = property;
        indexes[depth] = 0;
        depth++;
    }

    public void SetIndex(int index) => indexes[depth - 1] = index;

    public void Pop() => depth--;

    public void Truncate(int toDepth) => depth = toDepth;

    public override string ToString()
    {
        var sb = new StringBuilder("$");
        for (var i = 0; i < depth; i++)
        {
            if (names[i] is { Length: > 0 } name)
            {
                sb.Append('.').Append(name);
            }

            if (indexes[i] >= 0)
            {
                sb.Append('[').Append(indexes[i].ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return sb.ToString();
    }

    void Grow()
    {
        if (depth == names.Length)
        {
            Array.Resize(ref names, depth * 2);
            Array.Resize(ref indexes, depth * 2);
        }
    }
}
