using System.Buffers.Text;
using System.Text;

namespace PayerAtlas.Rates;

/// <summary>
/// Where in its source file an observation was read: a JSON path with the byte offset
/// (<c>$.in_network[12].negotiated_rates[0].negotiated_prices[1] @ 48213</c>) or a CSV line (<c>line 12</c>). The TiC
/// readers keep the numbers and format the text only when someone asks for it (the lake writes it as UTF-8 straight
/// into its pages), so the millions of prices a file holds cost no string each.
/// </summary>
public readonly struct RateLocator : IEquatable<RateLocator>
{
    static readonly byte[][] InNetworkParts = [.. new[] { "$.in_network[", "].negotiated_rates[", "].negotiated_prices[", "] @ " }.Select(Encoding.ASCII.GetBytes)];
    static readonly byte[][] AllowedParts = [.. new[] { "$.out_of_network[", "].allowed_amounts[", "].payments[", "].providers[", "] @ " }.Select(Encoding.ASCII.GetBytes)];

    readonly string? text;
    readonly RateLocatorShape shape;
    readonly int a, b, c, d;
    readonly long offset;

    RateLocator(string? text, RateLocatorShape shape, int a, int b, int c, int d, long offset)
    {
        this.text = text;
        this.shape = shape;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.offset = offset;
    }

    /// <summary>The longest UTF-8 form of a numeric locator (five 32/64-bit numbers and the fixed text).</summary>
    public const int MaxNumericUtf8Length = 160;

    public static RateLocator Text(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), RateLocatorShape.Text, 0, 0, 0, 0, 0);

    /// <summary><c>$.in_network[item].negotiated_rates[rate].negotiated_prices[price] @ offset</c>.</summary>
    public static RateLocator InNetworkPrice(int item, int rate, int price, long offset) => new(null, RateLocatorShape.InNetworkPrice, item, rate, price, 0, offset);

    /// <summary><c>$.out_of_network[item].allowed_amounts[amount].payments[payment].providers[provider] @ offset</c>.</summary>
    public static RateLocator AllowedAmountProvider(int item, int amount, int payment, int provider, long offset) =>
        new(null, RateLocatorShape.AllowedAmountProvider, item, amount, payment, provider, offset);

    public RateLocatorShape Shape => shape;

    /// <summary>The text of a <see cref="RateLocatorShape.Text"/> locator; null for the numeric shapes.</summary>
    public string? TextValue => text;

    /// <summary>The array indices of a numeric locator, outermost first (unused ones 0).</summary>
    public (int A, int B, int C, int D) Indices => (a, b, c, d);

    public static implicit operator RateLocator(string text) => Text(text);

    public static implicit operator string(RateLocator locator) => locator.ToString();

    /// <summary>The byte offset in the (uncompressed) source, when the locator has one.</summary>
    public long? Offset => shape == RateLocatorShape.Text ? null : offset;

    /// <summary>The raw offset (0 for a text locator).</summary>
    public long RawOffset => offset;

    /// <summary>
    /// Writes the locator as UTF-8 into <paramref name="destination"/> and returns the byte count, or −1 when it does
    /// not fit (only a long text locator can exceed <see cref="MaxNumericUtf8Length"/>).
    /// </summary>
    public int FormatUtf8(Span<byte> destination)
    {
        if (shape == RateLocatorShape.Text)
        {
            var s = text ?? "";
            return Encoding.UTF8.TryGetBytes(s, destination, out var written) ? written : -1;
        }

        var parts = shape == RateLocatorShape.InNetworkPrice ? InNetworkParts : AllowedParts;
        var n = 0;
        Span<long> numbers = [a, b, c, d, offset];
        if (shape == RateLocatorShape.InNetworkPrice)
        {
            numbers[3] = offset;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!parts[i].AsSpan().TryCopyTo(destination[n..]))
            {
                return -1;
            }

            n += parts[i].Length;
            if (!Utf8Formatter.TryFormat(numbers[i], destination[n..], out var w))
            {
                return -1;
            }

            n += w;
        }

        return n;
    }

    public override string ToString()
    {
        if (shape == RateLocatorShape.Text)
        {
            return text ?? "";
        }

        Span<byte> buffer = stackalloc byte[MaxNumericUtf8Length];
        return Encoding.ASCII.GetString(buffer[..FormatUtf8(buffer)]);
    }

    public bool Equals(RateLocator other) =>
        shape == other.shape && a == other.a && b == other.b && c == other.c && d == other.d && offset == other.offset
        && string.Equals(text, other.text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RateLocator other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(shape, a, b, c, d, offset, text is null ? 0 : StringComparer.Ordinal.GetHashCode(text));

    public static bool operator ==(RateLocator left, RateLocator right) => left.Equals(right);

    public static bool operator !=(RateLocator left, RateLocator right) => !left.Equals(right);
}

/// <summary>The forms a <see cref="RateLocator"/> takes.</summary>
public enum RateLocatorShape : byte
{
    /// <summary>Text as the reader wrote it (<c>line 12</c>, a JSON path of its own).</summary>
    Text,

    /// <summary><c>$.in_network[a].negotiated_rates[b].negotiated_prices[c] @ offset</c>.</summary>
    InNetworkPrice,

    /// <summary><c>$.out_of_network[a].allowed_amounts[b].payments[c].providers[d] @ offset</c>.</summary>
    AllowedAmountProvider,
}
