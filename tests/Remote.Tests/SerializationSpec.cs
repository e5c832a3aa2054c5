using ActorMap.Messages;
using ActorMap.Runtime.Actor;
using Google.Protobuf;

namespace ActorMap.Remote.Tests;

public sealed class SerializationSpec : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("serialization");

    private Serialization Serialization => Serialization.For(_system);

    private object RoundTrip(object message)
    {
        Assert.True(Serialization.TryFind(message.GetType(), out var converter), $"no converter for {message.GetType()}");
        var wire = converter.ToWire(message);
        Assert.True(Serialization.TryFind(converter.Manifest, out var back));
        return back.FromWire(wire);
    }

    [Theory]
    [InlineData("text")]
    [InlineData(42)]
    [InlineData(-7L)]
    [InlineData(2.5)]
    [InlineData(true)]
    public void BuiltIns_RoundTrip_ToAnEqualValue(object value) => Assert.Equal(value, RoundTrip(value));

    [Fact]
    public void BuiltIns_BytesAndControlMessages_RoundTrip()
    {
        Assert.Equal(new byte[] { 1, 2, 3 }, RoundTrip(new byte[] { 1, 2, 3 }));
        Assert.Same(PoisonPill.Instance, RoundTrip(PoisonPill.Instance));
        Assert.Equal(new Status.Success("done"), RoundTrip(new Status.Success("done")));
        Assert.Equal(new Status.Success(null), RoundTrip(new Status.Success(null)));
    }

    [Fact]
    public void Failure_RoundTrip_ArrivesAsRemoteExceptionWithTypeAndMessage()
    {
        var failure = (Status.Failure)RoundTrip(new Status.Failure(new ArgumentException("bad")));

        var cause = Assert.IsType<RemoteException>(failure.Cause);
        Assert.Equal(typeof(ArgumentException).FullName, cause.ExceptionType);
        Assert.Equal("bad", cause.Message);
    }

    [Fact]
    public void PackedArrays_RoundTrip_WithoutChangingAValue()
    {
        long[] longs = [long.MinValue, -1, 0, 1, long.MaxValue];
        double[] doubles = [double.NegativeInfinity, -0.0, double.Epsilon, Math.PI, double.NaN];

        Assert.Equal(longs, ((LongArray)RoundTrip(LongArray.From(longs))).AsSpan().ToArray());
        Assert.Equal(doubles, ((DoubleArray)RoundTrip(DoubleArray.From(doubles))).AsSpan().ToArray());
    }

    [Fact]
    public void AsLongs_LengthNotAMultipleOfEight_Throws() =>
        Assert.Throws<FormatException>(() => PackedArrays.AsLongs(ByteString.CopyFrom(1, 2, 3)).Length);

    [Fact]
    public void Register_CustomType_RoundTripsUnderItsManifest()
    {
        Serialization.Register<Point>("spec.point",
            p => ByteString.CopyFromUtf8($"{p.X},{p.Y}"),
            b => b.ToStringUtf8().Split(',') is [var x, var y] ? new Point(int.Parse(x), int.Parse(y)) : throw new FormatException());

        Assert.Equal(new Point(3, 4), RoundTrip(new Point(3, 4)));
    }

    [Fact]
    public void Register_ProtobufParser_UsesTheDescriptorFullNameAsManifest()
    {
        Serialization.Register(Refused.Parser);

        Assert.True(Serialization.TryFind(typeof(Refused), out var converter));
        Assert.Equal("actormap.remote.Refused", converter.Manifest);
        Assert.Equal(new Refused { Reason = "r" }, RoundTrip(new Refused { Reason = "r" }));
    }

    [Fact]
    public void Register_ManifestTakenByAnotherType_Throws()
    {
        Serialization.Register<Point>("spec.taken", _ => ByteString.Empty, _ => new Point(0, 0));

        Assert.Throws<InvalidOperationException>(() =>
            Serialization.Register<Guid>("spec.taken", _ => ByteString.Empty, _ => Guid.Empty));
    }

    [Fact]
    public void ToWirePath_LocalRefWithoutRemoting_KeepsItsPath()
    {
        var actor = _system.DeadLetters;

        Assert.Equal(actor.Path.ToString(), Serialization.ToWirePath(actor));
    }

    public void Dispose() => _system.Dispose();

    private sealed record Point(int X, int Y);
}
