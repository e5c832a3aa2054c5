using System.Runtime.Serialization;
using ActorMap.Compute;
using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using ActorMap.Functions;
using ActorMap.Hosting.Registration;
using ActorMap.Hosting.Tests.Support;
using ActorMap.Hosting.Wire;
using Akka.Actor;

namespace ActorMap.Hosting.Tests.Wire;

/// <summary>
/// Whatever bytes remoting hands the serializer, under whichever of its manifests, it returns a
/// message of that manifest's type, one it can write again, or throws
/// <see cref="SerializationException"/>, which Akka turns into one dropped message: no other
/// exception reaches remoting's reader. Seed and time box: see <see cref="WireFuzzer"/>.
/// </summary>
public sealed class ComputeSerializerFuzzSpec : Akka.TestKit.Xunit2.TestKit
{
    private const int Cases = 6000;

    // Remote, as on a node: actor paths in RegisterWorkers resolve through remoting's provider.
    private const string Config = """
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        """;

    private readonly ComputeSerializer _serializer;
    private readonly IReadOnlyList<(string Manifest, byte[] Bytes)> _valid;

    public ComputeSerializerFuzzSpec() : base(Config)
    {
        _serializer = new ComputeSerializer((ExtendedActorSystem)Sys);
        _valid = [.. ValidMessages().Select(m => (_serializer.Manifest(m), _serializer.ToBinary(m)))];
    }

    [Fact]
    public async Task Mutated_messages_of_every_manifest_decode_or_are_refused_with_SerializationException()
    {
        var run = await WireFuzzer.RunAsync("ComputeSerializer", Cases, Mutated, DecodesOrIsRefused, c => $"{c.Manifest} {Convert.ToHexString(c.Bytes)}");

        run.AssertReachedBothOutcomes("ComputeSerializer");
    }

    // Inputs the fuzzer found, kept as they were found.
    [Theory]
    [InlineData("RC", "08071003")] // a RunChunk without its input: ArgumentNullException
    [InlineData("RC", "")]
    [InlineData("RW", "0A3C616B6B612E7463703A2F2F74657374403132372E2E313A33353731392F73797374656D2F746573744163746F72332331313038300A17616B6B613A2F")] // seed 3, case 350026: not writable and read again
    public void A_crasher_found_by_fuzzing_decodes_or_is_refused(string manifest, string hex) =>
        DecodesOrIsRefused((manifest, Convert.FromHexString(hex)));

    private (string Manifest, byte[] Bytes) Mutated(Random random)
    {
        var (manifest, bytes) = _valid[random.Next(_valid.Count)];
        // Now and then under another manifest, as a corrupted envelope would name it.
        if (random.Next(5) == 0)
        {
            manifest = _valid[random.Next(_valid.Count)].Manifest;
        }
        return (manifest, WireFuzzer.Mutated([bytes], random));
    }

    private bool DecodesOrIsRefused((string Manifest, byte[] Bytes) input)
    {
        object message;
        try
        {
            message = _serializer.FromBinary(input.Bytes, input.Manifest);
        }
        catch (SerializationException)
        {
            return false;
        }
        Assert.Equal(input.Manifest, _serializer.Manifest(message));
        var written = _serializer.ToBinary(message);
        // Akka resolves some mangled paths to a ref whose own path its parser then refuses (a uid
        // with text after it): a RegisterWorkers read back may be refused, the others never.
        if (message is not RegisterWorkers)
        {
            Assert.Equal(message.GetType(), _serializer.FromBinary(written, input.Manifest).GetType());
        }
        return true;
    }

    private IEnumerable<object> ValidMessages()
    {
        var policy = new SupervisionPolicy(Directive.Resume).On<FormatException>(Directive.Stop);
        foreach (var elements in ValidElements.Messages)
        {
            var function = NodeFunctions.For(new FunctionSource("x => x", elements.ElementType));
            yield return new RunChunk(7, 3, 300, ElementsCodec.ToChunk(elements), function, CancellationToken.None, Supervision: policy);
        }
        var shipped = new FunctionSource("Harmonic.Series.Value", "long") { PackageHash = new string('a', 64) };
        yield return new RunChunk(8, 1, 10, new RangeChunk(10, 5), new SourcedMapFunction(shipped, NodeFunctions.For(shipped)), CancellationToken.None);
        yield return new Messages.Compute.FetchAssembly { Hash = new string('b', 64), Offset = 262144 };
        yield return new Messages.Compute.AssemblyPart { Hash = new string('b', 64), Offset = 0, Length = 3, Data = Google.Protobuf.ByteString.CopyFrom(1, 2, 3) };
        yield return new Messages.Compute.AssemblyPart { Hash = new string('c', 64), Error = "not in this node's store" };
        yield return new ChunkResult(7, 3, 300, new ChunkOutput<long>([1, -1, long.MinValue]));
        yield return new ChunkResult(7, 3, 300, new ChunkOutput<double>([0.5, double.NegativeInfinity]));
        yield return new ChunkResult(7, 3, 300, new ChunkOutput<int>([1, int.MaxValue]));
        yield return new ChunkResult(7, 3, 300, new ChunkOutput<bool>([true, false, true]));
        yield return new ChunkResult(7, 3, 300, new ChunkOutput<string>(["a", "ü", ""]));
        yield return new ChunkResult(7, 3, 300, new ChunkOutput<(int, string)>([(1, "one"), (2, "two")]));
        yield return new ChunkFailed(7, 3, new ElementFailure(301, "System.FormatException", "bad input", "at Lambda(Int64 x)", "akka.tcp://sys@127.0.0.1:1/user/w"), Directive.Escalate);
        yield return new RegisterWorkers([TestActor, Sys.DeadLetters]);
        yield return WorkersRegistered.Instance;
        yield return new CancelChunks(7);
        yield return new ChunkStarted(7, 3);
    }
}
