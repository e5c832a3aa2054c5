using System.Threading.Channels;
using ActorMap.Compute.Telemetry;
using ActorMap.Hosting.Dashboard;
using ActorMap.Hosting.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace ActorMap.Hosting.Tests.Dashboard;

/// <summary>A job's task stream to the browser: coalesced, so a fast job cannot flood the page.</summary>
public sealed class TaskStreamSpec : IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();
    private readonly ClusterJob _job = new(7);
    private readonly JobRecorder _recorder;
    private readonly Channel<bool> _ticks = Channel.CreateUnbounded<bool>();
    // Written each time the stream starts waiting for a tick: it has done all it will do until then.
    private readonly Channel<bool> _waiting = Channel.CreateUnbounded<bool>();
    private readonly Channel<(string Name, object Payload)> _sent = Channel.CreateUnbounded<(string, object)>();
    private bool _ended;
    private int _chunks;

    public TaskStreamSpec()
    {
        _recorder = new JobRecorder(_job.Id, "x => x * x", _time);
        _recorder.Begin(elements: 1_000_000, chunks: 100_000, workers: 2);
        _job.Recorder = _recorder;
    }

    [Fact]
    public async Task RunAsync_ManySpansBetweenTicks_SendsThemAllInOneMessagePerTick()
    {
        Finish(50_000);
        using var stop = new CancellationTokenSource(s_deadline);
        var stream = new TaskStream(() => (_job, _ended), _time, NextTickAsync);
        var running = stream.RunAsync((name, payload, _) => _sent.Writer.WriteAsync((name, payload)).AsTask(), stop.Token);

        // A page opened mid-job gets the whole history at once.
        var first = await NextBatchAsync(stop.Token);
        Assert.Equal((0, 50_000), (first.From, first.Spans.Count));
        await _waiting.Reader.ReadAsync(stop.Token);

        Finish(10_000);
        Tick();
        var second = await NextBatchAsync(stop.Token);
        Assert.Equal((50_000, 10_000), (second.From, second.Spans.Count));
        Assert.Equal(60_000, second.Job.ChunksDone);
        await _waiting.Reader.ReadAsync(stop.Token);

        // Nothing new: a tick sends nothing, so the next message starts where the last ended.
        Tick();
        await _waiting.Reader.ReadAsync(stop.Token);
        Finish(1);
        _recorder.Ended("succeeded");
        _ended = true;
        Tick();
        var third = await NextBatchAsync(stop.Token);
        Assert.Equal((60_000, 1), (third.From, third.Spans.Count));
        var (name, _) = await _sent.Reader.ReadAsync(stop.Token);
        Assert.Equal("end", name);
        await running.WaitAsync(stop.Token);
    }

    [Fact]
    public async Task RunAsync_JobNoLongerKept_SaysSoAndEnds()
    {
        using var stop = new CancellationTokenSource(s_deadline);
        var stream = new TaskStream(() => null, _time, NextTickAsync);

        await stream.RunAsync((name, payload, _) => _sent.Writer.WriteAsync((name, payload)).AsTask(), stop.Token);

        Assert.Equal("gone", (await _sent.Reader.ReadAsync(stop.Token)).Name);
    }

    private void Finish(int count)
    {
        for (var i = 0; i < count; i++, _chunks++)
        {
            _recorder.Finished(_chunks, _chunks * 10L, 10, i % 2 == 0 ? "127.0.0.1:4053" : "127.0.0.1:4054", "worker-1",
                default, TimeSpan.FromMilliseconds(1), done: true);
        }
    }

    private async Task NextTickAsync(CancellationToken cancellationToken)
    {
        _waiting.Writer.TryWrite(true);
        await _ticks.Reader.ReadAsync(cancellationToken);
    }

    private void Tick() => Assert.True(_ticks.Writer.TryWrite(true));

    private async Task<TaskBatch> NextBatchAsync(CancellationToken cancellationToken)
    {
        var (name, payload) = await _sent.Reader.ReadAsync(cancellationToken);
        Assert.Equal("spans", name);
        return Assert.IsType<TaskBatch>(payload);
    }

    public void Dispose() => _job.Dispose();
}
