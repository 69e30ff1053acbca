using PayerAtlas.Policies;

namespace PayerAtlas.Tests.Policies;

public class CodeRangeTests
{
    [Fact]
    public void A_range_expands_to_every_code_between_its_ends()
    {
        Assert.Equal(["77065", "77066", "77067"], new CodeRange("77065", "77067").Expand());
        Assert.Equal(["0042T", "0043T", "0044T"], new CodeRange("0042T", "0044T").Expand());
        Assert.Equal(["C50.919", "C50.920"], new CodeRange("C50.919", "C50.920").Expand());
    }

    [Fact]
    public void Membership_requires_the_same_shape_as_the_ends()
    {
        var range = new CodeRange("77046", "77049");
        Assert.True(range.Contains("77048"));
        Assert.False(range.Contains("77050"));
        Assert.False(range.Contains("7704A"));
        Assert.False(new CodeRange("G0202", "G0206").Contains("77054"));
    }

    [Theory]
    [InlineData("77067", "77065", "runs backwards")]
    [InlineData("77065", "G0202", "different shapes")]
    [InlineData("70010", "89999", "the limit is 10,000")]
    public void Impossible_ranges_are_explained(string low, string high, string reason) =>
        Assert.Contains(reason, CodeRange.Problem(low, high), StringComparison.Ordinal);

    [Fact]
    public void Consecutive_codes_fold_back_into_ranges()
    {
        var ranges = CodeRange.Collapse(["77067", "77054", "77065", "77066", "G0204", "G0202"]);
        Assert.Equal(["77054", "77065-77067", "G0202", "G0204"], ranges.Select(r => r.ToString()));
    }
}
