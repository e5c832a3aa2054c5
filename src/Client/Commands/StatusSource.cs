using System.Globalization;
using ActorMap.Hosting.Client;
using ActorMap.Messages.Compute;
using Grpc.Core;

namespace ActorMap.Client.Commands;

/// <summary>Where <see cref="StatusWatch"/> gets its replies: the Seed, or a spec's script.</summary>
internal interface IStatusSource
{
    /// <summary>The Seed as the user named it, HOST[:PORT].</summary>
    string Seed { get; }

    /// <exception cref="SeedUnreachableException">The call failed, or found no answer in time.</exception>
    Task<StatusReply> StatusAsync(CancellationToken cancellationToken);
}

/// <summary>A status call that failed: the console's whole message, and the short reason a watch prints.</summary>
internal sealed class SeedUnreachableException(string message, string reason) : Exception(message)
{
    /// <summary>In a few words, such as "Connection refused" or "no answer within 3 s".</summary>
    public string Reason { get; } = reason;
}

/// <summary>The real Seed, through its client endpoint, each call with a deadline.</summary>
internal sealed class SeedStatusSource(ClusterClient client, TimeSpan timeout) : IStatusSource
{
    public string Seed => client.Seed;

    public async Task<StatusReply> StatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await client.StatusAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterJobException e)
        {
            throw new SeedUnreachableException(e.Message, Reason(e.InnerException, timeout) ?? e.Message);
        }
    }

    // gRPC's own detail is often "Error connecting to subchannel."; the socket's error says what happened.
    internal static string? Reason(Exception? failure, TimeSpan timeout)
    {
        var reason = failure switch
        {
            RpcException { StatusCode: StatusCode.DeadlineExceeded } =>
                string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0.#} s"),
            RpcException { Status.DebugException: { } debug } => Innermost(debug).Message,
            RpcException rpc => rpc.Status.Detail,
            { } other => Innermost(other).Message,
            null => null,
        };
        return string.IsNullOrWhiteSpace(reason) ? null : reason.TrimEnd('.', ' ');
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }
        return e;
    }
}
