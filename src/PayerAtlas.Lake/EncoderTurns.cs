namespace PayerAtlas.Lake;

/// <summary>
/// How many of an ingest's encoders write at once: while the source is read, at most
/// <see cref="LakeWriterOptions.EncodersWhileReading"/> (the reader's and the partitioner's threads each keep a core
/// busy, and an encoder beside them only takes turns with one of them); once reading is over, all. On two cores two
/// encoders beside the reader, the partitioner and the hashing thread made the reader wait for the partitioner while
/// work sat queued: one at a time while reading, 1 GB 3.75 → 3.45 s (bench/rates/README.md). A priority (nice) for
/// the encoders did as well on an idle machine but yields them to every other program too: beside two busy
/// processes that ingest took 66 s instead of 7 s.
/// </summary>
internal sealed class EncoderTurns(int whileReading)
{
    readonly object sync = new();
    readonly int whileReading = Math.Max(1, whileReading);
    bool readingOver;
    int writing;
    int waiting;

    /// <summary>An encoder's row group begins: waits while as many encoders as allowed are writing.</summary>
    public void Enter()
    {
        lock (sync)
        {
            if (!readingOver && writing >= whileReading)
            {
                waiting++;
                while (!readingOver && writing >= whileReading)
                {
                    Monitor.Wait(sync);
                }

                waiting--;
            }

            writing++;
        }
    }

    /// <summary>An encoder's row group is written (or failed).</summary>
    public void Exit()
    {
        lock (sync)
        {
            writing--;
            if (waiting > 0)
            {
                Monitor.Pulse(sync);
            }
        }
    }

    /// <summary>The source is read (or the writer stops): every encoder writes at once from now on.</summary>
    public void ReadingOver()
    {
        lock (sync)
        {
            readingOver = true;
            Monitor.PulseAll(sync);
        }
    }
}
