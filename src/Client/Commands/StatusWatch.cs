using ActorMap.Messages.Compute;

namespace ActorMap.Client.Commands;

/// <summary>
/// <c>status --watch</c> without the drawing: asks the Seed once per refresh and hands each reply to
/// a view, until Ctrl+C or until the Seed stops answering. The source and the refresh signal are
/// injected, so a spec plays a whole session (members come, a job moves, the Seed goes) without a
/// Seed and without waiting.
/// </summary>
internal sealed class StatusWatch(IStatusSource source, Func<CancellationToken, ValueTask<bool>> nextRefresh)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A status call that takes longer counts as a Seed gone: the Seed answers from an actor that is
    /// never busy with chunks, so a slow answer means a frozen Seed or a cut network.
    /// </summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);

    public string Seed => source.Seed;

    /// <summary>
    /// Ctrl+C ends it with exit 0: watching has no result that stopping could cut short. A Seed that
    /// answered once and then fails a call ends it with exit 1 and one line; one that never answered
    /// gets the same error as a plain <c>status</c>.
    /// </summary>
    public async Task<WatchEnd> RunAsync(Action<StatusReply> show, CancellationToken cancellationToken)
    {
        var answered = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            StatusReply reply;
            try
            {
                reply = await source.StatusAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C during a call: gRPC reports it as its own Cancelled, not as OperationCanceledException.
                break;
            }
            catch (SeedUnreachableException e)
            {
                return new WatchEnd(ExitCodes.JobFailed, answered ? $"error: the Seed at {source.Seed} went away ({e.Reason})" : $"error: {e.Message}");
            }
            answered = true;
            show(reply);
            try
            {
                if (!await nextRefresh(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
        return WatchEnd.Stopped;
    }
}

/// <summary>How a watch ended: the exit code, and the line for stderr, printed once the live view is done.</summary>
internal sealed record WatchEnd(int ExitCode, string? Error)
{
    public static readonly WatchEnd Stopped = new(ExitCodes.Success, null);
}
