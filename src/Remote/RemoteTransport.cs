using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ActorMap.Messages;
using ActorMap.Remote.Endpoints;
using ActorMap.Remote.Transport;
using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Event;

namespace ActorMap.Remote;

/// <summary>
/// The shared state of one node's remoting: identity, endpoints by peer address, the death-watch
/// registry, dialling and the handling of inbound connections. Installed as the system's
/// <see cref="IRemoteProvider"/>.
/// </summary>
internal sealed class RemoteTransport : IRemoteProvider
{
    private readonly ConcurrentDictionary<Address, Endpoint> _endpoints = new();
    private readonly CancellationTokenSource _shutdown = new();

    public RemoteTransport(ActorSystem system, RemoteSettings settings, LocalIdentity identity, ILoggingAdapter log)
    {
        System = system;
        Settings = settings;
        Identity = identity;
        Log = log;
        Serialization = Serialization.For(system);
    }

    public ActorSystem System { get; }

    public RemoteSettings Settings { get; }

    public LocalIdentity Identity { get; }

    public ILoggingAdapter Log { get; }

    public Serialization Serialization { get; }

    public RemoteWatchRegistry Watches { get; } = new();

    public Address LocalAddress => Identity.Address;

    public bool IsShuttingDown => _shutdown.IsCancellationRequested;

    /// <summary>Milliseconds of a monotonic clock. Network timing runs on real time even when actors run on a manual clock.</summary>
    public long Now => Environment.TickCount64;

    public IActorRef ResolveRemote(ActorPath path) => new RemoteActorRef(path, EndpointFor(path.Address), this);

    public Endpoint EndpointFor(Address address) => _endpoints.GetOrAdd(address, static (a, t) => new Endpoint(a, t), this);

    public void Publish(object @event) => System.EventStream.Publish(@event);

    /// <summary>The peer is gone for good: its watchers are told, its endpoint dead-letters what is queued.</summary>
    public void AddressTerminated(Address address)
    {
        Watches.AddressTerminated(address);
        if (_endpoints.TryGetValue(address, out var endpoint))
        {
            endpoint.Terminate();
        }
    }

    /// <summary>What becomes of an item that cannot be sent: a message is dead-lettered, a watch answered.</summary>
    public void DeadLetter(in Outbound item)
    {
        if (item.Message is { } message)
        {
            System.DeadLetters.Tell(new DeadLetter(message, item.Other ?? ActorRefs.NoSender, item.Recipient!), item.Other);
        }
        else if (item.Kind == SystemKind.Watch && item.Other is IInternalActorRef watcher)
        {
            // Otherwise the watcher would wait forever for a node it never reached.
            Watches.RemoveWatching(item.Recipient!, watcher);
            watcher.SendSystemMessage(new DeathWatchNotification(item.Recipient!, ExistenceConfirmed: false, AddressTerminated: true));
        }
    }

    /// <summary>A received message that cannot be delivered: logged and dead-lettered, the connection goes on.</summary>
    public void Undeliverable(string manifest, IActorRef recipient, IActorRef sender, Exception? cause)
    {
        var reason = cause is null ? "no serializer is registered for it" : $"it could not be deserialized: {cause.Message}";
        Log.Warning($"Dropping a message with manifest '{manifest}' for {recipient.Path}: {reason}");
        System.DeadLetters.Tell(new DeadLetter(new UndeliverableRemoteMessage(manifest), sender, recipient), sender);
    }

    /// <summary>Opens a connection to <paramref name="address"/> and runs the dialler's side of the handshake.</summary>
    public async Task<Connection> DialAsync(Address address)
    {
        if (address.Host is null || address.Port is not { } port)
        {
            throw new InvalidOperationException($"{address} is not a network address");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        timeout.CancelAfter(Settings.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(address.Host, port, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new Connection(socket, this, dialled: true);
        timeout.CancelAfter(Settings.HandshakeTimeout);
        try
        {
            connection.Peer = await Handshake.DialAsync(connection.Input, connection.Output, Identity, timeout.Token);
            return connection;
        }
        catch (Exception e)
        {
            connection.Close();
            var reason = e is OperationCanceledException ? $"no answer within {Settings.HandshakeTimeout}" : e.Message;
            if (e is HandshakeException { IsDuplicate: true })
            {
                Log.Debug($"Dial to {address} lost to its own dial: {reason}");
                throw;
            }
            Log.Error(e is HandshakeException { RefusedByPeer: true }
                ? $"Handshake with {address} refused by the peer: {reason}"
                : $"Handshake with {address} failed: {reason}");
            throw e as HandshakeException ?? new HandshakeException(reason, refusedByPeer: false);
        }
    }

    /// <summary>Accepts until shutdown; each connection does its handshake on its own task.</summary>
    public async Task AcceptLoopAsync(Socket listener)
    {
        while (!IsShuttingDown)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_shutdown.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (IsShuttingDown)
                {
                    return;
                }
                continue;
            }
            _ = AcceptAsync(socket);
        }
    }

    private async Task AcceptAsync(Socket socket)
    {
        var remote = socket.RemoteEndPoint as IPEndPoint;
        var connection = new Connection(socket, this, dialled: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        timeout.CancelAfter(Settings.HandshakeTimeout);
        Endpoint? admittedBy = null;
        try
        {
            connection.Peer = await Handshake.AcceptAsync(connection.Input, connection.Output, Identity, peer =>
            {
                var endpoint = EndpointFor(peer.Address);
                if (!endpoint.TryAdmitInbound(peer.Uid))
                {
                    return $"{LocalAddress} is dialling {peer.Address} itself and keeps that connection";
                }
                admittedBy = endpoint;
                return null;
            }, timeout.Token);
        }
        catch (Exception e)
        {
            connection.Close();
            admittedBy?.ReleaseInbound();
            if (e is HandshakeException { IsDuplicate: true })
            {
                return;
            }
            if (e is HandshakeException { PeerClosed: true })
            {
                // A client that exits right after its job, say: not an attack, not a fault.
                Log.Info($"A connection from {remote} closed during the handshake");
            }
            else if (!IsShuttingDown)
            {
                var reason = e is OperationCanceledException ? $"no answer within {Settings.HandshakeTimeout}" : e.Message;
                Log.Error($"Refused a connection from {remote}: {reason}");
            }
            return;
        }
        EndpointFor(connection.Peer.Address).Attach(connection);
    }

    /// <summary>Says goodbye to every connected peer, then closes everything.</summary>
    public async Task ShutdownAsync()
    {
        var farewells = new List<Task>();
        foreach (var endpoint in _endpoints.Values)
        {
            farewells.Add(endpoint.SayGoodbyeAsync(TimeSpan.FromSeconds(2)));
        }
        await Task.WhenAll(farewells);
        await _shutdown.CancelAsync();
        foreach (var endpoint in _endpoints.Values)
        {
            endpoint.Terminate();
        }
    }

    /// <summary>Closes everything without a goodbye, as a crash would: peers see only a lost connection.</summary>
    public void Abort()
    {
        _shutdown.Cancel();
        foreach (var endpoint in _endpoints.Values)
        {
            endpoint.Terminate();
        }
    }
}
