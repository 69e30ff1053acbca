using System.Globalization;

namespace PayerAtlas.Importers.Tic;

/// <summary>Billing codes for synthetic files: numeric CPT-shaped codes by range and HCPCS Level II shapes.</summary>
internal static class SyntheticCodes
{
    /// <summary>Always-present imaging codes (screening and diagnostic mammography among them).</summary>
    public static readonly string[] Anchors = ["77067", "77066", "77065", "77063", "77054", "77053", "70450", "70551", "71046", "72148", "73721", "74177", "76700", "78452"];

    public static string[] Build(Random random)
    {
        var codes = new SortedSet<string>(Anchors, StringComparer.Ordinal);
        AddRange(codes, random, 70010, 79999, 900);
        AddRange(codes, random, 10021, 69990, 600);
        AddRange(codes, random, 80047, 89398, 300);
        AddRange(codes, random, 90281, 99607, 300);
        for (var i = 99202; i <= 99215; i++)
        {
            codes.Add(i.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var letter in "AGJ")
        {
            for (var i = 0; i < 60; i++)
            {
                codes.Add(letter + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture));
            }
        }

        return [.. codes];
    }

    static void AddRange(SortedSet<string> codes, Random random, int from, int to, int count)
    {
        for (var i = 0; i < count; i++)
        {
            codes.Add(random.Next(from, to + 1).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A stable base price in cents for a code (from its characters, not the random stream).</summary>
    public static int BasePrice(string code)
    {
        var h = 17;
        foreach (var c in code)
        {
            h = unchecked((h * 31) + c);
        }

        return 2_000 + (int)((uint)h % 150_000);
    }
}
