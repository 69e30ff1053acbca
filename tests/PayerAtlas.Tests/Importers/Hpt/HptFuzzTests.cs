using PayerAtlas.Importers.Hpt;
using PayerAtlas.Importing;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Importers.Hpt;

/// <summary>Hostile input: cut or damaged copies of the real examples fail with an ImportException or a counted rejection, never anything else.</summary>
public class HptFuzzTests
{
    static Exception? Read(byte[] bytes, string name)
    {
        try
        {
            HptReader.Read(new MemoryStream(bytes), name, new RateBenchmarkList());
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Json_cut_anywhere_before_its_end_is_an_import_error(int seed)
    {
        var random = new Random(seed);
        foreach (var file in new[] { HptFiles.JsonV3, HptFiles.JsonV2 })
        {
            var bytes = File.ReadAllBytes(file);
            var last = Array.LastIndexOf(bytes, (byte)'}');
            for (var i = 0; i < 40; i++)
            {
                var cut = random.Next(1, last);
                var error = Read(bytes[..cut], "cut.json");
                Assert.True(error is ImportException, $"cut at {cut}: {error?.GetType().Name ?? "no error"} {error?.Message}");
                Assert.Contains("cut.json: ", error!.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Damaged_csv_and_json_fail_cleanly_or_reject_rows(int seed)
    {
        var random = new Random(seed);
        foreach (var file in HptFiles.All)
        {
            var original = File.ReadAllBytes(file);
            for (var i = 0; i < 40; i++)
            {
                var bytes = (byte[])original.Clone();
                for (var n = 0; n < 3; n++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)"\",|{}[]:\n x9\0"[random.Next(13)];
                }

                var error = Read(i % 2 == 0 ? bytes : bytes[..random.Next(1, bytes.Length)], Path.GetFileName(file));
                Assert.True(error is null or ImportException, $"{Path.GetFileName(file)} damage {i}: {error}");
            }
        }
    }
}
