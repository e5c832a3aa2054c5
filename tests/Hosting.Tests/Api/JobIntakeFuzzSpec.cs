using ActorMap.Functions.Input;
using ActorMap.Hosting.Api;
using ActorMap.Hosting.Tests.Support;
using ActorMap.Hosting.Tests.Wire;
using ActorMap.Hosting.Wire;
using ActorMap.Messages;
using ActorMap.Messages.Compute;
using Google.Protobuf;
using Grpc.Core;

namespace ActorMap.Hosting.Tests.Api;

/// <summary>
/// Whatever a client streams, the intake either takes a job whose input carries exactly the
/// declared count, within the limit, or refuses the stream with InvalidArgument, and it holds
/// no more than the stream carried: a count the client only claims is checked before anything
/// is allocated for it. The streams are valid ones mutated: a message's bytes, or a message
/// dropped, repeated or moved. Seed and time box: see <see cref="WireFuzzer"/>.
/// </summary>
public class JobIntakeFuzzSpec
{
    private const int Cases = 6000;

    private static readonly ApiLimits s_limits = ApiLimits.Default with { MaxElementsPerJob = 2_000_000 };
    private static readonly JobIntake s_intake = new(s_limits);
    private static readonly IReadOnlyList<byte[][]> s_valid = ValidStreams();

    [Fact]
    public async Task Mutated_streams_are_taken_within_the_limits_or_refused_as_invalid()
    {
        var run = await WireFuzzer.RunAsync("JobIntake", Cases, Mutated, TakenWithinLimitsOrRefused, WireFuzzer.HexOf);

        run.AssertReachedBothOutcomes("JobIntake");
    }

    [Fact]
    public void A_submission_claiming_more_elements_than_the_limit_must_be_refused_before_reading_its_parts()
    {
        using var requests = new ScriptedRequests(Wire(Submit(Longs(1), elements: 1_000_000_000_000_000, parts: int.MaxValue)));

        var (refusal, allocated) = Allocation.Of(() => Refusal(requests));

        Assert.Contains(ApiLimits.MaxElementsPerJobKey, refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, requests.Read);
        Assert.True(allocated < 64 * 1024, $"refusing it allocated {allocated} bytes");
    }

    [Fact]
    public void A_submission_claiming_as_many_parts_as_the_limit_allows_must_hold_only_the_parts_that_came()
    {
        var intake = new JobIntake(ApiLimits.Default);
        var declared = ApiLimits.Default.MaxElementsPerJob;
        using var requests = new ScriptedRequests(Wire(Submit(Longs(1), declared, (int)declared)));

        var (refusal, allocated) = Allocation.Of(() => Refusal(requests, intake));

        Assert.Contains("the input ended after 0 of its", refusal.Status.Detail, StringComparison.Ordinal);
        Assert.True(allocated < 64 * 1024, $"refusing it allocated {allocated} bytes");
    }

    [Fact]
    public void Parts_that_carry_no_elements_must_be_refused_as_they_arrive()
    {
        // Up to the limit's count of parts that add nothing, each held until the last: gigabytes from a Seed at its defaults.
        var intake = new JobIntake(ApiLimits.Default);
        var declared = ApiLimits.Default.MaxElementsPerJob;
        using var requests = new ScriptedRequests(Endless(Submit(Longs(0), declared, (int)declared), Part(Longs(0))));

        var (refusal, allocated) = Allocation.Of(() => Refusal(requests, intake));

        Assert.Contains("input part 1 carries no elements", refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, requests.Read);
        Assert.True(allocated < 64 * 1024, $"refusing it allocated {allocated} bytes");
    }

    [Fact]
    public void Parts_whose_ranges_wrap_the_count_round_to_the_declared_one_must_be_refused_before_allocating()
    {
        // 1 + (2^63 - 1) + (2^63 - 1) + (10^6 + 1) wraps to the declared 10^6.
        static ClientMessage Range(long count) => Part(new Elements { ElementType = "long", Range = new RangeBounds { First = 0, Count = count } });
        using var requests = new ScriptedRequests(Wire(Submit(Longs(1), 1_000_000, 3), Range(long.MaxValue), Range(long.MaxValue), Range(1_000_001)));

        var (refusal, allocated) = Allocation.Of(() => Refusal(requests));

        Assert.Contains("input part 1 carries a range", refusal.Status.Detail, StringComparison.Ordinal);
        Assert.True(allocated < 64 * 1024, $"refusing it allocated {allocated} bytes");
    }

