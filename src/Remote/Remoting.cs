using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using ActorMap.Remote.Transport;
using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Event;

namespace ActorMap.Remote;

/// <summary>
/// A node's remoting: started once per actor system, it listens for peers, makes paths of other
/// nodes resolvable to refs that work like local ones, and carries death watch across nodes.
/// Dispose it to say goodbye to every peer (their watchers see AddressTerminated) and stop listening.
/// </summary>
public sealed class Remoting : IAsyncDisposable
{
    private const string Protocol = "actormap.tcp";
    private static readonly ConditionalWeakTable<ActorSystem, Remoting> s_bySystem = new();

    private readonly RemoteTransport _transport;
    private readonly Socket _listener;
    private readonly Task _accepting;
    private int _disposed;

    private Remoting(RemoteTransport transport, Socket listener)
    {
        _transport = transport;
        _listener = listener;
        _accepting = transport.AcceptLoopAsync(listener);
    }

    /// <summary>This node's advertised address, e.g. <c>actormap.tcp://cluster@10.0.0.5:4053</c>.</summary>
    public Address LocalAddress => _transport.LocalAddress;

    public Serialization Serialization => _transport.Serialization;

    /// <summary>The remoting started on <paramref name="system"/>, if any.</summary>
    public static Remoting? Get(ActorSystem system) => s_bySystem.TryGetValue(system, out var remoting) ? remoting : null;

    /// <summary>
    /// Binds the listener (port 0 picks a free port, which then is the node's address), installs
    /// remote ref resolution on <paramref name="system"/>, and logs <c>listening on HOST:PORT</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Remoting already runs on this system.</exception>
    /// <exception cref="ArgumentException">The settings are invalid or name another cluster than the system.</exception>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public static async Task<Remoting> StartAsync(ActorSystem system, RemoteSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var cluster = settings.ClusterName ?? system.Name;
        if (!string.Equals(cluster, system.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"actormap.cluster.name '{cluster}' must equal the actor system's name '{system.Name}': it is the system part of every address");
        }
        if (system.Remote is not null)
        {
            throw new InvalidOperationException($"Remoting already runs on {system.Name}");
        }
        var bindAddress = await BindAddressAsync(settings.Hostname, cancellationToken);
        var listener = new Socket(bindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(bindAddress, settings.Port));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        var boundPort = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var address = new Address(Protocol, cluster, AdvertisedHost(settings), settings.PublicPort != 0 ? settings.PublicPort : boundPort);
        var identity = new LocalIdentity(settings.ProtocolVersion, cluster, address,
            BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)), Encoding.UTF8.GetBytes(settings.Secret));
        var log = new BusLogging(system.EventStream, $"remoting@{address.Host}:{address.Port}", typeof(Remoting), system.Settings.LogLevel);
        var transport = new RemoteTransport(system, settings, identity, log);
        system.Remote = transport;
        var remoting = new Remoting(transport, listener);
        s_bySystem.AddOrUpdate(system, remoting);
        // A system terminated without disposing remoting still says goodbye and frees its port.
        _ = system.WhenTerminated.ContinueWith(static (_, state) => ((Remoting)state!).DisposeAsync().AsTask(),
            remoting, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
        log.Info($"listening on {address.Host}:{address.Port}");
        return remoting;
    }

    /// <summary>
    /// Declares the node at <paramref name="address"/> gone for good, e.g. when the cluster removes
    /// or downs it: local watchers of its actors get Terminated with AddressTerminated, and messages
    /// queued for it go to dead letters. A later message to that address connects afresh.
    /// </summary>
    public void AddressTerminated(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _transport.AddressTerminated(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _transport.ShutdownAsync();
        _listener.Dispose();
        await _accepting;
        s_bySystem.Remove(_transport.System);
    }

    /// <summary>Stops like a crashed node: no goodbye, so peers decide by the address-terminated grace.</summary>
    internal async Task AbortAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _transport.Abort();
        _listener.Dispose();
        await _accepting;
        s_bySystem.Remove(_transport.System);
    }

    private static string AdvertisedHost(RemoteSettings settings)
    {
        if (!string.IsNullOrEmpty(settings.PublicHostname))
        {
            return settings.PublicHostname;
        }
        return settings.Hostname is "0.0.0.0" or "::" or "[::]" ? Dns.GetHostName() : settings.Hostname;
    }

    private static async Task<IPAddress> BindAddressAsync(string hostname, CancellationToken ct)
    {
        if (IPAddress.TryParse(hostname.Trim('[', ']'), out var parsed))
        {
            return parsed;
        }
        var addresses = await Dns.GetHostAddressesAsync(hostname, ct);
        return addresses.Length > 0 ? addresses[0] : throw new ArgumentException($"actormap.remote.hostname '{hostname}' resolves to no address");
    }
}
