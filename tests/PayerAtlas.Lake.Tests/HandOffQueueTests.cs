namespace PayerAtlas.Lake.Tests;

public sealed class HandOffQueueTests
{
    [Fact]
    public void Items_arrive_in_order_between_two_threads_and_the_bound_holds()
    {
        var queue = new HandOffQueue<int>(3);
        var largest = 0;
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                queue.Add(i);
                largest = Math.Max(largest, queue.Count);
            }

            queue.CompleteAdding();
        });

        var received = queue.GetConsumingEnumerable().ToList();
        producer.Wait();

        Assert.Equal(Enumerable.Range(0, 100_000), received);
        Assert.InRange(largest, 1, 3);
        Assert.False(queue.TryTake(out _));
    }

    [Fact]
    public void A_waiting_adder_throws_once_adding_is_complete_and_takers_get_what_is_left()
    {
        var queue = new HandOffQueue<string>(1);
        queue.Add("first");
        var blocked = Task.Run(() => queue.Add("second"));
        Assert.False(blocked.Wait(100));

        queue.CompleteAdding();

        Assert.IsType<InvalidOperationException>(Assert.Throws<AggregateException>(() => blocked.Wait(5_000)).InnerException);
        Assert.Equal("first", queue.Take());
        Assert.Throws<InvalidOperationException>(() => queue.Take());
    }

    [Fact]
    public void Cancelling_wakes_a_waiting_taker()
    {
        var queue = new HandOffQueue<int>(2);
        using var cancel = new CancellationTokenSource();
        var waiting = Task.Run(() => queue.TryTake(out _, cancel.Token));
        Assert.False(waiting.Wait(100));

        cancel.Cancel();

        Assert.IsAssignableFrom<OperationCanceledException>(Assert.Throws<AggregateException>(() => waiting.Wait(5_000)).InnerException);
    }
}
