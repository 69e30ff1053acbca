using System.Globalization;
using System.Text;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importing;

namespace PayerAtlas.Bench.Claims;

/// <summary>
/// Writes a full-size NCCI practitioner PTP table (four ccipra-style files), a practitioner MUE table and a batch of
/// claim lines, all in CMS's layouts, over the real codes of the CMS fee schedule. Seeded: the same arguments give the
/// same files. The edits are invented; only their shape and size follow CMS's tables.
/// </summary>
public sealed class Generator(IReadOnlyList<string> codes, IReadOnlyList<string> payable, IReadOnlySet<string> splittable, int seed)
{
    static readonly string[] Rationales =
    [
        "Standards of medical / surgical practice", "Mutually exclusive procedures", "Misuse of column two code with column one code",
        "CPT Manual or CMS manual coding instructions", "More extensive procedure", "HCPCS/CPT procedure code definition",
        "Anesthesia service included in surgical procedure", "Sequential procedure", "Laboratory panel", "Deleted/Terminated code",
    ];

    readonly Random random = new(seed);
    readonly double[] zipf = Cumulative(codes.Count, 0.9);
    readonly double[] billed = Cumulative(payable.Count, 0.9);

    /// <summary>Codes are popular in a long-tailed way, as real billing is: weights 1/rank^s over a shuffled code list.</summary>
    static double[] Cumulative(int n, double s)
    {
        var c = new double[n];
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            total += 1 / Math.Pow(i + 1, s);
            c[i] = total;
        }

        for (var i = 0; i < n; i++)
        {
            c[i] /= total;
        }

