using System.Net;
using ActorMap.Hosting.Dashboard;
using ActorMap.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ActorMap.Hosting.Tests.Dashboard;

//   seed (plaintext, no token) ── dashboard port (HTTP/1.1) ◄── a browser, a script, hostile peers
/// <summary>Without TLS the dashboard has a port of its own: open on loopback like the API, and guarded like it.</summary>
[Collection(GuardedCluster.Name)]
public sealed class DashboardPortSpec(GuardedCluster cluster)
{
    private int Port => new Uri(Url).Port;

    private string Url => cluster.Cluster.Seed.Services.GetRequiredService<DashboardAddress>().Url!;

    [Fact]
    public async Task Without_a_token_on_loopback_the_dashboard_must_be_open_and_show_the_cluster()
    {
        using var client = new DashboardClient(Url);

        using var overview = await client.GetAsync("/api/overview");

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var json = await overview.Content.ReadAsStringAsync();
        Assert.Contains("\"members\":[", json, StringComparison.Ordinal);
        Assert.Contains($"\"dashboard_url\":\"http://127.0.0.1:{Port}/\"", json, StringComparison.Ordinal);
        Assert.Contains($"dashboard on http://127.0.0.1:{Port}/", Assert.Single(cluster.Log.Mentioning("dashboard on ")).Console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage", new byte[] { 0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a })]
    [InlineData("gRPC's preface", new byte[] { 0x50, 0x52, 0x49, 0x20, 0x2a, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f, 0x32 })]
    [InlineData("a POST", new byte[] { 0x50, 0x4f, 0x53, 0x54, 0x20, 0x2f, 0x20 })]
    public async Task What_is_not_an_HTTP11_GET_must_be_dropped_with_one_line_and_the_dashboard_keep_serving(string what, byte[] bytes)
    {
        using var peer = await RawTcp.ConnectAsync(Port);
        await peer.SendAsync(bytes);

        await peer.AwaitClosedByNodeAsync(GuardedCluster.Deadline);

        var line = await OneLine.AssertLoggedOnceAsync(cluster.Log, peer.Address, "not an HTTP/1.1 GET (the dashboard)");
        Assert.True(line.Console.Length < 400, $"{what}: {line.Console}");
        using var client = new DashboardClient(Url);
        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
