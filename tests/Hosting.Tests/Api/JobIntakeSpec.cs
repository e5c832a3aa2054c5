using ActorMap.Compute;
using ActorMap.Hosting.Tests.Support;
using ActorMap.Messages;
using ActorMap.Messages.Compute;
using Google.Protobuf;
using Grpc.Core;

namespace ActorMap.Hosting.Tests.Api;

//   raw client ──gRPC Run (lies, garbage)──► seed ; then client ──gRPC──► seed ──► worker node
/// <summary>
/// A job the Seed cannot take is refused with a gRPC status naming the limit or the lie, one log
/// line naming the client, and nothing left behind; the next job runs.
/// </summary>
[Collection(GuardedCluster.Name)]
public sealed class JobIntakeSpec(GuardedCluster cluster)
{
    public static TheoryData<string, byte[]> NotAClientMessage() => new()
    {
        // Field 0 does not exist: no message starts like this.
        { "a zero tag", [0x00, 0x01] },
        // Submit (field 1) claims 2 GB more than the message holds.
        { "a lying length", [0x0a, 0xff, 0xff, 0xff, 0xff, 0x07, 0x08, 0x01] },
        // A varint of eleven bytes: longer than any 64-bit value.
        { "an overlong varint", [0x0a, 0x0c, 0x20, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01] },
        { "garbage", Garbage.Bytes(seed: 30, length: 100) },
    };

    [Theory]
    [MemberData(nameof(NotAClientMessage))]
    public async Task A_message_that_is_no_protobuf_must_be_refused_as_invalid(string what, byte[] bytes)
    {
        using var api = RawApi.Connect(cluster.ApiPort);

        var refused = await api.RefusedAsync(bytes);

        Assert.True(refused.StatusCode == StatusCode.InvalidArgument, $"{what}: {refused.Status}");
        Assert.Contains("is not a valid ClientMessage", refused.Status.Detail, StringComparison.Ordinal);
        await OneLine.AssertLoggedOnceAsync(cluster.Log, api.Address, "refused a job from");
        await cluster.AssertServesAsync();
    }

    // As bytes: the wire types are internal, and theory data must be public.
    public static TheoryData<string, byte[][], string> Lies() => new()
    {
        { "fewer elements than declared", Wire(Submit(Longs(50), elements: 100)), "declares 100 elements, but its input carries 50" },
        { "more elements than declared", Wire(Submit(Longs(5), elements: 10, parts: 1), Part(Longs(20))), "declares 10 elements, but its input carries 25" },
        { "a range longer than declared", Wire(Submit(new Elements { ElementType = "long", Range = new RangeBounds { First = 0, Count = 5_000 } }, elements: 10)), "declares 10 elements, but its input carries 5000" },
        { "more elements than declared, parts left unread", Wire(Submit(Longs(5), elements: 10, parts: 3), Part(Longs(20))), "declares 10 elements, but its input carries at least 25" },
        { "fewer parts than declared", Wire(Submit(Longs(1), elements: 3, parts: 2), Part(Longs(1))), "the input ended after 1 of its 2 parts" },
        { "more parts than elements", Wire(Submit(Longs(1), elements: 10, parts: 1_000_000)), "declares 1000000 input parts for 10 elements" },
        { "a negative count", Wire(Submit(Longs(1), elements: -1)), "declares -1 elements" },
        { "longs under another type", Wire(Submit(new Elements { ElementType = "string", Longs = PackedArrays.FromLongs([1, 2]) }, elements: 2)), "cannot come as Longs" },
        { "a part before the submission", Wire(Part(Longs(1))), "must start with a submit message" },
    };

    [Theory]
    [MemberData(nameof(Lies))]
    public async Task A_stream_that_lies_about_its_input_must_be_refused_naming_the_lie(string what, byte[][] messages, string detail)
    {
        using var api = RawApi.Connect(cluster.ApiPort);

        var refused = await api.RefusedAsync(messages);

        Assert.True(refused.StatusCode == StatusCode.InvalidArgument, $"{what}: {refused.Status}");
        Assert.Contains(detail, refused.Status.Detail, StringComparison.Ordinal);
        await OneLine.AssertLoggedOnceAsync(cluster.Log, api.Address, detail);
        await cluster.AssertNoJobLeftAsync();
        await cluster.AssertServesAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_job_over_the_element_limit_must_be_refused_as_bad_input_naming_the_limit(bool asList)
    {
        var elements = asList ? GuardedCluster.MaxElements + 1 : GuardedCluster.MaxElements + 7;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => asList
            ? cluster.Pool.MapAsync<long, long>("x => x", new long[elements])
            : cluster.Pool.MapAsync<long>("x => x", new LongRange(0, elements)));

        var detail = $"the job has {elements} elements, more than this Seed takes (actormap.api.limits.max-elements-per-job = {GuardedCluster.MaxElements})";
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Single(cluster.Log.Mentioning(detail));
        await cluster.AssertServesAsync();
    }

