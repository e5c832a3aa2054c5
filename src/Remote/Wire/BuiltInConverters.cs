using System.Buffers.Binary;
using ActorMap.Messages;
using ActorMap.Runtime.Actor;
using Google.Protobuf;

namespace ActorMap.Remote.Wire;

/// <summary>The converters every node has. Manifests are short because every batch carries them.</summary>
internal static class BuiltInConverters
{
    public const string ActorRefManifest = "ref";

    public static void RegisterAll(Serialization s)
    {
        s.Register<string>("str", ByteString.CopyFromUtf8, static b => b.ToStringUtf8());
        s.Register<byte[]>("bin", ByteString.CopyFrom, static b => b.ToByteArray());
        s.Register<int>("i32", static v => Fixed(v, 4, static (span, x) => BinaryPrimitives.WriteInt32LittleEndian(span, x)),
            static b => BinaryPrimitives.ReadInt32LittleEndian(b.Span));
        s.Register<long>("i64", static v => Fixed(v, 8, static (span, x) => BinaryPrimitives.WriteInt64LittleEndian(span, x)),
            static b => BinaryPrimitives.ReadInt64LittleEndian(b.Span));
        s.Register<double>("f64", static v => Fixed(v, 8, static (span, x) => BinaryPrimitives.WriteDoubleLittleEndian(span, x)),
            static b => BinaryPrimitives.ReadDoubleLittleEndian(b.Span));
        s.Register<bool>("bool", static v => v ? s_true : s_false, static b => b.Span.Length > 0 && b.Span[0] != 0);
        s.Register<PoisonPill>("poison", static _ => ByteString.Empty, static _ => PoisonPill.Instance);
        s.Register<Kill>("kill", static _ => ByteString.Empty, static _ => Kill.Instance);
        s.Register<Status.Success>("ok", v => ToPayload(s, v.Value).ToByteString(),
            b => new Status.Success(FromPayload(s, Payload.Parser.ParseFrom(b))));
        s.Register<Status.Failure>("fail", static v => ToFailure(v.Cause).ToByteString(), static b =>
        {
            var failure = RemoteFailure.Parser.ParseFrom(b);
            return new Status.Failure(new RemoteException(failure.ExceptionType, failure.Message));
        });
        s.Register(LongArray.Parser);
        s.Register(DoubleArray.Parser);
    }

    private static readonly ByteString s_true = ByteString.CopyFrom(1);
    private static readonly ByteString s_false = ByteString.CopyFrom(0);

    private static ByteString Fixed<T>(T value, int size, Action<Span<byte>, T> write)
    {
        Span<byte> buffer = stackalloc byte[8];
        write(buffer, value);
        return ByteString.CopyFrom(buffer[..size]);
    }

    private static Payload ToPayload(Serialization s, object? value)
    {
        if (value is null)
        {
            return new Payload();
        }
        if (!s.TryFind(value.GetType(), out var converter))
        {
            throw new NotSupportedException($"No serializer is registered for {value.GetType().FullName}");
        }
        return new Payload { Manifest = converter.Manifest, Data = converter.ToWire(value) };
    }

    private static object? FromPayload(Serialization s, Payload payload)
    {
        if (payload.Manifest.Length == 0)
        {
            return null;
        }
        return s.TryFind(payload.Manifest, out var converter)
            ? converter.FromWire(payload.Data)
            : throw new NotSupportedException($"No serializer is registered for manifest '{payload.Manifest}'");
    }

    // A RemoteException passed on keeps the type of the exception that was first thrown.
    private static RemoteFailure ToFailure(Exception cause) => new()
    {
        ExceptionType = cause is RemoteException remote ? remote.ExceptionType : cause.GetType().FullName ?? cause.GetType().Name,
        Message = cause.Message,
    };
}
