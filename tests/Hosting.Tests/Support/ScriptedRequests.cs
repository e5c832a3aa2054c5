using ActorMap.Messages.Compute;
using Grpc.Core;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// A Run call's request stream that plays back raw messages without ever waiting, each parsed
/// as gRPC would on its arrival: bytes that are no ClientMessage throw from MoveNext, as the
/// server's deserializer does. It counts what it was asked for, so a spec can tell how far a
/// reader went before refusing.
/// </summary>
internal sealed class ScriptedRequests(IEnumerable<byte[]> messages) : IAsyncStreamReader<ClientMessage>, IDisposable
{
    private readonly IEnumerator<byte[]> _messages = messages.GetEnumerator();
    private ClientMessage? _current;

    public ClientMessage Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true");

    /// <summary>How many messages have been read.</summary>
    public int Read { get; private set; }

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_messages.MoveNext())
        {
            _current = null;
            return Task.FromResult(false);
        }
        Read++;
        _current = ClientMessage.Parser.ParseFrom(_messages.Current);
        return Task.FromResult(true);
    }

    public void Dispose() => _messages.Dispose();
}
