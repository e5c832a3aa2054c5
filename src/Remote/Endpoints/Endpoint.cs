using System.Threading.Channels;
using ActorMap.Messages;
using ActorMap.Remote.Transport;
using ActorMap.Runtime.Actor;

namespace ActorMap.Remote.Endpoints;

/// <summary>
/// Everything this node sends to one peer address goes through its endpoint: a single outbox
/// that outlives connections, the one active connection, and the decisions taken when there is
/// none (connect on demand with back-off, dead-letter after giving up, retry a lost connection
/// until the address-terminated grace runs out).
/// </summary>
internal sealed partial class Endpoint
{
    private readonly RemoteTransport _transport;
    // Not single-reader: a connection's writer loop and a give-up drain may briefly overlap.
    private readonly Channel<Outbound> _outbox = Channel.CreateUnbounded<Outbound>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false, AllowSynchronousContinuations = false });
    private readonly Lock _lock = new();
    private Connection? _active;
    private bool _connecting;
    private bool _admitting;
    private long _gatedUntil;
    private ulong _peerUid;

    // Bumped whenever the active connection changes, so a stale recovery loop knows to stop.
    private long _generation;

    public Endpoint(Address remote, RemoteTransport transport)
    {
        Remote = remote;
        _transport = transport;
    }

    public Address Remote { get; }

    public ChannelReader<Outbound> Outbox => _outbox.Reader;

    /// <summary>Queues an item for the peer; connects first if no connection is up.</summary>
    public void Send(in Outbound item)
    {
        // Fast path: a live connection's writer loop will pick it up.
        if (Volatile.Read(ref _active) is not null && !_transport.IsShuttingDown)
        {
            _outbox.Writer.TryWrite(item);
            return;
        }
        var rejected = false;
        var connect = false;
        lock (_lock)
        {
            if (_transport.IsShuttingDown || (_active is null && !_connecting && _transport.Now < _gatedUntil))
            {
                rejected = true;
            }
            else
            {
                _outbox.Writer.TryWrite(item);
                if (_active is null && !_connecting)
                {
                    _connecting = true;
                    connect = true;
                }
            }
        }
        if (rejected)
        {
            _transport.DeadLetter(item);
        }
        else if (connect)
        {
            _ = ConnectAsync(Volatile.Read(ref _generation), recovering: false);
        }
    }

    /// <summary>
    /// Makes <paramref name="connection"/> the active one, unless an equally live connection to the
    /// same incarnation should be kept: of two, the one dialled by the lower address wins on both sides.
    /// </summary>
    public void Attach(Connection connection)
    {
        Connection? replaced;
        bool newIncarnation, associated;
        lock (_lock)
        {
            newIncarnation = _peerUid != 0 && _peerUid != connection.Peer.Uid;
            if (_active is { } current && !newIncarnation && !Prefer(connection, current))
            {
                replaced = connection;
                associated = false;
            }
            else
            {
                replaced = _active;
                associated = replaced is null;
                _active = connection;
                _peerUid = connection.Peer.Uid;
                _connecting = false;
                _admitting = false;
                _gatedUntil = 0;
                _generation++;
            }
        }
        if (replaced == connection)
        {
            connection.Close();
            return;
        }
        if (newIncarnation)
        {
            // The node restarted: whatever watched its previous incarnation learns it is gone.
            _transport.Watches.AddressTerminated(Remote);
        }
        replaced?.Close();
        connection.Start(this);
        if (associated)
        {
            _transport.Publish(new RemoteAssociated(Remote));
        }
    }

    /// <summary>Called once by each connection that was started, when it has closed.</summary>
    public void OnConnectionClosed(Connection connection)
    {
        long generation;
        lock (_lock)
        {
            if (_active != connection)
            {
                return;
            }
            _active = null;
            generation = ++_generation;
            _connecting = !connection.PeerSaidGoodbye && !_transport.IsShuttingDown;
        }
        _transport.Publish(new RemoteDisassociated(Remote));
        if (_transport.IsShuttingDown)
        {
            return;
        }
        if (connection.PeerSaidGoodbye)
        {
            _transport.AddressTerminated(Remote);
            return;
        }
        _ = ConnectAsync(generation, recovering: true);
    }

    /// <summary>The peer is gone for good: drop the connection, dead-letter what is queued.</summary>
    public void Terminate()
    {
        Connection? active;
        lock (_lock)
        {
            active = _active;
            _active = null;
            _peerUid = 0;
            _connecting = false;
            _admitting = false;
            _generation++;
        }
        active?.Close();
        Drain();
    }

    /// <summary>Queues a Goodbye and waits (bounded) for it to be written; for a deliberate shutdown.</summary>
    public async Task SayGoodbyeAsync(TimeSpan timeout)
    {
        var active = Volatile.Read(ref _active);
        if (active is null)
        {
            return;
        }
        _outbox.Writer.TryWrite(Outbound.Farewell);
        await Task.WhenAny(active.Completion, Task.Delay(timeout));
        active.Close();
    }

    private static int CompareAddresses(Address a, Address b) => string.CompareOrdinal(a.ToString(), b.ToString());

    private bool Prefer(Connection candidate, Connection current)
    {
        if (candidate.Dialled == current.Dialled)
        {
            return true; // the same side dialled again: the old connection is on its way out
        }
        var local = _transport.LocalAddress;
        var candidateDialler = candidate.Dialled ? local : Remote;
        var currentDialler = current.Dialled ? local : Remote;
        return CompareAddresses(candidateDialler, currentDialler) < 0;
    }
}
