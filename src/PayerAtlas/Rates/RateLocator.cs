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
    readonly Shape shape;
    readonly int a, b, c, d;
    readonly long offset;

    RateLocator(string? text, Shape shape, int a, int b, int c, int d, long offset)
    {
        this.text = text;
        this.shape = shape;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.offset = offset;
    }

    enum Shape : byte
    {
        Text,
        InNetworkPrice,
        AllowedAmountProvider,
    }

    /// <summary>The longest UTF-8 form of a numeric locator (five 32/64-bit numbers and the fixed text).</summary>
    public const int MaxNumericUtf8Length = 160;

    public static RateLocator Text(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), Shape.Text, 0, 0, 0, 0, 0);

    /// <summary><c>$.in_network[item].negotiated_rates[rate].negotiated_prices[price] @ offset</c>.</summary>
    public static RateLocator InNetworkPrice(int item, int rate, int price, long offset) => new(null, Shape.InNetworkPrice, item, rate, price, 0, offset);

    /// <summary><c>$.out_of_network[item].allowed_amounts[amount].payments[payment].providers[provider] @ offset</c>.</summary>
    public static RateLocator AllowedAmountProvider(int item, int amount, int payment, int provider, long offset) =>
        new(null, Shape.AllowedAmountProvider, item, amount, payment, provider, offset);

    public static implicit operator RateLocator(string text) => Text(text);

    public static implicit operator string(RateLocator locator) => locator.ToString();

    /// <summary>The byte offset in the (uncompressed) source, when the locator has one.</summary>
    public long? Offset => shape == Shape.Text ? null : offset;

    /// <summary>
    /// Writes the locator as UTF-8 into <paramref name="destination"/> and returns the byte count, or −1 when it does
    /// not fit (only a long text locator can exceed <see cref="MaxNumericUtf8Length"/>).
    /// </summary>
    public int FormatUtf8(Span<byte> destination)
    {
        if (shape == Shape.Text)
        {
            var s = text ?? "";
            return Encoding.UTF8.TryGetBytes(s, destination, out var written) ? written : -1;
        }

        var parts = shape == Shape.InNetworkPrice ? InNetworkParts : AllowedParts;
        var n = 0;
        Span<long> numbers = [a, b, c, d, offset];
        if (shape == Shape.InNetworkPrice)
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
        if (shape == Shape.Text)
        {
            return text ?? "";
        }

        Span<byte> buffer = stackalloc byte[MaxNumericUtf8Length];
        return Encoding.ASCII.GetString(buffer[..FormatUtf8(buffer)]);
    }

    public bool Equals(RateLocator other) => ToString() == other.ToString();

    public override bool Equals(object? obj) => obj is RateLocator other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static bool operator ==(RateLocator left, RateLocator right) => left.Equals(right);

    public static bool operator !=(RateLocator left, RateLocator right) => !left.Equals(right);
}