    [Theory]
    [InlineData("lambda")]
    [InlineData("reduce lambda")]
    public async Task A_lambda_over_the_length_limit_must_be_refused_as_bad_input_naming_the_limit(string which)
    {
        var longest = $"x => x{new string(' ', GuardedCluster.MaxLambdaLength - 6)}";
        var tooLong = longest + " ";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => which == "lambda"
            ? cluster.Pool.MapReduceAsync<long>(tooLong, new LongRange(0, 10), "sum")
            : cluster.Pool.MapReduceAsync<long>("x => x", new LongRange(0, 10), $"(a, b) => a + b{new string(' ', GuardedCluster.MaxLambdaLength)}"));

        var detail = $"its {which} is {GuardedCluster.MaxLambdaLength + (which == "lambda" ? 1 : 15)} characters, more than this Seed takes (actormap.api.limits.max-lambda-length = {GuardedCluster.MaxLambdaLength})";
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Single(cluster.Log.Mentioning(detail));
        Assert.Equal(45L, await cluster.Pool.MapReduceAsync<long>(longest, new LongRange(0, 10), "sum"));
        await cluster.AssertServesAsync();
    }

    [Fact]
    public async Task A_message_over_the_size_limit_must_be_refused_by_gRPC_and_logged_once()
    {
        using var api = RawApi.Connect(cluster.ApiPort);

        var refused = await api.RefusedAsync(new byte[9 * 1024 * 1024]);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        await OneLine.AssertLoggedOnceAsync(cluster.Log, api.Address, "refused a job from");
        await cluster.AssertServesAsync();
    }

    [Fact]
    public async Task An_input_that_stalls_midway_must_be_refused_after_the_idle_timeout_and_leave_no_job()
    {
        using var api = RawApi.Connect(cluster.ApiPort);
        using var call = api.Jobs.Run();
        await call.RequestStream.WriteAsync(Submit(Longs(1), elements: 2, parts: 1));

        // The part never comes, and the stream stays open.
        using var deadline = new CancellationTokenSource(GuardedCluster.Deadline);
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(deadline.Token));

        Assert.Equal(StatusCode.DeadlineExceeded, refused.StatusCode);
        Assert.Contains("(actormap.api.limits.input-idle-timeout = 2s)", refused.Status.Detail, StringComparison.Ordinal);
        await OneLine.AssertLoggedOnceAsync(cluster.Log, api.Address, "the job's input stalled");
        await cluster.AssertNoJobLeftAsync();
        await cluster.AssertServesAsync();
    }

    [Fact]
    public async Task An_input_that_the_client_abandons_midway_must_leave_no_job()
    {
        using var api = RawApi.Connect(cluster.ApiPort);
        var call = api.Jobs.Run();
        await call.RequestStream.WriteAsync(Submit(Longs(1), elements: 2, parts: 1));
        await Eventually.HoldsAsync(() => Task.FromResult(cluster.RunningJobs == 1), GuardedCluster.Deadline, "the Seed to hold the job while its input arrives");

        // The client goes away mid-input: its call is reset.
        call.Dispose();

        await cluster.AssertNoJobLeftAsync();
        Assert.DoesNotContain(cluster.Log.Mentioning(api.Address), l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        await cluster.AssertServesAsync();
    }

    private static byte[][] Wire(params ClientMessage[] messages) => [.. messages.Select(m => m.ToByteArray())];

    private static Elements Longs(int count) => new() { ElementType = "long", Longs = PackedArrays.FromLongs(new long[count]) };

    private static ClientMessage Submit(Elements input, long elements, int parts = 0) =>
        new() { Submit = new SubmitJob { FunctionSource = "x => x", Input = input, Elements = elements, InputParts = parts, RetriesPerChunk = -1 } };

    private static ClientMessage Part(Elements part) => new() { InputPart = part };
}
