using System.Text;
using PayerAtlas.Importing;

namespace PayerAtlas.Tests.Ncci;

/// <summary>The layout-faithful NCCI fixtures (Fixtures/ncci, written by make_fixtures.py) and helpers to bend them.</summary>
public static class NcciFixtures
{
    public static string Folder => RepoPaths.Fixture("ncci");

    public static string PractitionerPtp1 => RepoPaths.Fixture("ncci", "ccipra-v321r0-f1.txt");
    public static string PractitionerPtp2 => RepoPaths.Fixture("ncci", "ccipra-v321r0-f2.txt");
    public static string HospitalPtp => RepoPaths.Fixture("ncci", "ccioph-v321r0-f1.txt");
    public static string PractitionerMue => RepoPaths.Fixture("ncci", "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv");
    public static string HospitalMue => RepoPaths.Fixture("ncci", "MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv");
    public static string DmeMue => RepoPaths.Fixture("ncci", "MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv");

    public static Encoding Windows1252 => TextLines.Windows1252;

    /// <summary>The file's lines decoded as CMS ships them (Windows-1252).</summary>
    public static string[] Lines(string path) => Windows1252.GetString(File.ReadAllBytes(path)).Split("\r\n")[..^1];

    /// <summary>Writes lines back as CMS ships them: Windows-1252 with CRLF.</summary>
    public static string Write(TempDir dir, string name, IEnumerable<string> lines)
    {
        var path = dir.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Windows1252.GetBytes(string.Concat(lines.Select(l => l + "\r\n"))));
        return path;
    }

    /// <summary>A copy of <paramref name="path"/> with its 1-based line <paramref name="line"/> changed.</summary>
    public static string WithLine(TempDir dir, string path, int line, Func<string, string> change, string? name = null)
    {
        var lines = Lines(path);
        lines[line - 1] = change(lines[line - 1]);
        return Write(dir, name ?? Path.GetFileName(path), lines);
    }

    /// <summary>The 1-based line of the first row starting with <paramref name="prefix"/>.</summary>
    public static int LineOf(string path, string prefix) =>
        Array.FindIndex(Lines(path), l => l.StartsWith(prefix, StringComparison.Ordinal)) + 1;

    public static IEnumerable<TextLine> Text(string path)
    {
        using var stream = File.OpenRead(path);
        foreach (var line in TextLines.Read(stream, Windows1252, path))
        {
            yield return line;
        }
    }

    public static IEnumerable<TextLine> Rows(params string[] lines) => lines.Select((l, i) => new TextLine(i + 1, l));
}
