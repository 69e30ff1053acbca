using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PayerAtlas.Importing;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;
using PayerAtlas.Tests;

namespace PayerAtlas.Web.Tests;

/// <summary>The real web app (the Program of PayerAtlas.Web) over a real SQLite file, configured the way an operator would.</summary>
public sealed class SiteFactory(string db, string? adminToken = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<PayerAtlasWeb>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }

        builder.UseSetting("PayerAtlas:Db", db);
        builder.UseSetting("PayerAtlas:ReleasePoll", "00:00:00.050");
        if (adminToken is not null)
        {
            builder.UseSetting("PayerAtlas:AdminToken", adminToken);
        }
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

/// <summary>A database as `payeratlas demo` makes it: the bundled content pack as release 2025Q4.</summary>
public class DemoSite : IDisposable
{
    readonly TempDir dir = new();

    public DemoSite()
        : this(null, null)
    {
    }

    /// <param name="pack">Writes a content pack into the temp folder and returns its path (default: content/demo).</param>
    protected DemoSite(Func<TempDir, string>? pack, string? adminToken, Func<SqliteStore, ReleaseInfo>? next = null, Action<IServiceCollection>? services = null)
    {
        Db = dir.File("demo.db");
        using (var store = new SqliteStore(Db))
        {
            store.Migrate();
            First = new ReleaseImporter(store).Import([pack?.Invoke(dir) ?? RepoPaths.DemoContent]).Release;
            Release = next?.Invoke(store) ?? First;
        }

        Factory = new SiteFactory(Db, adminToken, services);
    }

    public string Db { get; }

    /// <summary>The demo release.</summary>
    public ReleaseInfo First { get; }

    /// <summary>The current release.</summary>
    public ReleaseInfo Release { get; }

    public SiteFactory Factory { get; }

    public TempDir Dir => dir;

    public HttpClient Client() => Factory.Client();

    public void Dispose()
    {
        Factory.Dispose();
        dir.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The demo release, then a second release that adds the real CMS GPCI file (every locality): history has something to show.</summary>
public sealed class TwoReleaseSite() : DemoSite(null, null,
    store => new ReleaseImporter(store).Import([SharedData.Pfs("GPCI2025.csv")], "2025Q4-gpci").Release);

/// <summary>The demo release with the admin import endpoint enabled.</summary>
public sealed class AdminSite() : DemoSite(null, Token)
{
    public const string Token = "test-admin-token-4f1c";
}

/// <summary>The demo release served with commercial rate benchmarks (an in-memory list) registered as the host's IRateBenchmarks.</summary>
public sealed class RatesSite() : DemoSite(null, null, null, s => s.AddSingleton<PayerAtlas.Rates.IRateBenchmarks>(Benchmarks()))
{
    public const string Payer = "Acme <Health> & Co";

    static PayerAtlas.Rates.RateBenchmarkList Benchmarks()
    {
        var list = new PayerAtlas.Rates.RateBenchmarkList();
        foreach (var (rate, line) in new[] { (120m, 4), (140m, 5), (180m, 6) })
        {
            list.Write(new PayerAtlas.Rates.RateObservation
            {
                SourceFile = "fixture-rates.csv", SourceKind = PayerAtlas.Rates.RateSourceKind.HospitalStandardCharges, Locator = $"line {line}",
                ReportingEntity = "Fixture Hospital", Payer = Payer, BillingCode = "77054", BillingCodeType = "CPT",
                NegotiatedType = "fee schedule", Rate = rate, BillingClass = PayerAtlas.Rates.BillingClass.Professional, State = "CA",
            });
        }

        // A hospital's payer-independent charges for the same code (gross and discounted cash; no min or max stated).
        foreach (var (type, amount) in new[] { ("gross", 310m), ("discounted cash", 248m) })
        {
            list.Write(new PayerAtlas.Rates.RateObservation
            {
                SourceFile = "fixture-rates.csv", SourceKind = PayerAtlas.Rates.RateSourceKind.HospitalStandardCharges, Locator = "line 7",
                ReportingEntity = Hospital, Payer = "", BillingCode = "77054", BillingCodeType = "CPT", NegotiatedType = type, Rate = amount,
                BillingClass = PayerAtlas.Rates.BillingClass.Institutional, State = "CA", Setting = "outpatient",
            });
        }

        return list;
    }

    public const string Hospital = "Fixture <Hospital> & Sons";
}
