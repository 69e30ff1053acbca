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
    public void A_waiting_taker_sleeps_until_enough_items_wait_or_adding_is_complete()
    {
        var queue = new HandOffQueue<int>(8, wakeTakersAt: 3);
        var first = Waiting(() => queue.Take());
        queue.Add(1);
        queue.Add(2);
        Assert.False(first.Wait(200));

        queue.Add(3);
        Assert.True(first.Wait(5_000));
        Assert.Equal(1, first.Result);

        // A taker that finds items takes them at once; completion wakes one waiting on fewer than three.
        Assert.Equal(2, queue.Take());
        Assert.Equal(3, queue.Take());
        var last = Waiting(() => queue.TryTake(out var item) ? item : -1);
        queue.Add(4);
        Assert.False(last.Wait(200));
        queue.CompleteAdding();
        Assert.True(last.Wait(5_000));
        Assert.Equal(4, last.Result);

        var ordered = new HandOffQueue<int>(4, wakeTakersAt: 2);
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                ordered.Add(i);
            }

            ordered.CompleteAdding();
        });
        Assert.Equal(Enumerable.Range(0, 50_000), ordered.GetConsumingEnumerable().ToList());
        producer.Wait();
    }

    /// <summary>Runs <paramref name="take"/> on a thread of its own and returns once that thread is blocked in it.</summary>
    static Task<int> Waiting(Func<int> take)
    {
        var result = new TaskCompletionSource<int>();
        var thread = new Thread(() => result.SetResult(take())) { IsBackground = true };
        thread.Start();
        while ((thread.ThreadState & ThreadState.WaitSleepJoin) == 0 && !result.Task.IsCompleted)
        {
            Thread.Sleep(1);
        }

        return result.Task;
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
