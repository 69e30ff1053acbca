using System.Globalization;

namespace PayerAtlas.Rendering.Html;

/// <summary>Source rows in file order: line numbers numerically ("9" before "47") and first, other references (JSON paths) as text.</summary>
sealed class RowOrder : IComparer<string>
{
    public static readonly RowOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var xn = long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var a);
        var yn = long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var b);
        return xn && yn ? a.CompareTo(b) : xn != yn ? (xn ? -1 : 1) : string.CompareOrdinal(x, y);
    }
}