    private static bool TakenWithinLimitsOrRefused(byte[][] stream)
    {
        using var requests = new ScriptedRequests(stream);
        var (reading, allocated) = Allocation.Of(() => s_intake.ReadAsync(requests, CancellationToken.None));
        // The reader never waits, so neither does the intake, and every allocation was on this thread.
        Assert.True(reading.IsCompleted, "the intake waited on a stream that never waits");
        Assert.True(allocated <= BoundFor(stream, requests.Read), $"reading {requests.Read} messages allocated {allocated} bytes");
        try
        {
            var (submit, input) = reading.GetAwaiter().GetResult();
            Assert.Equal(submit.Elements, input.Length);
            Assert.InRange(input.Length, 0, s_limits.MaxElementsPerJob);
            Assert.Equal(submit.Input.ElementType, input.Kind.CSharpName());
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument && e.Status.Detail.Length > 0)
        {
            return false;
        }
    }

    // Parsing (an object per message, row and string, repeated fields grown by doubling) and then
    // decoding (each part copied once, then into the whole) take a few dozen times the wire bytes;
    // the timer and token of each read are the per-message share.
    private static long BoundFor(byte[][] stream, int read) => (64L * stream.Sum(m => m.Length)) + (1024L * read) + (64 * 1024);

    private static byte[][] Mutated(Random random)
    {
        var stream = s_valid[random.Next(s_valid.Count)].ToList();
        // The submission half the time: its counts are the claims the intake checks first.
        var at = random.Next(2) == 0 ? 0 : random.Next(stream.Count);
        switch (random.Next(6))
        {
            case 0:
                stream.RemoveAt(at);
                break;
            case 1:
                stream.Insert(at, stream[random.Next(stream.Count)]);
                break;
            case 2:
                (stream[at], stream[^1]) = (stream[^1], stream[at]);
                break;
            default:
                stream[at] = WireFuzzer.Mutated([stream[at]], random);
                break;
        }
        return [.. stream];
    }

    // Every input sample whole, and each list also in parts of about 20 bytes, with a job's other fields set.
    private static List<byte[][]> ValidStreams()
    {
        var streams = new List<byte[][]>();
        for (var i = 0; i < ValidElements.Inputs.Count; i++)
        {
            var input = ValidElements.Inputs[i];
            streams.Add([Submit(ElementsCodec.FromInput(input), input.Length).ToByteArray()]);
            var (first, following) = ValidElements.InParts(i);
            if (following.Count > 0)
            {
                streams.Add([Submit(first, input.Length, following.Count).ToByteArray(), .. following.Select(p => Part(p).ToByteArray())]);
            }
        }
        streams.Add([.. streams[^1], new ClientMessage { Cancel = new CancelJobRequest() }.ToByteArray()]);
        return streams;
    }

    private static RpcException Refusal(ScriptedRequests requests, JobIntake? intake = null)
    {
        var reading = (intake ?? s_intake).ReadAsync(requests, CancellationToken.None);
        Assert.True(reading.IsCompleted, "the intake waited on a stream that never waits");
        var refusal = Assert.Throws<RpcException>(() => reading.GetAwaiter().GetResult());
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        return refusal;
    }

    // The same message for ever, each a fresh copy as from the network; a reader that stops at the first needs two.
    private static IEnumerable<byte[]> Endless(ClientMessage first, ClientMessage next)
    {
        yield return first.ToByteArray();
        var bytes = next.ToByteArray();
        for (var read = 1; read <= 10_000; read++)
        {
            yield return bytes;
        }
        throw new InvalidOperationException("the intake read 10000 parts that carry nothing and kept reading");
    }

    private static byte[][] Wire(params ClientMessage[] messages) => [.. messages.Select(m => m.ToByteArray())];

    private static Elements Longs(int count) => new() { ElementType = "long", Longs = PackedArrays.FromLongs(new long[count]) };

    private static ClientMessage Submit(Elements input, long elements, int parts = 0) => new()
    {
        Submit = new SubmitJob
        {
            FunctionSource = "x => x", Reduce = "sum", Input = input, Elements = elements, InputParts = parts,
            RetriesPerChunk = 2, RetryWindowMs = 10_000, Supervision = "resume", Directives = { ["System.FormatException"] = "stop" },
        },
    };

    private static ClientMessage Part(Elements part) => new() { InputPart = part };
}
