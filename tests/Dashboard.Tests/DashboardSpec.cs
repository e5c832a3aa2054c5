using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActorMap.Dashboard.Tests.Support;
using ActorMap.MultiNode.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorMap.Dashboard.Tests;

//   seed (2 workers) ◄── worker-1 (2), worker-2 (2) [+ a third, SIGKILLed mid-job]
//   chromium ──► the seed's dashboard: what a person sees, read from the page itself
/// <summary>The Seed's dashboard in a real browser, against real node processes.</summary>
[Collection(DashboardCluster.Name)]
[Trait("Category", "Browser")]
public sealed partial class DashboardSpec(DashboardCluster fixture)
{
    private ClusterFixture Cluster => fixture.Cluster;

    [Fact]
    public async Task The_cluster_panel_must_show_every_member_Up_with_its_load_and_workers()
    {
        var page = await fixture.OpenAsync();

        await Expect(page.Locator("#members tr.member")).ToHaveCountAsync(3);
        foreach (var node in fixture.Workers.Prepend(fixture.Seed))
        {
            var row = Member(page, node);
            await Expect(row).ToHaveAttributeAsync("data-status", "Up");
            await Expect(row).ToHaveAttributeAsync("data-reachable", "true");
            // CPU, working set and GC heap come from the node's own load report, once a second.
            await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(Percent());
            await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync(Mebibytes());
            await Expect(row.Locator("td").Nth(6)).ToHaveTextAsync(Mebibytes());
            await Expect(row.Locator("td").Nth(7)).ToHaveTextAsync(new Regex(@"/ 2$"));
            await Expect(page.Locator("#events")).ToContainTextAsync(node.Endpoint);
        }
        foreach (var worker in fixture.Workers)
        {
            // Each node counts its workers inside a chunk (the Worker actor does, for every node).
            await Expect(Member(page, worker).Locator("td").Nth(7)).ToHaveTextAsync(new Regex(@"^\d / 2$"));
        }
        await Expect(page.Locator("#no-workers")).ToBeHiddenAsync();
        await DashboardCluster.ScreenshotAsync(page, "cluster");
    }

