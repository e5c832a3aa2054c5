using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActorMap.Remote.Wire;
using ActorMap.Runtime.Actor;
using Google.Protobuf;

namespace ActorMap.Remote;

/// <summary>
/// The registry that turns messages into manifest + bytes and back, one per actor system. A
/// message crosses nodes only if its exact runtime type is registered on the sender and its
/// manifest on the receiver. Built in: string, byte[], int, long, double, bool, Status.Success,
/// Status.Failure (arrives as <see cref="RemoteException"/>), PoisonPill, Kill, IActorRef, and the
/// LongArray/DoubleArray messages. Thread-safe; register before the first message of that type.
/// </summary>
/// <example>
/// <code>
/// var serialization = Serialization.For(system);
/// serialization.Register(RunChunk.Parser);                      // a generated protobuf message
/// serialization.Register&lt;Ping&gt;("app.ping",                     // anything else
///     ping => ByteString.CopyFromUtf8(ping.Text), bytes => new Ping(bytes.ToStringUtf8()));
/// </code>
/// </example>
public sealed class Serialization
{
    private static readonly ConditionalWeakTable<ActorSystem, Serialization> s_bySystem = new();

    private readonly ConcurrentDictionary<Type, WireConverter> _byType = new();
    private readonly ConcurrentDictionary<string, WireConverter> _byManifest = new(StringComparer.Ordinal);
    private readonly WireConverter _actorRef;

    private Serialization(ActorSystem system)
    {
        System = system;
        _actorRef = new WireConverter<IActorRef>(BuiltInConverters.ActorRefManifest,
            actor => ByteString.CopyFromUtf8(ToWirePath(actor)),
            bytes => ResolveWirePath(bytes.ToStringUtf8()));
        _byManifest[_actorRef.Manifest] = _actorRef;
        BuiltInConverters.RegisterAll(this);
    }

    public ActorSystem System { get; }

    /// <summary>The registry of <paramref name="system"/>, created on first use.</summary>
    public static Serialization For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return s_bySystem.GetValue(system, static s => new Serialization(s));
    }

    /// <summary>
    /// Registers <typeparamref name="T"/> (its exact runtime type) under <paramref name="manifest"/>.
    /// <paramref name="fromWire"/> receives a ByteString that it may keep (it is not reused).
    /// Either function may throw: the message is then logged and dead-lettered.
    /// </summary>
    /// <exception cref="InvalidOperationException">The manifest or type is already registered differently.</exception>
    public void Register<T>(string manifest, Func<T, ByteString> toWire, Func<ByteString, T> fromWire) where T : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(manifest);
        ArgumentNullException.ThrowIfNull(toWire);
        ArgumentNullException.ThrowIfNull(fromWire);
        Add(new WireConverter<T>(manifest, toWire, fromWire));
    }

    /// <summary>Registers a generated protobuf message; its manifest is the descriptor's full name.</summary>
    public void Register<T>(MessageParser<T> parser) where T : IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(parser);
        Register(new T().Descriptor.FullName, static message => message.ToByteString(), parser.ParseFrom);
    }

    /// <summary>A ref as it travels: its full path, a local ref's under this node's network address.</summary>
    public string ToWirePath(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var path = actor.Path;
        return path.Address.HasLocalScope ? path.WithAddress(System.DefaultAddress).ToString() : path.ToString();
    }

    /// <summary>The ref for a path that came over the wire: local if it names this node, else remote.</summary>
    public IActorRef ResolveWirePath(string path) => System.ResolveActorRef(path);

    internal bool TryFind(Type type, out WireConverter converter)
    {
        if (_byType.TryGetValue(type, out converter!))
        {
            return true;
        }
        if (typeof(IActorRef).IsAssignableFrom(type))
        {
            converter = _byType.GetOrAdd(type, _actorRef);
            return true;
        }
        return false;
    }

    internal bool TryFind(string manifest, out WireConverter converter) => _byManifest.TryGetValue(manifest, out converter!);

    private void Add(WireConverter converter)
    {
        var byManifest = _byManifest.GetOrAdd(converter.Manifest, converter);
        if (byManifest != converter && byManifest.Type != converter.Type)
        {
            throw new InvalidOperationException(
                $"Manifest '{converter.Manifest}' is already registered for {byManifest.Type.FullName}");
        }
        var byType = _byType.GetOrAdd(converter.Type, byManifest);
        if (byType.Manifest != converter.Manifest)
        {
            throw new InvalidOperationException(
                $"{converter.Type.FullName} is already registered under manifest '{byType.Manifest}'");
        }
        // A repeated registration of the same pair replaces the functions (last one wins).
        _byManifest[converter.Manifest] = converter;
        _byType[converter.Type] = converter;
    }
}
