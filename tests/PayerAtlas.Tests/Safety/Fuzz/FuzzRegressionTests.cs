using System.IO.Compression;
using System.Text;
using PayerAtlas.Claims.Input;
using PayerAtlas.Importers.Content;
using PayerAtlas.Importers.Pfs;
using PayerAtlas.Importers.Policies;
using PayerAtlas.Importing;
using PayerAtlas.Pdf;

namespace PayerAtlas.Tests.Safety.Fuzz;

/// <summary>Each finding of the fuzz harness, reduced to a small input, with the behaviour it must have now.</summary>
public sealed class FuzzRegressionTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    static IEnumerable<TextLine> Lines(string text) => text.Split('\n').Select((l, i) => new TextLine(i + 1, l.TrimEnd('\r')));

    [Theory]
    [InlineData("pdf-argument-out-of-range.pdf", "ArgumentOutOfRangeException")]
    [InlineData("pdf-invalid-font.pdf", "InvalidFontFormatException")]
    [InlineData("pdf-index-out-of-range.pdf", "IndexOutOfRangeException")]
    [InlineData("pdf-font-type-not-implemented.pdf", "NotImplementedException")]
    public void A_damaged_pdf_that_breaks_the_pdf_library_is_reported_as_not_readable(string fixture, string thrownByPdfPig)
    {
        var path = RepoPaths.Fixture("fuzz", fixture);
        var e = Assert.Throws<ImportException>(() => new PdfPigTextReader().Read(File.OpenRead(path), fixture));
        Assert.Equal(fixture, e.File);
        Assert.StartsWith($"not a readable PDF: {thrownByPdfPig}: ", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_front_matter_is_an_error_with_its_line_not_a_stack_overflow()
    {
        // 20,000 nested flow sequences overflowed the stack inside YamlDotNet's YamlStream.Load and killed the process.
        var text = "---\ncode: 77054\ntitle: Mammo\nrelated: " + new string('[', 20_000) + "\n---\nbody\n";
        var e = Assert.Throws<ImportException>(() => ContentPackReader.Read(Lines(text), "77054.md"));
        Assert.Equal(4, e.Line);
        Assert.Contains($"nested deeper than {YamlDepth.Max} levels", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deeply_nested_policy_summary_is_an_error_with_its_line_not_a_stack_overflow()
    {
        var text = "payer: Medicare\npolicy: NCD 1\ntitle: T\nversion: \"1\"\nrules: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "\n";
        var e = Assert.Throws<ImportException>(() => PolicyYamlReader.Read(Lines(text), "p.yaml"));
        Assert.Equal(5, e.Line);
        Assert.Contains($"nested deeper than {YamlDepth.Max} levels", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_brace_that_confuses_the_yaml_parser_is_a_syntax_error_with_a_line()
    {
        var path = RepoPaths.Fixture("fuzz", "policy-stray-brace.yaml");
        var e = Assert.Throws<ImportException>(() => PolicyYamlReader.Read(TextLines.Read(File.OpenRead(path), TextLines.StrictUtf8, path), path));
        Assert.True(e.Line > 0);
        Assert.Contains("YAML syntax error: malformed YAML after this point", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_megabyte_long_gpci_row_is_rejected_at_once_instead_of_backtracking_for_minutes()
    {
        var text = "ADDENDUM E. FINAL CY 2025 GEOGRAPHIC PRACTICE COST INDICES (GPCIs)\n"
            + "Medicare Admi State  Locality   Locality Name   2025 PW GPCI2025 PE GPCI2025 MP GPCI\n"
            + "10112           AL      00   ALABAMA" + new string(' ', 1_000_000) + "1.000       0.869       0.575\n";
        var read = Task.Run(() => GpciReader.ReadFixedWidth(Lines(text), "GPCI2025.txt").ToList());
        Assert.True(Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20))).GetAwaiter().GetResult() == read, "the reader did not answer within 20 s");
        var e = Assert.IsType<ImportException>(read.Exception?.InnerException);
        Assert.Equal((3L, 401), (e.Line, e.Column));
        Assert.Contains("row is 1,000,065 characters long", e.Reason, StringComparison.Ordinal);
    }

    /// <summary>A ZIP of one stored text entry, then bytes changed by <paramref name="damage"/>.</summary>
    string Zip(Action<byte[]> damage)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("GPCI2025.csv", CompressionLevel.Optimal).Open();
            entry.Write(File.ReadAllBytes(SharedData.Pfs("GPCI2025.csv")));
        }

        var bytes = buffer.ToArray();
        damage(bytes);
        var path = dir.File("RVU25D.zip");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static int EndOfCentralDirectory(byte[] zip) => zip.AsSpan().LastIndexOf("PK\u0005\u0006"u8);

    [Fact]
    public void A_zip_whose_central_directory_is_damaged_is_not_readable_rather_than_an_InvalidDataException()
    {
        // The central directory is read lazily; the entry count in the end record no longer matches it.
        var path = Zip(z => z[EndOfCentralDirectory(z) + 10] = 7);
        var e = Assert.Throws<ImportException>(() => ImportInput.Expand([path]));
        Assert.Equal(path, e.File);
        Assert.StartsWith("not a readable ZIP: ", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_entry_with_an_unknown_compression_method_is_reported_with_the_entry_name()
    {
        var path = Zip(z =>
        {
            z[8] = 99; // local header: compression method
            var central = z.AsSpan().IndexOf("PK\u0001\u0002"u8);
            z[central + 10] = 99; // central directory: compression method
        });
        var input = Assert.Single(ImportInput.Expand([path]));
        var e = Assert.Throws<ImportException>(() => input.Sha256());
        Assert.Equal($"{path}!GPCI2025.csv", e.File);
        Assert.Contains("ZIP", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_compressed_data_names_the_entry_and_the_offset_reached()
    {
        // The deflate data starts after the 30-byte local header and the 12-byte name; block type 3 does not exist.
        var path = Zip(z => z[30 + "GPCI2025.csv".Length] = 0b111);
        var input = Assert.Single(ImportInput.Expand([path]));
        var e = Assert.Throws<ImportException>(() => TextLines.Read(input.Open(), TextLines.StrictUtf8, input.Name).ToList());
        Assert.Equal($"{path}!GPCI2025.csv", e.File);
        Assert.Matches(@"^byte offset \d+ of the unpacked entry: damaged ZIP data", e.Reason);
    }

    [Fact]
    public void Invalid_utf8_inside_a_json_claim_value_makes_that_line_invalid_not_the_check_crash()
    {
        var json = "[{\"claim_id\":\"C1\",\"line\":1,\"date_of_service\":\"2026-03-02\",\"code\":\"7705\u0001\",\"units\":1,\"place_of_service\":\"11\",\"payer\":\"A\"},"
            + "{\"claim_id\":\"C\xFF\",\"line\":2,\"date_of_service\":\"2026-03-02\",\"code\":\"77054\",\"modifiers\":[{\"x\":1}],\"units\":1,\"place_of_service\":\"11\",\"payer\":\"A\"}]";
        var bytes = Encoding.Latin1.GetBytes(json.Replace("\u0001", "4", StringComparison.Ordinal));
        var lines = Task.Run(async () =>
        {
            var read = new List<PayerAtlas.Claims.ClaimLine>();
            await foreach (var line in ClaimLineJson.ReadAsync(new MemoryStream(bytes), "lines.json"))
            {
                read.Add(line);
            }

            return read;
        }).GetAwaiter().GetResult();
        Assert.Equal(2, lines.Count);
        Assert.Null(lines[0].Invalid);
        Assert.StartsWith("item 2: ", lines[1].Invalid, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modifier_that_is_an_object_is_read_as_its_json_text_not_an_exception()
    {
        var json = "[{\"claim_id\":\"C1\",\"line\":1,\"date_of_service\":\"2026-03-02\",\"code\":\"77054\",\"modifiers\":[{\"x\":1}],\"units\":1,\"place_of_service\":\"11\",\"payer\":\"A\"}]";
        var line = Task.Run(async () =>
        {
            await foreach (var l in ClaimLineJson.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "lines.json"))
            {
                return l;
            }

            throw new InvalidOperationException("no line");
        }).GetAwaiter().GetResult();
        Assert.Equal(1, line.InputLine);
    }

    /// <summary>The real file with the first byte of its first occurrence of <paramref name="value"/> replaced by 0xFF.</summary>
    string WithBadByte(string source, string value)
    {
        var bytes = File.ReadAllBytes(source);
        bytes[bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value))] = 0xFF;
        var path = dir.File(Path.GetFileName(source));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Invalid_utf8_inside_a_tic_string_is_a_format_error_with_its_offset()
    {
        // Utf8JsonReader validates a string only when it is decoded: GetString threw InvalidOperationException.
        var path = WithBadByte(SharedData.Path("tic", "v2.2.0", "examples", "table-of-contents", "table-of-contents-sample.json"), "medicare\",");
        var e = Assert.Throws<PayerAtlas.Importers.Tic.TicFormatException>(() =>
            new PayerAtlas.Importers.Tic.TicReader().Read(PayerAtlas.Importers.Tic.TicSource.File(path), new PayerAtlas.Rates.CountingRateSink()));
        Assert.Equal("$.reporting_entity_name", e.JsonPath);
        Assert.Equal(File.ReadAllBytes(path).AsSpan().IndexOf((byte)0xFF) - 1, e.ByteOffset); // the string token starts at its quote
        Assert.Contains("not valid UTF-8", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_inside_a_hospital_json_string_is_an_import_error_with_byte_and_path()
    {
        var path = WithBadByte(SharedData.Path("hpt", "examples", "JSON", "v3_json_format_example.json"), "West Mercy Hospital\",");
        var e = Assert.Throws<ImportException>(() => PayerAtlas.Importers.Hpt.HptReader.Read(path, new PayerAtlas.Rates.CountingRateSink()));
        Assert.Matches(@"^byte \d+ \(\$\.hospital_name\): the string is not valid UTF-8", e.Reason);
    }
}
