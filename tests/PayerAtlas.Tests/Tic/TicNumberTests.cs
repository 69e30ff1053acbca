using System.Globalization;
using System.Text;
using PayerAtlas.Importers.Tic;

namespace PayerAtlas.Tests.Tic;

/// <summary>The reader's fast path for plain decimal rates gives what the JSON number says, scale included.</summary>
public sealed class TicNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("7")]
    [InlineData("12.5")]
    [InlineData("12.50")]
    [InlineData("3156.85")]
    [InlineData("0.000001")]
    [InlineData("999999999999999999")]
    [InlineData("99999999999999999.9")]
    [InlineData("9999999999999999999")]
    [InlineData("12345678901234567890.12")]
    [InlineData("1e3")]
    [InlineData("1.5E-2")]
    public void A_negotiated_rate_reads_as_the_decimal_the_json_number_writes(string number)
    {
        var rate = Read(number);

        var expected = decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(expected, rate);
        Assert.Equal(expected.Scale, rate.Scale);
    }

    [Fact]
    public void Random_rates_read_exactly()
    {
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var whole = random.NextInt64(0, 10_000_000_000);
            var number = random.Next(3) switch
            {
                0 => whole.ToString(CultureInfo.InvariantCulture),
                1 => $"{whole}.{random.Next(0, 100):D2}",
                _ => $"{whole % 1000}.{random.Next(0, 1_000_000):D6}",
            };
            Assert.Equal(decimal.Parse(number, CultureInfo.InvariantCulture), Read(number));
        }
    }

    static decimal Read(string number)
    {
        var json = $$$"""
            {"reporting_entity_name":"Example","reporting_entity_type":"health insurance issuer","last_updated_on":"2025-01-01","version":"1.0.0",
             "plan_name":"Plan","plan_id_type":"EIN","plan_id":"11-1111111","plan_market_type":"group",
             "provider_references":[{"provider_group_id":1,"provider_groups":[{"npi":[1234567893],"tin":{"type":"ein","value":"11-1111111"}}]}],
             "in_network":[{"negotiation_arrangement":"ffs","name":"Service","billing_code_type":"CPT","billing_code_type_version":"2025","billing_code":"77054","description":"d",
               "negotiated_rates":[{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":{{{number}}},"expiration_date":"9999-12-31","billing_class":"professional"}]}]}]}
            """;
        var sink = new ListSink();
        new TicReader().Read(TicSource.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(json)), "n.json"), sink);
        return Assert.Single(sink.Items).Rate!.Value;
    }
}
