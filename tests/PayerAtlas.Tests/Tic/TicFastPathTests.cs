using System.Text;
using System.Text.RegularExpressions;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Rates;

namespace PayerAtlas.Tests.Tic;

/// <summary>
/// The hand-written fast path for negotiated rates against the general <c>Utf8JsonReader</c> path: the same
/// observations in the same order, the same result counts, and for bad input the same error (offset, path, reason).
/// </summary>
public sealed partial class TicFastPathTests
{
    public static TheoryData<string> Examples()
    {
        var root = SharedData.Path("tic");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!file.Contains($"{Path.DirectorySeparatorChar}schemas{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_CMS_example_reads_the_same_through_both_paths(string file)
    {
        var bytes = File.ReadAllBytes(SharedData.Path("tic", file));
        foreach (var size in new[] { 4096, 1 << 20 })
        {
            var fast = AssertSame(bytes, size);
            if (file.StartsWith("v2.2.0", StringComparison.Ordinal) && file.Contains("in-network-rates", StringComparison.Ordinal))
            {
                // Pretty-printed, with provider references (the 1.x examples use inline groups, which the fast path leaves alone).
                Assert.True(fast.Result!.FastRates > 0, $"{file}: no rate took the fast path");
            }
        }
    }

    [Fact]
    public void The_v2_examples_take_the_fast_path_for_every_rate()
    {
        var file = TicFiles.Example("v2.2.0", "in-network-rates", "in-network-rates-all-negotiated-types-sample.json");
        var fast = AssertSame(File.ReadAllBytes(file), 4096);
        Assert.True(fast.Result!.FastRates >= 3, $"fast rates {fast.Result.FastRates}");
    }

    [Theory]
    [InlineData(false, 4096)]
    [InlineData(false, 65536)]
    [InlineData(true, 4096)]
    [InlineData(true, 1 << 20)]
    public void A_synthetic_file_reads_the_same_through_both_paths_plain_and_gzip(bool schema2, int bufferSize)
    {
        using var dir = new TempDir();
        var options = new TicSynthesizerOptions { TargetBytes = 1_500_000, Seed = 11, SchemaVersion2 = schema2 };
        var written = TicSynthesizer.Write(dir.File("s.json"), options);
        TicSynthesizer.Write(dir.File("s.json.gz"), options with { Gzip = true });

        var fast = AssertSame(File.ReadAllBytes(dir.File("s.json")), bufferSize);
        Assert.Equal(written.Prices, fast.Items.Count);
        // Every rate but the first of each distinct provider list and those cut by a buffer refill (one in eight at 4 KB).
        Assert.InRange(fast.Result!.FastRates, written.NegotiatedRates * 7 / 10, written.NegotiatedRates);
        Assert.InRange(fast.Result.FastItemHeads, written.Items * 8 / 10, written.Items);
        AssertSame(File.ReadAllBytes(dir.File("s.json.gz")), bufferSize);

        // A price sink gets every in-network price as a record, the shared columns at most once per element and
        // network (2.x names networks per provider set; elements of one code with the same columns share them).
        var sink = new PriceListSink();
        new TicReader(new TicReaderOptions { BufferSize = bufferSize }).Read(TicSource.File(dir.File("s.json")), sink);
        Assert.Equal(written.Prices, sink.Items.Count);
        Assert.Equal(0, sink.ObservationWrites);
        Assert.InRange(sink.ItemCount, 1, schema2 ? written.NegotiatedRates : written.Items);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_edge_case_reads_the_same_through_both_paths(string name, string rates)
    {
        Assert.NotEmpty(name);
        foreach (var codesFirst in new[] { true, false })
        {
            foreach (var version in new[] { "1.0.0", "2.0.0" })
            {
                AssertSame(Document(rates, codesFirst, version), 4096);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ItemHeads))]
    public void An_element_head_reads_the_same_through_both_paths(string name, string head)
    {
        Assert.NotEmpty(name);
        var rates = string.Join(",", Cases().Take(4).Select(row => (string)row[1]));
        var first = head.Length == 0 ? "" : head + ",";
        var items = "{" + first + "\"negotiated_rates\":[" + rates + "]}," + Item(rates, codesFirst: true) + ",{" + first + "\"negotiated_rates\":[" + rates + "],\"x_after\":1}";
        var doc = Bytes(Header("1.0.0") + References + ",\"in_network\":[" + items + "]}");
        AssertSame(doc, 4096);
        AssertSame(doc, 1 << 20);
    }

    /// <summary>UTF-8 of the text with each <c>&lt;FF&gt;</c> made a 0xFF byte (never valid in UTF-8).</summary>
    static byte[] Bytes(string json)
    {
        var text = Encoding.UTF8.GetBytes(json);
        var output = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text.AsSpan(i).StartsWith("<FF>"u8))
            {
                output.Add(0xFF);
                i += 3;
            }
            else
            {
                output.Add(text[i]);
            }
        }

        return [.. output];
    }

    [Fact]
    public void Equal_arrays_of_service_codes_and_modifiers_keep_each_field_s_own_spelling()
    {
        // ["tc"] first as a service code (kept as written), then as a modifier (upper case), then the other way round:
        // the joined values were once cached by the elements alone, so the second field got the first one's spelling.
        foreach (var (first, second) in new[] { ("service_code", "billing_code_modifier"), ("billing_code_modifier", "service_code") })
        {
            var rates = $$"""{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","{{first}}":["tc"],"billing_class":"professional"},{"negotiated_type":"negotiated","negotiated_rate":2,"expiration_date":"9999-12-31","{{second}}":["tc"],"billing_class":"professional"}]}""";
            var items = AssertSame(Document(rates, codesFirst: true), 4096).Items;

            Assert.All(items, o => Assert.Equal(o.PlacesOfService.Length > 0 ? "tc" : "TC", o.PlacesOfService.Length > 0 ? o.PlacesOfService : o.Modifiers));
            Assert.Contains(items, o => o.PlacesOfService == "tc");
            Assert.Contains(items, o => o.Modifiers == "TC");
        }
    }

    [Fact]
    public void The_plain_cases_do_take_the_fast_path()
    {
        // Two elements of three rates each; the lists [2,3] and [3,2] are new in the first element (the general path
        // computes and caches their providers), so 4 of the 6 rates are fast.
        var fast = AssertSame(Document(Cases().Select(row => (string)row[1]).ElementAt(2), codesFirst: true), 4096);
        Assert.Equal(4, fast.Result!.FastRates);
        Assert.Equal(8, fast.Items.Count);
    }

    [Fact]
    public void A_buffer_refill_at_every_byte_of_a_price_reads_the_same()
    {
        var rates = string.Join(",", Enumerable.Range(0, 60).Select(n => $$"""{"provider_references":[{{(n % 3) + 1}}],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":{{n}}.{{n % 7}}5,"expiration_date":"9999-12-31","service_code":["{{10 + (n % 5)}}"],"billing_class":"professional"},{"negotiated_type":"derived","negotiated_rate":{{n * 3}},"expiration_date":"2026-06-30","billing_class":"institutional","billing_code_modifier":["TC"]}]}"""));
        long fastRates = 0;
        for (var pad = 0; pad < 300; pad++)
        {
            // Leading whitespace moves every byte, so the 4 KB refills cut the prices at each position in turn.
            var doc = Document(rates, codesFirst: pad % 2 == 0, pad: new string(' ', pad));
            var fast = AssertSame(doc, 4096);
            Assert.Equal(240, fast.Items.Count);
            fastRates += fast.Result!.FastRates;
        }

        Assert.True(fastRates > 300 * 50, $"fast rates {fastRates}");
    }

    [Fact]
    public void Cut_or_corrupted_input_fails_the_same_way_through_both_paths()
    {
        var doc = Document(string.Join(",", Cases().Take(5).Select(row => (string)row[1])), codesFirst: true);
        var start = Encoding.UTF8.GetString(doc).IndexOf("\"in_network\"", StringComparison.Ordinal);
        for (var cut = start; cut < doc.Length; cut += 7)
        {
            Assert.NotNull(AssertSame(doc[..cut], 4096).Error);
        }

        var random = new Random(17);
        var bytes = "{}[],:\"\\ 0123456789.-eE+anulltrue\n\u0001"u8.ToArray();
        var errors = 0;
        for (var n = 0; n < 1500; n++)
        {
            var bad = (byte[])doc.Clone();
            bad[random.Next(start, bad.Length)] = bytes[random.Next(bytes.Length)];
            if (random.Next(3) == 0)
            {
                bad[random.Next(start, bad.Length)] = bytes[random.Next(bytes.Length)];
            }

            errors += AssertSame(bad, 4096).Error is null ? 0 : 1;
        }

        Assert.InRange(errors, 500, 1500);
    }

    [Fact]
    public void Provider_references_after_the_rates_read_the_same_through_both_paths()
    {
        var rates = string.Join(",", Cases().Take(4).Select(row => (string)row[1]));
        var doc = Encoding.UTF8.GetBytes(Header("1.0.0") + $$"""
            "in_network":[{{Item(rates, true)}},{{Item(rates, false)}}],{{References}}}
            """);
        var fast = AssertSame(doc, 4096);
        Assert.Equal(2, fast.Result!.Passes);
        Assert.True(fast.Result.FastRates > 0);

        var general = Read(() => TicSource.FromStream(new TicFiles.ForwardOnly(new MemoryStream(doc)), "f.json"), generalOnly: true, 4096);
        var spooled = Read(() => TicSource.FromStream(new TicFiles.ForwardOnly(new MemoryStream(doc)), "f.json"), generalOnly: false, 4096);
        Assert.True(spooled.Result!.Spooled);
        Assert.Equal(general.Items, spooled.Items);
    }

    const string References = """
        "provider_references":[{"provider_group_id":1,"network_name":["B","A"],"provider_groups":[{"npi":[1234567893,1234567893],"tin":{"type":"ein","value":"11-1111111"}}]},
         {"provider_group_id":2,"provider_groups":[{"npi":[2234567893],"tin":{"type":"ein","value":"22-2222222"}},{"npi":[0],"tin":{"type":"npi","value":"3234567893"}}]},
         {"provider_group_id":3,"network_name":["A"],"provider_groups":[{"npi":[1234567893,4234567893],"tin":{"type":"ein","value":"11-1111111"}}]}]
        """;

    static string Header(string version) => $$"""
        {"reporting_entity_name":"Example","reporting_entity_type":"health insurance issuer","issuer_name":"Issuer","last_updated_on":"2025-01-01","version":"{{version}}",
         "plan_name":"Plan","plan_id_type":"EIN","plan_id":"11-1111111","plan_market_type":"group",
        """;

    const string CodeFields = "\"negotiation_arrangement\":\"ffs\",\"name\":\"Service\",\"billing_code_type\":\"CPT\",\"billing_code_type_version\":\"2025\",\"billing_code\":\"77054\",\"description\":\"d\"";

    static string Item(string rates, bool codesFirst) =>
        codesFirst ? "{" + CodeFields + ",\"negotiated_rates\":[" + rates + "]}" : "{\"negotiated_rates\":[" + rates + "]," + CodeFields + "}";

    static byte[] Document(string rates, bool codesFirst, string version = "1.0.0", string pad = "") =>
        Bytes(pad + Header(version) + References + $$""","in_network":[{{Item(rates, codesFirst)}},{{Item(rates, !codesFirst)}}]}""");

    sealed record Outcome(List<RateObservation> Items, TicReadResult? Result, Exception? Error);

    static Outcome Read(Func<TicSource> source, bool generalOnly, int bufferSize, bool priceSink = false)
    {
        var prices = new PriceListSink();
        var list = new ListSink();
        IRateSink sink = priceSink ? prices : list;
        var items = priceSink ? prices.Items : list.Items;
        try
        {
            var result = new TicReader(new TicReaderOptions { BufferSize = bufferSize, GeneralPathOnly = generalOnly }).Read(source(), sink);
            return new Outcome(items, result, null);
        }
        catch (Exception e) when (e is TicFormatException or InvalidOperationException)
        {
            return new Outcome(items, null, e);
        }
    }

    /// <summary>Reads the bytes through both paths, asserts the outcomes are the same and returns the fast one.</summary>
    static Outcome AssertSame(byte[] json, int bufferSize)
    {
        var general = Read(() => TicSource.FromStream(new MemoryStream(json), "t.json"), generalOnly: true, bufferSize);
        var fast = Read(() => TicSource.FromStream(new MemoryStream(json), "t.json"), generalOnly: false, bufferSize);
        Assert.Equal(0, general.Result?.FastRates ?? 0);
        Assert.Equal(0, general.Result?.FastItemHeads ?? 0);
        Assert.Equal(general.Items, fast.Items);

        // The lake writer's form (shared columns once per run, prices as records) stands for the same rows, both paths.
        foreach (var generalOnly in new[] { true, false })
        {
            var priced = Read(() => TicSource.FromStream(new MemoryStream(json), "t.json"), generalOnly, bufferSize, priceSink: true);
            Assert.Equal(general.Items, priced.Items);
            Assert.Equal(general.Error?.GetType(), priced.Error?.GetType());
        }
        AssertSameOutcome(general, fast);

        // Read in place (a mapped file: a window onto the bytes instead of a buffer), both paths: the same outcome.
        foreach (var generalOnly in new[] { true, false })
        {
            var inPlace = Read(() => TicSource.FromStream(new TicFiles.InPlace(json), "t.json"), generalOnly, bufferSize);
            Assert.Equal(general.Items, inPlace.Items);
            AssertSameOutcome(general, inPlace);
        }

        return fast;
    }

    static void AssertSameOutcome(Outcome general, Outcome other)
    {
        Assert.Equal(general.Error?.GetType(), other.Error?.GetType());
        if (general.Error is TicFormatException g)
        {
            var f = (TicFormatException)other.Error!;
            Assert.Equal((g.ByteOffset, g.JsonPath, g.File), (f.ByteOffset, f.JsonPath, f.File));

            // The reader's own line/column inside a JsonException message counts from where the fast path resumed it.
            Assert.Equal(WithoutReaderPosition(g.Reason), WithoutReaderPosition(f.Reason));
        }
        else if (general.Error is not null)
        {
            Assert.Equal(general.Error.Message, other.Error!.Message);
        }
        else
        {
            var (a, b) = (general.Result!, other.Result!);
            Assert.Equal((a.Kind, a.Observations, a.Bytes, a.Passes, a.Spooled, a.ProviderReferences), (b.Kind, b.Observations, b.Bytes, b.Passes, b.Spooled, b.ProviderReferences));
            Assert.Equal(a.Header with { ReportingPlans = [] }, b.Header with { ReportingPlans = [] });
            Assert.Equal(a.Header.ReportingPlans, b.Header.ReportingPlans);
        }
    }

    static string WithoutReaderPosition(string reason) => ReaderPosition().Replace(reason, "");

    [GeneratedRegex(@"LineNumber: \d+ \| BytePositionInLine: \d+\.")]
    private static partial Regex ReaderPosition();
}
