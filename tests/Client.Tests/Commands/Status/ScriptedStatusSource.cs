using ActorMap.Client.Commands;
using ActorMap.Messages.Compute;

namespace ActorMap.Client.Tests.Commands.Status;

/// <summary>
/// A Seed that answers from a script, one step per call; past the end of the script it has gone
/// away. A step may also throw, as a real call does.
/// </summary>
internal sealed class ScriptedStatusSource(params Func<CancellationToken, StatusReply>[] steps) : IStatusSource
{
    public const string GoneReason = "Connection refused";

    private int _calls;

    public string Seed => "127.0.0.1:4080";

    public int Calls => _calls;

    public static ScriptedStatusSource Of(params StatusReply[] replies) =>
        new([.. replies.Select(r => (Func<CancellationToken, StatusReply>)(_ => r))]);

    public Task<StatusReply> StatusAsync(CancellationToken cancellationToken)
    {
        var call = _calls++;
        return call < steps.Length
            ? Task.FromResult(steps[call](cancellationToken))
            : Task.FromException<StatusReply>(new SeedUnreachableException(
                $"cannot reach the seed's client endpoint at {Seed} (is it running?): Error connecting to subchannel.", GoneReason));
    }
}
