namespace PayerAtlas.Lake;

/// <summary>
/// A bounded first-in first-out queue between two of an ingest's threads that blocks at once instead of spinning: with
/// five busy threads on two cores, <c>BlockingCollection</c>'s spin before each wait (a <c>sched_yield</c> per turn)
/// cost 4 % of an ingest's CPU time and a context switch per turn (perf). <see cref="Add"/> waits while the queue is
/// full; <see cref="TryTake"/> waits while it is empty and returns false once <see cref="CompleteAdding"/> was called
/// and nothing is left; either throws <see cref="OperationCanceledException"/> when its token is cancelled while it waits.
/// A taker waiting on an empty queue can be left asleep until <c>wakeTakersAt</c> items are in it (a wake-up costs the
/// adder a cross-core interrupt, ~15 µs on this VM): only for an adder that can always add that many without waiting
/// for the taker, or the two wait for each other.
/// </summary>
internal sealed class HandOffQueue<T>(int capacity, int wakeTakersAt = 1)
{
    readonly Queue<T> items = new(Math.Max(1, capacity));
    readonly object gate = new();
    readonly int capacity = Math.Max(1, capacity);
    readonly int wakeTakersAt = Math.Clamp(wakeTakersAt, 1, Math.Max(1, capacity));
    int count;
    int waiting;
    bool completed;

    /// <summary>Items queued now (read without the lock: a hint, as the partitioner uses it).</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Queues <paramref name="item"/>, waiting while the queue is full; throws <see cref="InvalidOperationException"/> once adding is complete.</summary>
    public void Add(T item, CancellationToken cancel = default)
    {
        lock (gate)
        {
            while (!completed && items.Count >= capacity)
            {
                Wait(cancel);
            }

            if (completed)
            {
                throw new InvalidOperationException("the queue accepts no more items");
            }

            items.Enqueue(item);
            Volatile.Write(ref count, items.Count);
            if (items.Count >= wakeTakersAt)
            {
                Wake();
            }
        }
    }

    /// <summary>The next item, waiting while the queue is empty; false once adding is complete and the queue is empty.</summary>
    public bool TryTake(out T item, CancellationToken cancel = default)
    {
        lock (gate)
        {
            while (items.Count == 0 && !completed)
            {
                Wait(cancel);
            }

            if (items.Count == 0)
            {
                item = default!;
                return false;
            }

            item = items.Dequeue();
            Volatile.Write(ref count, items.Count);
            Wake();
            return true;
        }
    }

    /// <summary>The next item; throws <see cref="InvalidOperationException"/> once adding is complete and the queue is empty.</summary>
    public T Take(CancellationToken cancel = default) =>
        TryTake(out var item, cancel) ? item : throw new InvalidOperationException("the queue is complete and empty");

    /// <summary>Items as they come, until adding is complete and the queue is empty.</summary>
    public IEnumerable<T> GetConsumingEnumerable(CancellationToken cancel = default)
    {
        while (TryTake(out var item, cancel))
        {
            yield return item;
        }
    }

    /// <summary>No more items will be added: waiting takers return what is left, then false; waiting adders throw.</summary>
    public void CompleteAdding()
    {
        lock (gate)
        {
            completed = true;
            Wake();
        }
    }

    void Wait(CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        waiting++;

        // A cancellation wakes the waiters: its callback takes the lock, so it pulses once this thread waits (or this
        // thread sees the cancellation first). Unregistered without waiting for a callback that is running: that one
        // waits for the lock this thread holds.
        var registration = cancel.CanBeCanceled ? cancel.UnsafeRegister(static q => ((HandOffQueue<T>)q!).WakeAll(), this) : default;
        try
        {
            if (!cancel.IsCancellationRequested)
            {
                Monitor.Wait(gate);
            }
        }
        finally
        {
            registration.Unregister();
            waiting--;
        }

        cancel.ThrowIfCancellationRequested();
    }

    void Wake()
    {
        if (waiting > 0)
        {
            Monitor.PulseAll(gate);
        }
    }

    void WakeAll()
    {
        lock (gate)
        {
            Monitor.PulseAll(gate);
        }
    }
}
