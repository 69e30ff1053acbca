using Microsoft.Playwright;

namespace PayerAtlas.Web.Tests;

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: ExecutablePath), against the real app on Kestrel
/// (a real socket on 127.0.0.1) over the demo database and over the hostile one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public DemoSite Demo { get; } = new();
    public HostileSite Hostile { get; } = new();
    public string DemoUrl { get; private set; } = "";
    public string HostileUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    IPlaywright? playwright;

    /// <summary>Screenshots land here (bin/…/screenshots) for people to look at.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        DemoUrl = Start(Demo.Factory);
        HostileUrl = Start(Hostile.Factory);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Timeout = 60_000,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    static string Start(SiteFactory factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        return factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        Demo.Dispose();
        Hostile.Dispose();
    }
}
