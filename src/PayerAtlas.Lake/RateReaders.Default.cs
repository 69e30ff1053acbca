using PayerAtlas.Importers.Hpt;
using PayerAtlas.Importers.Tic;

namespace PayerAtlas.Lake;

public sealed partial class RateReaders
{
    /// <summary>
    /// The readers this build ships: the streaming TiC reader (in-network, allowed amounts, tables of contents) and
    /// the hospital standard-charges reader (CSV tall/wide, JSON). The stream they get is already decompressed and
    /// hashed by the ingest, so each source is read once (a TiC file that needs a second pass spools to temp).
    /// </summary>
    public static RateReaders Default(TicReaderOptions? tic = null)
    {
        var reader = new TicReader(tic);
        RateFileReader ticRates = (content, source, sink, ct) =>
        {
            reader.Read(TicSource.FromStream(content, source), sink, ct);
            return 0;
        };
        RateFileReader hospital = (content, source, sink, _) => HptReader.Read(content, source, sink).RejectedCount;
        return new RateReaders()
            .With(RateFileKind.TicInNetwork, ticRates)
            .With(RateFileKind.TicAllowedAmounts, ticRates)
            .With(RateFileKind.HospitalCsv, hospital)
            .With(RateFileKind.HospitalJson, hospital)
            .WithTableOfContents((content, source, ct) => reader.ReadTableOfContents(TicSource.FromStream(content, source), ct)
                .ListFiles()
                .Where(f => f.Kind == TicFileKind.InNetwork)
                .Select(f => f.File.Location)
                .Distinct(StringComparer.Ordinal)
                .ToList());
    }
}
