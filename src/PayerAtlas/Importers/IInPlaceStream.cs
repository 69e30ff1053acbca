namespace PayerAtlas.Importers;

/// <summary>
/// A stream whose bytes are in memory already (a memory-mapped file): a parser reads them where they are
/// (<see cref="Peek"/>) and moves past them (<see cref="Advance"/>) instead of copying them into a buffer of its own.
/// </summary>
public interface IInPlaceStream
{
    /// <summary>Up to <paramref name="count"/> bytes from the current position, fewer only at the end of the stream.</summary>
    ReadOnlySpan<byte> Peek(int count);

    /// <summary>Moves the position <paramref name="count"/> bytes on: the parser is done with them.</summary>
    void Advance(int count);
}
