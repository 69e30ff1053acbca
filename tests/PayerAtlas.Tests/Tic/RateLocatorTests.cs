using System.Text;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Tic;

public sealed class RateLocatorTests
{
    [Fact]
    public void An_in_network_price_reads_as_its_json_path_and_byte_offset()
    {
        var locator = RateLocator.InNetworkPrice(12, 0, 3, 48_213);

        Assert.Equal("$.in_network[12].negotiated_rates[0].negotiated_prices[3] @ 48213", locator.ToString());
        Assert.Equal(48_213, locator.Offset);
    }

    [Fact]
    public void An_allowed_amount_provider_reads_as_its_json_path_and_byte_offset()
    {
        var locator = RateLocator.AllowedAmountProvider(1, 2, 3, 4, long.MaxValue);

        Assert.Equal($"$.out_of_network[1].allowed_amounts[2].payments[3].providers[4] @ {long.MaxValue}", locator.ToString());
    }

    [Fact]
    public void A_text_locator_is_kept_as_written_and_formats_as_utf8()
    {
        RateLocator locator = "line 12 — é";
        var buffer = new byte[64];

        var n = locator.FormatUtf8(buffer);

        Assert.Equal("line 12 — é", Encoding.UTF8.GetString(buffer, 0, n));
        Assert.Null(locator.Offset);
        Assert.Equal(locator, RateLocator.Text("line 12 — é"));
    }

    [Fact]
    public void Formatting_into_a_buffer_too_small_says_so()
    {
        Assert.Equal(-1, RateLocator.InNetworkPrice(int.MaxValue, int.MaxValue, int.MaxValue, long.MaxValue).FormatUtf8(new byte[20]));
        Assert.Equal(-1, RateLocator.Text(new string('x', 100)).FormatUtf8(new byte[20]));
        var largest = RateLocator.AllowedAmountProvider(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, long.MaxValue);
        Assert.True(largest.FormatUtf8(new byte[RateLocator.MaxNumericUtf8Length]) > 0);
    }
}
