using Google.Protobuf;

namespace ActorMap.Remote.Wire;

/// <summary>One registered message type: its manifest and the two directions of conversion.</summary>
internal abstract class WireConverter(string manifest, Type type)
{
    public string Manifest { get; } = manifest;

    public Type Type { get; } = type;

    public abstract ByteString ToWire(object message);

    public abstract object FromWire(ByteString payload);
}

internal sealed class WireConverter<T>(string manifest, Func<T, ByteString> toWire, Func<ByteString, T> fromWire)
    : WireConverter(manifest, typeof(T)) where T : notnull
{
    public override ByteString ToWire(object message) => toWire((T)message);

    public override object FromWire(ByteString payload) => fromWire(payload);
}
