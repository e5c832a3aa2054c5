using ActorMap.Functions.Shipping;
using Akka.Actor;
using Google.Protobuf;
using Proto = ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Shipping;

//   Seed: /user/assemblies
/// <summary>
/// Serves the Seed's store to the nodes, a part at a time: a node asks for the files of a job's
/// set that its own store lacks when the job's first chunk reaches it (a node that joined
/// mid-job included). Each file is checked against its hash when read, as every read of the store is.
/// </summary>
internal sealed class AssemblyServer : ReceiveActor
{
    public const string Name = "assemblies";

    private readonly AssemblyStore _store;
    private readonly int _partSize;
    // The files being sent, newest first: each node asks for one file's parts one after another,
    // and several nodes fetching at once must not make each part read and hash its file again.
    private const int FilesKept = 4;
    private readonly LinkedList<(string Hash, byte[] Bytes)> _recent = new();

    public AssemblyServer(AssemblyStore store, long maximumFrameSize)
    {
        _store = store;
        // Well inside a frame, which also carries the node's heartbeats.
        _partSize = (int)Math.Clamp(maximumFrameSize / 4, 16 * 1024, 256 * 1024);
        Receive<Proto.FetchAssembly>(Serve);
    }

    public static Props Props(AssemblyStore store, long maximumFrameSize) => Akka.Actor.Props.Create(() => new AssemblyServer(store, maximumFrameSize));

    /// <summary>The path nodes fetch from, as a chunk carries it.</summary>
    public static string PathOn(Address seed) => (new RootActorPath(seed) / "user" / Name).ToString();

    private void Serve(Proto.FetchAssembly fetch)
    {
        var reply = new Proto.AssemblyPart { Hash = fetch.Hash, Offset = fetch.Offset };
        try
        {
            var bytes = Bytes(fetch.Hash);
            reply.Length = bytes.LongLength;
            if (fetch.Offset < 0 || fetch.Offset > bytes.LongLength)
            {
                reply.Error = $"offset {fetch.Offset} is outside the file's {bytes.LongLength} bytes";
            }
            else
            {
                var length = (int)Math.Min(_partSize, bytes.LongLength - fetch.Offset);
                reply.Data = ByteString.CopyFrom(bytes, (int)fetch.Offset, length);
            }
        }
        catch (ShippedAssemblyException e)
        {
            reply.Error = e.Message;
        }
        Sender.Tell(reply);
    }

    private byte[] Bytes(string hash)
    {
        for (var node = _recent.First; node is not null; node = node.Next)
        {
            if (node.Value.Hash == hash)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Bytes;
            }
        }
        if (!ContentHash.IsValid(hash))
        {
            throw new ShippedAssemblyException($"'{hash}' is not a SHA-256 in hex");
        }
        var bytes = _store.Read(hash, hash);
        _recent.AddFirst((hash, bytes));
        if (_recent.Count > FilesKept)
        {
            _recent.RemoveLast();
        }
        return bytes;
    }
}
