namespace PayerAtlas.Lake.Tests;

public sealed class EncoderTurnsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void While_reading_at_most_the_allowed_encoders_write_at_once(int allowed)
    {
        var turns = new EncoderTurns(allowed);
        var writing = 0;
        var most = 0;
        var encoders = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                turns.Enter();
                var now = Interlocked.Increment(ref writing);
                InterlockedMax(ref most, now);
                Thread.SpinWait(2_000);
                Interlocked.Decrement(ref writing);
                turns.Exit();
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        Assert.True(Task.WaitAll(encoders, TimeSpan.FromSeconds(30)));
        Assert.InRange(most, 1, allowed);
    }

    [Fact]
    public void Once_reading_is_over_a_waiting_encoder_writes_beside_the_one_writing()
    {
        var turns = new EncoderTurns(1);
        turns.Enter();
        var second = Task.Run(turns.Enter);
        Assert.False(second.Wait(200));

        turns.ReadingOver();

        Assert.True(second.Wait(5_000));
        turns.Exit();
        turns.Exit();
        turns.Enter(); // no limit any more, nothing left waiting
    }

    [Fact]
    public void A_turn_given_back_goes_to_a_waiting_encoder()
    {
        var turns = new EncoderTurns(1);
        turns.Enter();
        var second = Task.Run(turns.Enter);
        Assert.False(second.Wait(200));

        turns.Exit();

        Assert.True(second.Wait(5_000));
    }

    static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var was && was != seen)
        {
            seen = was;
        }
    }
}
