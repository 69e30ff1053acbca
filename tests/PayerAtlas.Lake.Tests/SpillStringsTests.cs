namespace PayerAtlas.Lake.Tests;

public sealed class SpillStringsTests
{
    [Fact]
    public void Equal_utf8_gives_one_instance_and_decodes_exactly()
    {
        var strings = new SpillStrings();
        var first = strings.Get("Blue Cross Blue Shield of Texas — PPO"u8);
        var again = strings.Get(System.Text.Encoding.UTF8.GetBytes("Blue Cross Blue Shield of Texas — PPO"));

        Assert.Same(first, again);
        Assert.Equal("Blue Cross Blue Shield of Texas — PPO", first);
        Assert.NotSame(first, strings.Get("Blue Cross Blue Shield of Texas — HMO"u8));
        Assert.Equal("", strings.Get([]));
        Assert.Equal(new string('x', 1_000), strings.Get(System.Text.Encoding.UTF8.GetBytes(new string('x', 1_000))));
    }
}
