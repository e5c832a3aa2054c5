using System.Text.RegularExpressions;
using ActorMap.MultiNode.Tests.Support;
using Microsoft.Playwright;

namespace ActorMap.Dashboard.Tests.Support;

//   seed (2 local workers, dashboard on a free port) ◄── worker-1 (2 workers), worker-2 (2 workers)
//   headless chromium ──HTTP/1.1──► the seed's dashboard
/// <summary>
/// One cluster of real processes and one browser for every dashboard spec: starting them is most
/// of the time these specs take. Chromium must start: where it cannot, every spec fails (CI
/// installs it in .ci/run), never skips.
/// </summary>
public sealed partial class DashboardCluster : IAsyncLifetime
{
    public const string Name = "dashboard cluster";

    public const string Chromium = "/usr/bin/chromium";

    private readonly CollectedOutput _output = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DashboardCluster() => Cluster = new ClusterFixture(_output);

    public ClusterFixture Cluster { get; }

    public NodeProcess Seed => Cluster.Seed!;

    public IReadOnlyList<NodeProcess> Workers { get; private set; } = [];

    /// <summary>The dashboard's address as the Seed logged it (<c>dashboard on URL</c>).</summary>
    public string Url { get; private set; } = "";

    public static string Artifacts { get; } = Path.Combine(BuiltAssemblies.RepositoryRoot, "tests", "Dashboard.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        // Expect(...) retries until its deadline: as long as a job may take, on a loaded machine.
        Assertions.SetDefaultExpectTimeout((float)Timeouts.Job.TotalMilliseconds);
        // The browser first: if it cannot start, nothing else is worth starting.
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        Workers = await Cluster.StartClusterAsync(workers: 2, workersPerNode: 2);
        var line = await Seed.WaitForLineAsync("dashboard on ", Timeouts.NodeStart);
        Url = DashboardLine().Match(line.Text).Groups["url"].Value;
    }

    /// <summary>A fresh page (its own cookies and state) at the dashboard.</summary>
    public async Task<IPage> OpenAsync(Func<IPage, Task>? beforeLoad = null)
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Timeouts.Job.TotalMilliseconds);
        if (beforeLoad is not null)
        {
            await beforeLoad(page);
        }
        await page.GotoAsync(Url);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Cluster.DisposeAsync();
        _output.SaveTo(Path.Combine(Artifacts, "cluster-output.txt"));
    }

    [GeneratedRegex(@"dashboard on (?<url>http\S+)")]
    private static partial Regex DashboardLine();
}

[CollectionDefinition(DashboardCluster.Name)]
public sealed class DashboardClusterCollection : ICollectionFixture<DashboardCluster>;
