using System.Text;
using PayerAtlas.Importing;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Store;

/// <summary>Each bad file is a clear error naming file, line and column, and the release before it stays intact.</summary>
public abstract class MalformedImportContract<TBackend> : StoreContract<TBackend>
    where TBackend : StoreBackend, new()
{
    readonly IPayerAtlasStore store;

    protected MalformedImportContract(ContractReleases<TBackend> releases)
        : base(releases)
    {
        store = NewStore("malformed");
        new ReleaseImporter(store).Import([SharedData.Pfs("GPCI2025.csv"), Path.Combine(RepoPaths.DemoContent, "pfs", "PPRRVU2025_Oct_demo.csv")], "good");
    }

    /// <summary>The real PPRRVU CSV with line <paramref name="line"/> (1-based) replaced.</summary>
    string PprrvuWith(int line, Func<string, string> change, string name = "PPRRVU2025_Oct.csv")
    {
        var lines = File.ReadAllLines(SharedData.Pfs("PPRRVU2025_Oct.csv"));
        lines[line - 1] = change(lines[line - 1]);
        var path = Dir.File(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    ImportException ImportFails(string path)
    {
        var e = Assert.Throws<ImportException>(() => new ReleaseImporter(store).Import([path, SharedData.Pfs("GPCI2025.csv")], "bad"));
        AssertPreviousReleaseIntact();
        return e;
    }

    void AssertPreviousReleaseIntact()
    {
        var releases = store.ListReleases();
        Assert.Equal(["good"], releases.Select(r => r.Label));
        Assert.True(releases[0].IsCurrent);
        using var reader = store.OpenReader(releases[0]);
        Assert.Equal(55, reader.Count(Dataset.FeeSchedule));
        Assert.Equal(109, reader.Count(Dataset.Gpci));
    }

    [Fact]
    public void A_truncated_row_names_its_line()
    {
        // Line 8790 is 77054's global row; cut it after the PC/TC indicator.
        var e = ImportFails(PprrvuWith(8790, l => string.Join(',', l.Split(',').Take(14))));
        Assert.Equal((8790L, "PPRRVU2025_Oct.csv"), (e.Line, Path.GetFileName(e.File)));
        Assert.Contains("row has 14 fields", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_number_names_its_line_column_and_field()
    {
        var e = ImportFails(PprrvuWith(8790, l => l.Replace(",0.45,", ",0.4x5,", StringComparison.Ordinal)));
        Assert.Equal(8790, e.Line);
        var expectedColumn = File.ReadAllLines(e.File)[8789].IndexOf("0.4x5", StringComparison.Ordinal) + 1;
        Assert.Equal(expectedColumn, e.Column);
        Assert.Contains("WORK RVU: '0.4x5' is not a number", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_1252_byte_in_a_utf8_file_is_reported_as_wrong_encoding()
    {
        var lines = File.ReadAllLines(SharedData.Pfs("PPRRVU2025_Oct.csv")).ToList();
        var path = Dir.File("PPRRVU2025_Oct.csv");
        using (var output = File.Create(path))
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var bytes = Encoding.ASCII.GetBytes(lines[i]).ToList();
                if (i == 8789)
                {
                    bytes.Insert(20, 0x92); // a curly apostrophe in Windows-1252
                }

                output.Write(bytes.ToArray());
                output.Write("\r\n"u8);
            }
        }

        var e = ImportFails(path);
        Assert.Equal((8790L, 21), (e.Line, e.Column));
        Assert.Contains("0x92 is not valid utf-8: wrong encoding", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_file_is_an_unknown_layout()
    {
        var path = Dir.File("PPRRVU-utf16.csv");
        File.WriteAllText(path, File.ReadAllText(SharedData.Pfs("GPCI2025.csv")), Encoding.Unicode);
        var e = ImportFails(path);
        Assert.Contains("UTF-16", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_layout_named_explicitly_is_an_error()
    {
        var path = Dir.Write("notes.csv", "name,value\nfoo,1\n");
        var e = ImportFails(path);
        Assert.Contains("unknown layout (first line: 'name,value')", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_fixed_width_record_names_its_length()
    {
        var lines = File.ReadAllLines(SharedData.Pfs("PPRRVU2025_Oct.txt"));
        lines[8786] = lines[8786][..100];
        var path = Dir.File("PPRRVU2025_Oct.txt");
        File.WriteAllLines(path, lines);
        var e = ImportFails(path);
        Assert.Equal((8787L, 101), (e.Line, e.Column));
        Assert.Contains("record is 100 characters", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_content_file_rolls_back_the_whole_import()
    {
        var good = Path.Combine(RepoPaths.DemoContent, "codes", "77054.md");
        var bad = Dir.Write("content/codes/77053.md", "---\ncode: 77053\ncolour: blue\n---\n");
        File.Copy(good, Dir.File("content/codes/77054.md"));
        var e = Assert.Throws<ImportException>(() => new ReleaseImporter(store).Import([Dir.File("content")], "bad"));
        Assert.Equal((bad, 3L), (e.File, e.Line));
        AssertPreviousReleaseIntact();
    }
}