    [Fact]
    public async Task A_running_jobs_progress_must_advance_and_its_task_stream_show_chunks_from_both_nodes()
    {
        var gate = CloseGate();
        var console = Cluster.StartGatedJob();
        var page = await fixture.OpenAsync();

        var running = page.Locator("#jobs tr.job[data-state='running']");
        await Expect(running).ToHaveCountAsync(1);
        var id = await running.GetAttributeAsync("data-job-id");
        var row = Job(page, id!);
        // The free elements are done, the rest wait at the gate: the bar stands part-way.
        await page.WaitForFunctionAsync(
            $"() => {{ const r = document.querySelector(\"tr.job[data-job-id='{id}']\"); return r !== null && +r.dataset.elementsDone >= {JobGate.FreeElements}; }}");
        var partWay = long.Parse((await row.GetAttributeAsync("data-elements-done"))!, CultureInfo.InvariantCulture);
        Assert.InRange(partWay, JobGate.FreeElements, JobGate.Elements - 1);
        await Expect(row.Locator("td.fn")).ToContainTextAsync("GetEnvironmentVariable");
        await DashboardCluster.ScreenshotAsync(page, "running-job");

        gate.Open();

        await Expect(row).ToHaveAttributeAsync("data-state", "succeeded");
        await Expect(row).ToHaveAttributeAsync("data-elements-done", JobGate.Elements.ToString(CultureInfo.InvariantCulture));
        await Expect(row.Locator("td").Nth(4)).ToContainTextAsync("100 %");
        var summary = await StreamOfAsync(page, id!, "succeeded");
        var nodes = ChunksByNode(await summary.GetAttributeAsync("data-nodes"));
        foreach (var worker in fixture.Workers)
        {
            Assert.True(nodes.GetValueOrDefault(worker.Endpoint) > 0, $"no chunk of {worker.Endpoint} drawn: {string.Join(", ", nodes)}");
        }
        // One bar per chunk: nothing failed or was taken back.
        await Expect(summary).ToHaveAttributeAsync("data-spans", (JobGate.Elements / int.Parse(JobGate.ChunkSize, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
        await DashboardCluster.ScreenshotAsync(page, "task-stream");
        var result = await ClusterFixture.FinishAsync(console, Timeouts.Job);
        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
    }

    [Fact]
    public async Task A_killed_WorkerNodes_chunks_must_show_as_redispatched_and_the_job_still_succeed()
    {
        var doomed = await Cluster.StartWorkerAsync(workers: 2);
        var page = await fixture.OpenAsync();
        // Registered with the Seed: the next job's chunks go to it too.
        await Expect(Member(page, doomed).Locator("td").Nth(7)).ToHaveTextAsync(new Regex(@" / 2$"));
        var gate = CloseGate();
        var console = Cluster.StartGatedJob();
        var running = page.Locator("#jobs tr.job[data-state='running']");
        await Expect(running).ToHaveCountAsync(1);
        var id = (await running.GetAttributeAsync("data-job-id"))!;
        // It finished free chunks, so it holds gated ones now.
        await page.WaitForFunctionAsync(
            $"() => {{ const s = document.getElementById('stream-summary'); return s.dataset.jobId === '{id}' && (JSON.parse(s.dataset.nodes)['{doomed.Endpoint}'] || 0) > 0; }}");

        doomed.Kill();
        gate.Open();

        var row = Job(page, id);
        await Expect(row).ToHaveAttributeAsync("data-state", "succeeded");
        var summary = await StreamOfAsync(page, id, "succeeded");
        Assert.True(int.Parse((await summary.GetAttributeAsync("data-redispatched"))!, CultureInfo.InvariantCulture) > 0,
            "no re-dispatched chunk drawn: " + await summary.TextContentAsync());
        await Expect(row.Locator("td").Nth(9)).Not.ToHaveTextAsync("0");
        await Expect(Member(page, doomed)).ToHaveCountAsync(0);
        await Expect(page.Locator("#events li[data-event='removed']").Filter(new() { HasText = doomed.Endpoint })).ToHaveCountAsync(1);
        await DashboardCluster.ScreenshotAsync(page, "redispatched");
        var result = await ClusterFixture.FinishAsync(console, Timeouts.Job);
        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
    }

    [Fact]
    public async Task A_failed_job_must_show_its_element_error_and_worker_side_trace_as_text()
    {
        // Markup in the lambda and in the message: the page must show it, never render it.
        var result = await Cluster.RunConsoleAsync("map", "x => x == 500 ? throw new InvalidOperationException(\"<b>not bold</b>\") : x",
            "--range", "0..2000", "--chunk-size", "100");
        Assert.True(result.ExitCode == 1, result.ToString());

        var page = await fixture.OpenAsync();

        await Expect(page.Locator("#failure")).ToBeVisibleAsync();
        await Expect(page.Locator("#failure-element")).ToHaveTextAsync("500");
        await Expect(page.Locator("#failure-type")).ToHaveTextAsync("System.InvalidOperationException");
        await Expect(page.Locator("#failure-message")).ToHaveTextAsync("<b>not bold</b>");
        await Expect(page.Locator("#failure-node")).ToContainTextAsync("/user/workers/worker-");
        await Expect(page.Locator("#failure-trace")).ToContainTextAsync("at ");
        await Expect(page.Locator("#jobs tr.job[data-state='failed'] td.fn").First).ToContainTextAsync("\"<b>not bold</b>\"");
        await Expect(page.Locator("main b")).ToHaveCountAsync(0);
        await DashboardCluster.ScreenshotAsync(page, "failed-job");
    }

    [Fact]
    public async Task A_Seed_the_page_cannot_reach_must_show_a_banner_until_it_reconnects()
    {
        var page = await fixture.OpenAsync(p => p.RouteAsync("**/events", route => route.AbortAsync()));

        await Expect(page.Locator("#banner")).ToBeVisibleAsync();
        await Expect(page.Locator("#banner")).ToContainTextAsync("unreachable");

        await page.UnrouteAsync("**/events");
        // EventSource retries by itself; the next overview clears the banner.
        await Expect(page.Locator("#banner")).ToBeHiddenAsync();
        await Expect(page.Locator("#members tr.member").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_cluster_with_no_workers_and_no_jobs_must_say_so()
    {
        const string empty = "event: overview\ndata: {\"at\":\"2026-01-01T00:00:00+00:00\",\"dashboard_url\":null,\"cluster\":{\"leader\":\"\",\"members\":[],\"events\":[],"
            + "\"late_results_dropped\":0,\"chunks_redispatched\":0},\"cluster_error\":null,\"running\":[],\"recent\":[]}\n\n";
        var page = await fixture.OpenAsync(p => p.RouteAsync("**/events", route => route.FulfillAsync(new() { ContentType = "text/event-stream", Body = empty })));

        await Expect(page.Locator("#no-workers")).ToBeVisibleAsync();
        await Expect(page.Locator("#no-jobs")).ToBeVisibleAsync();
    }

    private JobGate CloseGate()
    {
        // One gate file per cluster, and one cluster for every spec: shut it again for this job.
        File.Delete(Cluster.GateFile);
        return new JobGate(Cluster);
    }

    private static ILocator Member(IPage page, NodeProcess node) => page.Locator($"#members tr.member[data-address$='@{node.Endpoint}']");

    private static ILocator Job(IPage page, string id) => page.Locator($"#jobs tr.job[data-job-id='{id}']");

    /// <summary>The task stream's summary once it shows job <paramref name="id"/> in <paramref name="state"/>, every span drawn.</summary>
    private static async Task<ILocator> StreamOfAsync(IPage page, string id, string state)
    {
        var summary = page.Locator("#stream-summary");
        await Expect(summary).ToHaveAttributeAsync("data-job-id", id);
        await Expect(summary).ToHaveAttributeAsync("data-state", state);
        return summary;
    }

    private static Dictionary<string, int> ChunksByNode(string? json) =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(json ?? "{}") ?? [];

    [GeneratedRegex(@"^\d+\.\d %$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^\d+\.\d MiB$")]
    private static partial Regex Mebibytes();
}
