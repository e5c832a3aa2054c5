using System.Globalization;
using ActorMap.Functions.Input;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;
using Google.Protobuf;
using Grpc.Core;

namespace ActorMap.Hosting.Api;

/// <summary>
/// Reads a job's submission and input parts off its Run stream, checking each against the
/// limits before holding more: the lambda's length, the declared element count, and that the
/// parts carry exactly what was declared. A refusal is an <see cref="RpcException"/> whose
/// status says whether the job could ever run here (InvalidArgument) and whose detail names the
/// limit's key and value.
/// </summary>
internal sealed class JobIntake(ApiLimits limits)
{
    /// <exception cref="RpcException">The stream is malformed, lies about its size, or breaks a limit.</exception>
    public async Task<(SubmitJob Submit, MapInput Input)> ReadAsync(IAsyncStreamReader<ClientMessage> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var first = await NextAsync(requests, cancellationToken).ConfigureAwait(false);
        if (first is not { KindCase: ClientMessage.KindOneofCase.Submit, Submit: { } submit })
        {
            throw Invalid("a job stream must start with a submit message");
        }
        CheckLength(submit.FunctionSource, "its lambda");
        CheckLength(submit.Reduce, "its reduce lambda");
        var declared = submit.Elements;
        if (declared < 0)
        {
            throw Invalid($"the submission declares {declared} elements");
        }
        if (declared > limits.MaxElementsPerJob)
        {
            throw Invalid(Text($"the job has {declared} elements, more than this Seed takes {ApiLimits.Describe(ApiLimits.MaxElementsPerJobKey, limits.MaxElementsPerJob)}"));
        }
        // Every part carries at least one element; the declared count bounds the parts before any arrives.
        if (submit.InputParts < 0 || submit.InputParts > declared)
        {
            throw Invalid(Text($"the submission declares {submit.InputParts} input parts for {declared} elements"));
        }
        var input = submit.Input ?? new Elements();
        var count = CountOf(input);
        var parts = new List<Elements>();
        while (parts.Count < submit.InputParts)
        {
            if (count > declared)
            {
                break;
            }
            var next = await NextAsync(requests, cancellationToken).ConfigureAwait(false);
            if (next is not { KindCase: ClientMessage.KindOneofCase.InputPart, InputPart: { } part })
            {
                throw Invalid(Text($"the input ended after {parts.Count} of its {submit.InputParts} parts"));
            }
            count += CountOfPart(part, parts.Count + 1);
            parts.Add(part);
        }
        if (count != declared)
        {
            // Past the declared count the rest is not read: "at least".
            var carried = parts.Count < submit.InputParts ? Text($"at least {count}") : count.ToString(CultureInfo.InvariantCulture);
            throw Invalid(Text($"the submission declares {declared} elements, but its input carries {carried}"));
        }
        try
        {
            return (submit, ElementsCodec.ToInput(input, parts));
        }
        catch (FormatException e)
        {
            throw Invalid($"malformed input: {e.Message}");
        }
    }

    /// <summary>The next message, or null at the stream's end; a stall past the idle timeout is refused.</summary>
    private async Task<ClientMessage?> NextAsync(IAsyncStreamReader<ClientMessage> requests, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(limits.InputIdleTimeout);
        try
        {
            return await requests.MoveNext(idle.Token).ConfigureAwait(false) ? requests.Current : null;
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, Text(
                $"the job's input stalled: no message for {limits.InputIdleTimeout.TotalSeconds:0.###}s {ApiLimits.Describe(ApiLimits.InputIdleTimeoutKey, $"{limits.InputIdleTimeout.TotalSeconds:0.###}s")}")));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw Invalid($"a message on the job's stream is not a valid ClientMessage: {e.Message}");
        }
    }

    private void CheckLength(string source, string what)
    {
        if (source.Length > limits.MaxLambdaLength)
        {
            throw Invalid(Text($"{what} is {source.Length} characters, more than this Seed takes {ApiLimits.Describe(ApiLimits.MaxLambdaLengthKey, limits.MaxLambdaLength)}"));
        }
    }

    private static long CountOf(Elements elements)
    {
        try
        {
            return ElementsCodec.Count(elements);
        }
        catch (FormatException e)
        {
            throw Invalid($"malformed input: {e.Message}");
        }
    }

    // What the loop above relies on, checked as each part arrives: a part that carries nothing
    // lets a stream hold up to the declared count of parts, and a range's count is only claimed,
    // large enough to wrap the sum round to the declared one.
    private static long CountOfPart(Elements part, int number)
    {
        if (part.ValuesCase == Elements.ValuesOneofCase.Range)
        {
            throw Invalid(Text($"input part {number} carries a range; a range input comes whole, in the submission"));
        }
        var count = CountOf(part);
        return count > 0 ? count : throw Invalid(Text($"input part {number} carries no elements; every part carries at least one"));
    }

    private static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
