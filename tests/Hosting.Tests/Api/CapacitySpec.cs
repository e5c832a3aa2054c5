using ActorMap.Compute;
using ActorMap.Hosting.Api;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Jobs;
using ActorMap.Hosting.Tests.Support;
using ActorMap.Messages;
using ActorMap.Messages.Compute;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ActorMap.Hosting.Tests.Api;

//   holders ──► seed (1 job, 2 connections at most; runs its own 2 workers) ◄── one more: refused
/// <summary>Past its job or connection limit the Seed refuses the next one, names the limit, and serves again once one ends.</summary>
public sealed class CapacitySpec : IAsyncLifetime
{
    private readonly InProcessCluster _cluster = new();

    public async Task InitializeAsync()
    {
        _cluster.Settings["actormap.api.limits.max-concurrent-jobs"] = "1";
        _cluster.Settings["actormap.api.limits.max-connections"] = "2";
        await _cluster.StartSeedAsync(workers: 2);
    }

    private int RunningJobs => _cluster.Seed.Services.GetRequiredService<SeedJobs>().Jobs.Count;

    private int OpenConnections => _cluster.Seed.Services.GetRequiredService<ConnectionGuard>().OpenConnections;

    [Fact]
    public async Task A_job_past_the_concurrent_job_limit_must_be_refused_as_exhausted_until_one_ends()
    {
        using var holderApi = RawApi.Connect(_cluster.Seed.ApiPort);
        var holder = holderApi.Jobs.Run();
        // A job whose second part has not come yet: it holds the one place.
        await holder.RequestStream.WriteAsync(new ClientMessage
        {
            Submit = new SubmitJob { FunctionSource = "x => x", Input = new Elements { ElementType = "long", Longs = PackedArrays.FromLongs([1]) }, Elements = 2, InputParts = 1 },
        });
        await Eventually.HoldsAsync(() => Task.FromResult(RunningJobs == 1), GuardedCluster.Deadline, "the first job to hold its place");

        using var api = RawApi.Connect(_cluster.Seed.ApiPort);
        var refused = await api.RefusedAsync(new ClientMessage
        {
            Submit = new SubmitJob { FunctionSource = "x => x", Input = new Elements { ElementType = "long", Range = new RangeBounds { Count = 10 } }, Elements = 10 },
        });

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("(actormap.api.limits.max-concurrent-jobs = 1)", refused.Status.Detail, StringComparison.Ordinal);
        await OneLine.AssertLoggedOnceAsync(_cluster.Log, api.Address, "refused a job from");

        holder.Dispose();
        await Eventually.HoldsAsync(() => Task.FromResult(RunningJobs == 0), GuardedCluster.Deadline, "the abandoned job to free its place");
        // Two connections are all this Seed takes: the next client needs one of them.
        holderApi.Dispose();
        api.Dispose();
        await Eventually.HoldsAsync(() => Task.FromResult(OpenConnections == 0), GuardedCluster.Deadline, "the raw clients' connections to close");
        await using var pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials());
        Assert.Equal(4_950L, await pool.MapReduceAsync<long>("x => x", new LongRange(0, 100), "sum"));
    }

    [Fact]
    public async Task A_connection_past_the_connection_limit_must_be_closed_with_one_line_naming_it()
    {
        var preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();
        using var first = await RawTcp.ConnectAsync(_cluster.Seed.ApiPort);
        using var second = await RawTcp.ConnectAsync(_cluster.Seed.ApiPort);
        await first.SendAsync(preface);
        await second.SendAsync(preface);
        await Eventually.HoldsAsync(() => Task.FromResult(OpenConnections == 2), GuardedCluster.Deadline, "two connections open");

        using (var third = await RawTcp.ConnectAsync(_cluster.Seed.ApiPort))
        {
            await third.AwaitClosedByNodeAsync(GuardedCluster.Deadline);
            await OneLine.AssertLoggedOnceAsync(_cluster.Log, third.Address, "2 are open already (actormap.api.limits.max-connections = 2)");
        }

        first.Dispose();
        second.Dispose();
        await Eventually.HoldsAsync(() => Task.FromResult(OpenConnections == 0), GuardedCluster.Deadline, "the held connections to close");
        await using var pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials());
        Assert.Equal(4_950L, await pool.MapReduceAsync<long>("x => x", new LongRange(0, 100), "sum"));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
