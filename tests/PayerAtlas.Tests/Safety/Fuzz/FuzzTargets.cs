using System.IO.Compression;
using System.Text;
using PayerAtlas.Claims;
using PayerAtlas.Claims.Input;
using PayerAtlas.Importers.Hpt;
using PayerAtlas.Importers.Policies;
using PayerAtlas.Importers.Tic;
using PayerAtlas.Importing;
using PayerAtlas.Rates;
using PayerAtlas.Tests.Policies;

namespace PayerAtlas.Tests.Safety.Fuzz;

/// <summary>
/// Every importer, each seeded with a real file as shipped (or a real excerpt of a big one: its header and a block of
/// rows, bytes untouched). Files go through the real <see cref="ReleaseImporter"/> into a real store (detection,
/// decoding, parsing, writing, carry-forward, commit); claim lines go through their readers and the claim checker.
/// </summary>
public static class FuzzTargets
{
    static readonly TargetSyntax Csv = new(',');
    static readonly TargetSyntax Tab = new('\t');
    static readonly TargetSyntax Fixed = new(' ');
    static readonly PolicyDocumentOptions Documents = new() { Payer = "Fuzz Health", PolicyId = "FZ-1" };

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        File("pprrvu-csv", "PPRRVU2025_Oct.csv", () => Excerpt(SharedData.Pfs("PPRRVU2025_Oct.csv"), 10, 8780, 150), Csv),
        File("pprrvu-txt", "PPRRVU2025_Oct.txt", () => Excerpt(SharedData.Pfs("PPRRVU2025_Oct.txt"), 7, 8780, 150), Fixed),
        File("gpci-csv", "GPCI2025.csv", () => Whole(SharedData.Pfs("GPCI2025.csv")), Csv),
        File("gpci-txt", "GPCI2025.txt", () => Whole(SharedData.Pfs("GPCI2025.txt")), Fixed),
        File("locco-csv", "25LOCCO.csv", () => Whole(SharedData.Pfs("25LOCCO.csv")), Csv),
        File("locco-txt", "25LOCCO.txt", () => Whole(SharedData.Pfs("25LOCCO.txt")), Fixed),
        File("oppscap", "OPPSCAP_Oct.csv", () => Excerpt(SharedData.Pfs("OPPSCAP_Oct.csv"), 1, 5000, 200), Csv),
        File("hcpcs", "HCPC2020_ANWEB_w_disclaimer.txt", () => Excerpt(SharedData.Path("hcpcs", "2020", "HCPC2020_ANWEB_w_disclaimer.txt"), 9, 2995, 150), Fixed),
        File("pos-csv", "pos_codes_cms_v20240502.csv", () => Whole(SharedData.Path("pos", "pos_codes_cms_v20240502.csv")), Csv),
        File("pos-xml", "cs-CMS-PlaceofServiceCodes.xml", () => Whole(SharedData.Path("pos", "cs-CMS-PlaceofServiceCodes.xml")), new(' ', Nesting.Xml)),
        File("content-md", "77054.md", () => Whole(Path.Combine(RepoPaths.DemoContent, "codes", "77054.md")), new(':', Nesting.Yaml)),
        File("policy-yaml", "ncd-220-4-mammograms.yaml", () => Whole(Path.Combine(RepoPaths.DemoContent, "policies", "medicare", "ncd-220-4-mammograms.yaml")), new(':', Nesting.Yaml)),
        File("policy-html", "breast-policy.html", () => Whole(RepoPaths.Fixture("Policies", "breast-policy.html")), new(' ', Nesting.Xml), Documents),
        File("policy-pdf", "policy.pdf", () => PdfPolicyDocumentTests.ExamplePdf(), new(' '), Documents),
        File("ncci-ptp", "ccipra-v321r0-f2.txt", () => Whole(RepoPaths.Fixture("ncci", "ccipra-v321r0-f2.txt")), Tab),
        File("ncci-mue", "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", () => Whole(RepoPaths.Fixture("ncci", "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv")), Csv),
        File("zip", "RVU25D.zip", RvuZip, Csv),
        new("claims-csv", "claims.csv", () => Encoding.UTF8.GetBytes(ClaimsCsv), Csv, (store, path) =>
        {
            using var stream = System.IO.File.OpenRead(path);
            Check(store, ClaimLineCsv.Read(TextLines.Read(stream, TextLines.StrictUtf8, path), path));
        }),
        new("claims-json", "claims.json", () => Encoding.UTF8.GetBytes(ClaimsJson), new(',', Nesting.Json), (store, path) =>
        {
            using var stream = System.IO.File.OpenRead(path);
            var lines = new List<ClaimLine>();
            Task.Run(async () =>
            {
                await foreach (var line in ClaimLineJson.ReadAsync(stream, path))
                {
                    lines.Add(line);
                }
            }).GetAwaiter().GetResult();
            Check(store, lines);
        }),
        // Price transparency: the readers stream into a sink (no store yet). Schema 2.x only: 1.x files may name remote
        // provider-reference files, and a fuzz run must not reach the network.
        Tic("tic-in-network", "in-network-rates-multiple-plans-sample.json", "in-network-rates"),
        Tic("tic-no-npi", "in-network-rates-no-npi.json", "in-network-rates"),
        Tic("tic-allowed", "allowed-amounts-multiple-plan-sample.json", "allowed-amounts"),
        Tic("tic-toc", "table-of-contents-sample.json", "table-of-contents"),
        Hpt("hpt-csv-tall", SharedData.Path("hpt", "examples", "CSV", "Tall", "V3.0.0_Tall_CSV_Format_Example.csv"), Csv),
        Hpt("hpt-csv-wide", SharedData.Path("hpt", "examples", "CSV", "Wide", "V3.0.0_Wide_CSV_Format_Example.csv"), Csv),
        Hpt("hpt-json", SharedData.Path("hpt", "examples", "JSON", "v3_json_format_example.json"), new(',', Nesting.Json)),
    ];

    static FuzzTarget Tic(string name, string file, string folder) =>
        new(name, file, () => Whole(SharedData.Path("tic", "v2.2.0", "examples", folder, file)), new(',', Nesting.Json),
            (_, path) => new TicReader().Read(TicSource.File(path), new CountingRateSink()));

    static FuzzTarget Hpt(string name, string seed, TargetSyntax syntax) =>
        new(name, Path.GetFileName(seed), () => Whole(seed), syntax, (_, path) => HptReader.Read(path, new CountingRateSink()));

    public static FuzzTarget Named(string name) => All.Single(t => t.Name == name);

    static FuzzTarget File(string name, string fileName, Func<byte[]> seed, TargetSyntax syntax, PolicyDocumentOptions? documents = null) =>
        new(name, fileName, seed, syntax, (store, path) => store.Import([path], documents));

    static void Check(FuzzStore store, IEnumerable<ClaimLine> lines)
    {
        using var reader = store.OpenBase();
        _ = new ClaimChecker(new ReleaseCodingRules(reader)).Check(lines).ToList();
    }

    static byte[] Whole(string path) => System.IO.File.ReadAllBytes(path);

    /// <summary>The first <paramref name="head"/> lines, <paramref name="count"/> lines from 1-based line <paramref name="from"/>, and the last two lines, as bytes.</summary>
    public static byte[] Excerpt(string path, int head, int from, int count)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' && i + 1 < bytes.Length)
            {
                starts.Add(i + 1);
            }
        }

        byte[] Lines(int first, int n) // 0-based first line
        {
            var end = first + n < starts.Count ? starts[first + n] : bytes.Length;
            return bytes[starts[first]..end];
        }

        return [.. Lines(0, head), .. Lines(from - 1, count), .. Lines(starts.Count - 2, 2)];
    }

    /// <summary>A CMS-style bundle: the real GPCI and locality files in a ZIP, with a nested ZIP holding OPPSCAP rows.</summary>
    static byte[] RvuZip()
    {
        static void Add(ZipArchive zip, string name, byte[] content)
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            entry.Write(content);
        }

        using var inner = new MemoryStream();
        using (var zip = new ZipArchive(inner, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "OPPSCAP_Oct.csv", Excerpt(SharedData.Pfs("OPPSCAP_Oct.csv"), 1, 100, 50));
        }

        using var outer = new MemoryStream();
        using (var zip = new ZipArchive(outer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "GPCI2025.csv", Whole(SharedData.Pfs("GPCI2025.csv")));
            Add(zip, "25LOCCO.csv", Whole(SharedData.Pfs("25LOCCO.csv")));
            Add(zip, "oppscap.zip", inner.ToArray());
        }

        return outer.ToArray();
    }

    const string ClaimsCsv = """
        claim_id,line,date_of_service,code,modifiers,units,place_of_service,payer
        C1,1,2026-03-02,77054,26,1,22,Medicare
        C1,2,2026-03-02,77053,TC:RT,1,22,Medicare
        C2,1,03/04/2026,99213,,1,11,Aetna
        C2,2,03/04/2026,20610,59,2,11,Aetna
        C3,1,2026-03-05,71046,,1.5,21,Cigna

        """;

    const string ClaimsJson = """
        [
          {"claim_id": "C1", "line": 1, "date_of_service": "2026-03-02", "code": "77054", "modifiers": ["26"], "units": 1, "place_of_service": "22", "payer": "Medicare"},
          {"claim_id": "C1", "line": "2", "date_of_service": "2026-03-02", "code": "77053", "modifiers": "TC:RT", "units": "1", "place_of_service": 22, "payer": "Medicare"},
          {"claim_id": "C2", "line": 1, "date_of_service": "03/04/2026", "code": "99213", "modifiers": [], "units": 1, "place_of_service": "11", "payer": "Aetna", "setting": "practitioner"}
        ]

        """;
}
