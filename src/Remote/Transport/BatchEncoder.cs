using System.Buffers;
using ActorMap.Messages;
using ActorMap.Remote.Endpoints;
using ActorMap.Runtime.Actor;
using Google.Protobuf;
using Envelope = ActorMap.Messages.Envelope;

namespace ActorMap.Remote.Transport;

/// <summary>
/// Builds batch frames on a connection's writer loop (single-threaded). The Frame, Batch and
/// Envelope objects are reused from batch to batch, so a message costs only its payload bytes;
/// each path and manifest is written once per batch and referred to by index.
/// </summary>
internal sealed class BatchEncoder(RemoteTransport transport)
{
    // Past this many exported local refs the cache is dropped, so short-lived actors are not kept alive.
    private const int ExportCacheLimit = 10_000;

    private readonly Frame _frame = new();
    private readonly Batch _batch = new();
    private readonly Dictionary<string, int> _pathIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _manifestIndex = new(StringComparer.Ordinal);
    private readonly List<Envelope> _spare = [];
    private readonly Dictionary<IActorRef, string> _exported = new(ReferenceEqualityComparer.Instance);
    private readonly int _maximumPayload = transport.Settings.MaximumFrameSize - 4096;

    public int Count => _batch.Envelopes.Count;

    public long PayloadBytes { get; private set; }

    /// <summary>Adds one message; one that cannot be serialized is logged and dead-lettered instead.</summary>
    public void Add(in Outbound item)
    {
        var recipient = item.Recipient!;
        if (item.Kind != SystemKind.None)
        {
            var system = Rent();
            system.Recipient = PathIndex(recipient);
            system.Sender = PathIndex(item.Other!) + 1;
            system.System = item.Kind;
            _batch.Envelopes.Add(system);
            return;
        }
        var message = item.Message!;
        ByteString payload;
        string manifest;
        try
        {
            if (!transport.Serialization.TryFind(message.GetType(), out var converter))
            {
                throw new NotSupportedException($"no serializer is registered for {message.GetType().FullName}");
            }
            manifest = converter.Manifest;
            payload = converter.ToWire(message);
            if (payload.Length > _maximumPayload)
            {
                throw new NotSupportedException($"{payload.Length} bytes exceed the maximum frame size of {transport.Settings.MaximumFrameSize} bytes");
            }
        }
        catch (Exception e)
        {
            transport.Log.Error(e, $"Cannot send {message.GetType().Name} to {recipient.Path}: {e.Message}");
            transport.DeadLetter(item);
            return;
        }
        var envelope = Rent();
        envelope.Recipient = PathIndex(recipient);
        envelope.Sender = item.Other is null || ReferenceEquals(item.Other, ActorRefs.NoSender) ? 0 : PathIndex(item.Other) + 1;
        envelope.Manifest = ManifestIndex(manifest);
        envelope.Payload = payload;
        envelope.System = SystemKind.None;
        _batch.Envelopes.Add(envelope);
        PayloadBytes += payload.Length;
    }

    /// <summary>Writes the batch as one frame (no flush) and starts an empty one.</summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        try
        {
            _frame.Batch = _batch;
            FrameCodec.Write(output, _frame, transport.Settings.MaximumFrameSize);
        }
        finally
        {
            Reset();
        }
    }

    public static void WriteGoodbye(IBufferWriter<byte> output) =>
        FrameCodec.Write(output, new Frame { Goodbye = new Goodbye() }, int.MaxValue);

    private void Reset()
    {
        foreach (var envelope in _batch.Envelopes)
        {
            // Drop the payload now: a pooled envelope must not keep a large array alive.
            envelope.Payload = ByteString.Empty;
            _spare.Add(envelope);
        }
        _batch.Envelopes.Clear();
        _batch.Paths.Clear();
        _batch.Manifests.Clear();
        _pathIndex.Clear();
        _manifestIndex.Clear();
        PayloadBytes = 0;
    }

    private Envelope Rent()
    {
        if (_spare.Count == 0)
        {
            return new Envelope();
        }
        var last = _spare[^1];
        _spare.RemoveAt(_spare.Count - 1);
        return last;
    }

    private int PathIndex(IActorRef actor)
    {
        var path = WirePath(actor);
        if (!_pathIndex.TryGetValue(path, out var index))
        {
            index = _batch.Paths.Count;
            _batch.Paths.Add(path);
            _pathIndex[path] = index;
        }
        return index;
    }

    private int ManifestIndex(string manifest)
    {
        if (!_manifestIndex.TryGetValue(manifest, out var index))
        {
            index = _batch.Manifests.Count;
            _batch.Manifests.Add(manifest);
            _manifestIndex[manifest] = index;
        }
        return index;
    }

    private string WirePath(IActorRef actor)
    {
        if (actor is RemoteActorRef remote)
        {
            return remote.WirePath;
        }
        if (!_exported.TryGetValue(actor, out var path))
        {
            if (_exported.Count >= ExportCacheLimit)
            {
                _exported.Clear();
            }
            path = transport.Serialization.ToWirePath(actor);
            _exported[actor] = path;
        }
        return path;
    }
}
