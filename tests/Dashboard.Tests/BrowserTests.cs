using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests;

/// <summary>
/// The dashboard in a real browser (headless Chromium driven by Playwright) against the demo's system: the pages load
/// without console errors, the process table lists the demo's processes, and the kill button's kill shows in the tree as
/// a restart (a new pid, the count up) without the page being reloaded. Each page's screenshot is saved as a test
/// attachment (in the test results folder with <c>--results-directory</c>; in <c>screenshots/</c> under the test's work
/// directory otherwise). Every wait is one of Playwright's expectations, bounded by <see cref="Patience"/>.
/// </summary>
[NonParallelizable]
public sealed class BrowserTests
{
    /// <summary>How long an expectation waits for the page: generous, for a loaded two-core machine.</summary>
    private const float Patience = 20_000;

    private DemoHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private readonly List<string> _consoleErrors = [];

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        var (chromium, reason) = await SystemChromium.FindAsync();
        if (chromium is null)
        {
            Assert.Ignore($"Browser tests skipped: {reason}");
        }

        SetDefaultExpectTimeout(Patience);
        _host = await DemoHost.StartAsync("browser-test@localhost");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"], // root on CI, and small /dev/shm in containers
            Timeout = Patience,
        });
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [SetUp]
    public async Task OpenPage()
    {
        _consoleErrors.Clear();
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(Patience);
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
        _page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add(error);
            }
        };
    }

    [TearDown]
    public async Task ClosePage() => await _context.CloseAsync();

    [Test, CancelAfter(120_000)]
    public async Task Home_loads_without_console_errors_and_shows_the_node_live()
    {
        await _page.GotoAsync(_host.Dashboard.Address.ToString());

        await Expect(_page.Locator("#node-name")).ToHaveTextAsync("browser-test@localhost");
        await Expect(_page.Locator("#connection")).ToHaveTextAsync("live");
        await Expect(_page.Locator("#stat-processes")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await Expect(_page.Locator("#stat-app-names")).ToHaveTextAsync("demo");
        await Expect(_page.Locator("#chart-line")).ToHaveAttributeAsync("points", new System.Text.RegularExpressions.Regex(@"\d+(\.\d+)?,\d+(\.\d+)? \d"));
        await Screenshot("dashboard-home.png");

        Assert.That(_consoleErrors, Is.Empty, "the browser's console reported errors");
    }

    [Test, CancelAfter(120_000)]
    public async Task Processes_lists_the_demo_processes_filters_them_and_shows_a_servers_state()
    {
        await _page.GotoAsync(_host.Dashboard.Address + "#processes");
        var rows = _page.Locator("#processes tbody tr");

        foreach (var name in new[] { "demo_sup", "counter", "faulty", "cache", "pingers" })
        {
            await Expect(rows.Filter(new LocatorFilterOptions { HasText = name }).First).ToBeVisibleAsync();
        }

        await _page.Locator("#filter").FillAsync("gen_server");
        await Expect(rows).ToHaveCountAsync(2); // counter and faulty; the cache is an agent
        await rows.Filter(new LocatorFilterOptions { HasText = "counter" }).ClickAsync();
        await Expect(_page.Locator("#detail [data-field=state]")).ToContainTextAsync("Ticks =");
        await Expect(_page.Locator("#detail [data-field=links]")).ToContainTextAsync(_host.Child("demo_sup").ToString());
        await Screenshot("dashboard-processes.png");

        Assert.That(_consoleErrors, Is.Empty, "the browser's console reported errors");
    }

    [Test, CancelAfter(120_000)]
    public async Task The_kill_button_kills_the_faulty_worker_and_the_tree_shows_its_restart_without_a_reload()
    {
        await _page.GotoAsync(_host.Dashboard.Address + "#applications");
        await _page.EvaluateAsync("() => { window.sameDocument = true; }"); // gone if the page were reloaded
        var faulty = _page.Locator(".box[data-id=faulty]");
        await Expect(faulty).ToHaveAttributeAsync("data-restarts", "0");
        var before = await faulty.GetAttributeAsync("data-pid");
        Assert.That(before, Is.EqualTo(_host.Child("faulty").ToString()));

        await _page.Locator("nav a[data-view=processes]").ClickAsync();
        await _page.Locator("#processes tbody tr").Filter(new LocatorFilterOptions { HasText = "faulty" }).ClickAsync();
        await _page.Locator("#detail .kill input").FillAsync("killed_from_the_page");
        await _page.Locator("#detail button", new PageLocatorOptions { HasText = "Kill" }).ClickAsync();
        await Expect(_page.Locator("#detail")).ToContainTextAsync("This process has exited.");

        await _page.Locator("nav a[data-view=applications]").ClickAsync();
        await Expect(faulty).ToHaveAttributeAsync("data-restarts", "1");
        await Expect(faulty).Not.ToHaveAttributeAsync("data-pid", before!);
        await Expect(_page.Locator("#events")).ToContainTextAsync("faulty terminated");
        await Screenshot("dashboard-applications.png");

        Assert.That(await _page.EvaluateAsync<bool>("() => window.sameDocument === true"), Is.True, "the page was reloaded");
        Assert.That(_consoleErrors, Is.Empty, "the browser's console reported errors");
    }

    private async Task Screenshot(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