        return c;
    }

    string[]? shuffled;
    string[]? shuffledPayable;

    /// <summary>A column 2 code of an edit: any code, long-tailed.</summary>
    string Popular()
    {
        shuffled ??= [.. codes.OrderBy(_ => random.Next())];
        var at = Array.BinarySearch(zipf, random.NextDouble());
        return shuffled[Math.Min(at < 0 ? ~at : at, shuffled.Length - 1)];
    }

    /// <summary>A code on a claim: one Medicare pays, long-tailed.</summary>
    string Billed()
    {
        shuffledPayable ??= [.. payable.OrderBy(_ => random.Next())];
        var at = Array.BinarySearch(billed, random.NextDouble());
        return shuffledPayable[Math.Min(at < 0 ? ~at : at, shuffledPayable.Length - 1)];
    }

    /// <summary>The fee schedule's codes, those Medicare pays (status A), and those with PC/TC indicator 1 (they take 26 and TC).</summary>
    public static (IReadOnlyList<string> Codes, IReadOnlyList<string> Payable, IReadOnlySet<string> Splittable) FeeScheduleCodes(string pprrvuCsv)
    {
        using var stream = File.OpenRead(pprrvuCsv);
        var rows = PprrvuCsvReader.Read(TextLines.Read(stream, TextLines.StrictUtf8, pprrvuCsv), pprrvuCsv).ToList();
        return ([.. rows.Select(r => r.Hcpcs).Distinct().Order(StringComparer.Ordinal)],
            [.. rows.Where(r => r.StatusCode == "A").Select(r => r.Hcpcs).Distinct().Order(StringComparer.Ordinal)],
            rows.Where(r => r.PcTcIndicator == "1").Select(r => r.Hcpcs).ToHashSet(StringComparer.Ordinal));
    }

    public sealed record Edit(string Column1, string Column2, bool Prior, int Effective, int? Deletion, int Indicator, string Rationale);

    public List<Edit> Edits(int count)
    {
        var seen = new HashSet<(string, string)>();
        var edits = new List<Edit>(count + count / 50);
        while (edits.Count < count)
        {
            var column1 = codes[random.Next(codes.Count)];
            var column2 = Popular();
            if (column1 == column2 || !seen.Add((column1, column2)))
            {
                continue;
            }

            var effective = Quarter(1996, 2026);
            var roll = random.NextDouble();
            var indicator = random.NextDouble() < 0.3 ? 0 : 1;
            int? deletion = null;
            if (roll < 0.03)
            {
                (indicator, deletion) = (9, effective);
            }
            else if (roll < 0.22 && effective < 20251001)
            {
                deletion = QuarterEnd(effective);
            }

            var edit = new Edit(column1, column2, effective == 19960101 && random.NextDouble() < 0.5, effective, deletion, indicator, Rationales[random.Next(Rationales.Length)]);
            edits.Add(edit);
            if (deletion is { } d && d != effective && random.NextDouble() < 0.1)
            {
                // Deleted, then reinstated later with the other indicator: one pair, two periods.
                var again = NextQuarter(d);
                edits.Add(edit with { Effective = again, Deletion = null, Indicator = 1 - Math.Min(indicator, 1), Prior = false });
            }
        }

        edits.Sort((a, b) => (string.CompareOrdinal(a.Column1, b.Column1), string.CompareOrdinal(a.Column2, b.Column2), a.Effective.CompareTo(b.Effective)) switch
        {
            (not 0 and var x, _, _) => x,
            (_, not 0 and var y, _) => y,
            (_, _, var z) => z,
        });
        return edits;
    }

    int Quarter(int from, int to)
    {
        var year = from + random.Next(to - from + 1);
        var month = 1 + 3 * random.Next(4);
        return year == 1996 && random.NextDouble() < 0.5 ? 19960101 : year * 10000 + month * 100 + 1;
    }

    int QuarterEnd(int effective)
    {
        var start = DateOnly.ParseExact(effective.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture);
        var end = start.AddMonths(3 * (1 + random.Next(Math.Max(1, (new DateOnly(2025, 12, 31).DayNumber - start.DayNumber) / 92)))).AddDays(-1);
        if (end > new DateOnly(2025, 12, 31))
        {
            end = new DateOnly(2025, 12, 31);
        }

        return end.Year * 10000 + end.Month * 100 + end.Day;
    }

    static int NextQuarter(int yyyymmdd)
    {
        var d = DateOnly.ParseExact(yyyymmdd.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture).AddDays(1);
        return d.Year * 10000 + d.Month * 100 + d.Day;
    }

    /// <summary>Four files split by column 1 code, each with the preamble and two-line header of CMS's PTP files.</summary>
    public static void WritePtp(string folder, IReadOnlyList<Edit> edits)
    {
        var parts = 4;
        var per = (edits.Count + parts - 1) / parts;
        for (var part = 0; part < parts; part++)
        {
            using var w = new StreamWriter(Path.Combine(folder, $"ccipra-v999r0-f{part + 1}.txt"), false, Encoding.Latin1, 1 << 16) { NewLine = "\r\n" };
            w.WriteLine("SYNTHETIC BENCHMARK TABLE for PayerAtlas: laid out like a CMS NCCI procedure-to-procedure edit file; every edit is invented.");
            w.WriteLine("CPT\u00ae codes belong to their owner; this file holds codes only.");
            w.WriteLine("Column1/Column 2 Edits");
            w.WriteLine("Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date\tModifier\tPTP Edit Rationale");
            w.WriteLine("\t\t\t\t*=no data\t0=not allowed 1=allowed 9=not applicable\t");
            foreach (var e in edits.Skip(part * per).Take(per))
            {
                w.Write(e.Column1);
                w.Write('\t');
                w.Write(e.Column2);
                w.Write('\t');
                w.Write(e.Prior ? "*" : "");
                w.Write('\t');
                w.Write(e.Effective.ToString(CultureInfo.InvariantCulture));
                w.Write('\t');
                w.Write(e.Deletion?.ToString(CultureInfo.InvariantCulture) ?? "*");
                w.Write('\t');
                w.Write(e.Indicator.ToString(CultureInfo.InvariantCulture));
                w.Write('\t');
                w.WriteLine(e.Rationale);
            }
        }
    }

    public void WriteMue(string path)
    {
        using var w = new StreamWriter(path, false, Encoding.Latin1) { NewLine = "\r\n" };
        w.WriteLine("\"SYNTHETIC BENCHMARK TABLE for PayerAtlas: laid out like a CMS MUE table; every value is invented.\r\nCPT\u00ae codes belong to their owner.\",,,");
        w.WriteLine("\"HCPCS/\r\nCPT Code\",\"Practitioner Services MUE Values\",\"MUE Adjudication Indicator\",\"MUE Rationale\"");
        string[] mai = ["1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical"];
        foreach (var code in codes)
        {
            if (random.NextDouble() < 0.8)
            {
                var kind = random.NextDouble() switch { < 0.3 => 0, < 0.5 => 1, _ => 2 };
                w.WriteLine($"{code},{1 + random.Next(6)},\"{mai[kind]}\",\"Clinical: Data\"");
            }
        }
    }

    static readonly int[] ClaimSizes = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8];
    static readonly string[] Places = ["11", "11", "11", "11", "11", "11", "22", "22", "21", "19"];

    /// <summary>
    /// Claim lines in the check command's CSV layout, billed mostly right: 26 or TC only on codes that take them, one unit
    /// mostly, a separate-site modifier on some of the column 2 lines of the edit pairs a third of the claims carry.
    /// </summary>
    public void WriteLines(string path, int count, IReadOnlyList<Edit> edits)
    {
        var active = edits.Where(e => e.Deletion is null).ToList();
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.WriteLine("claim_id,line,date_of_service,code,modifiers,units,place_of_service,payer");
        var written = 0;
        for (var claim = 1; written < count; claim++)
        {
            var size = Math.Min(ClaimSizes[random.Next(ClaimSizes.Length)], count - written);
            var date = new DateOnly(2026, 1, 1).AddDays(random.Next(365));
            var pos = Places[random.Next(Places.Length)];
            var lineCodes = new List<string>();
            var paired = false;
            if (size >= 2 && random.NextDouble() < 0.33)
            {
                var e = active[random.Next(active.Count)];
                lineCodes.Add(e.Column1);
                lineCodes.Add(e.Column2);
                paired = true;
            }

            while (lineCodes.Count < size)
            {
                lineCodes.Add(Billed());
            }

            for (var i = 0; i < size; i++)
            {
                var day = random.NextDouble() < 0.9 ? date : date.AddDays(1 + random.Next(3));
                var units = random.NextDouble() switch { < 0.92 => 1, < 0.98 => 2, _ => 3 + random.Next(4) };
                var modifiers = Modifiers(lineCodes[i], pos, paired && i == 1);
                w.Write($"B{claim:D7},{i + 1},{day:yyyy-MM-dd},{lineCodes[i]},{modifiers},{units},{pos},Medicare\n");
            }

            written += size;
        }
    }

    string Modifiers(string code, string pos, bool columnTwo)
    {
        var parts = new List<string>();
        if (splittable.Contains(code))
        {
            var hospital = pos is "19" or "21" or "22" or "23";
            var roll = random.NextDouble();
            if (hospital ? roll < 0.9 : roll < 0.2)
            {
                parts.Add("26");
            }
            else if (!hospital && roll < 0.3)
            {
                parts.Add("TC");
            }
        }

        if (columnTwo && random.NextDouble() < 0.5)
        {
            parts.Add(random.NextDouble() switch { < 0.4 => "XS", < 0.7 => "59", < 0.85 => "XU", _ => "XE" });
        }

        if (random.NextDouble() < 0.05)
        {
            parts.Add(random.Next(2) == 0 ? "RT" : "LT");
        }

        return string.Join(':', parts);
    }
}
