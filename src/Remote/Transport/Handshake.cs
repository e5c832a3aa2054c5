using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using ActorMap.Messages;
using ActorMap.Runtime.Actor;
using Google.Protobuf;

namespace ActorMap.Remote.Transport;

/// <summary>Who a node says it is in the handshake, and the key it proves the shared secret with.</summary>
internal sealed record LocalIdentity(uint ProtocolVersion, string ClusterName, Address Address, ulong Uid, byte[] SecretKey);

/// <summary>The peer a handshake established.</summary>
internal readonly record struct PeerIdentity(Address Address, ulong Uid);

/// <summary>
/// Four frames: Hello (dialler: version, cluster, address, challenge), Welcome (acceptor: the same
/// plus its proof of the secret over both challenges), Proof (dialler's proof), Accepted. Each proof
/// is HMAC-SHA256(secret, role | challenges), the role label keeping one side's proof from being
/// replayed as the other's; the secret itself never crosses the wire. Either side answers any
/// mismatch with Refused and a reason before closing.
/// </summary>
internal static class Handshake
{
    // No handshake frame comes near this; an unauthenticated peer gets no bigger buffer.
    private const int MaximumHandshakeFrame = 16 * 1024;
    private const int ChallengeSize = 32;
    private static readonly byte[] s_acceptorLabel = Encoding.ASCII.GetBytes("actormap-acceptor");
    private static readonly byte[] s_diallerLabel = Encoding.ASCII.GetBytes("actormap-dialler");

    public static async Task<PeerIdentity> DialAsync(PipeReader input, PipeWriter output, LocalIdentity self, CancellationToken ct)
    {
        var challenge = RandomNumberGenerator.GetBytes(ChallengeSize);
        await SendAsync(output, new Frame
        {
            Hello = new Hello
            {
                ProtocolVersion = self.ProtocolVersion,
                ClusterName = self.ClusterName,
                Address = self.Address.ToString(),
                Uid = self.Uid,
                Challenge = ByteString.CopyFrom(challenge),
            },
        }, ct);
        var reply = await ReceiveAsync(input, ct);
        if (reply.BodyCase != Frame.BodyOneofCase.Welcome)
        {
            throw Unexpected(reply, "Welcome");
        }
        var welcome = reply.Welcome;
        var peer = await CheckPeerAsync(output, self, welcome.ProtocolVersion, welcome.ClusterName, welcome.Address, ct);
        var expected = Prove(self.SecretKey, s_acceptorLabel, challenge, welcome.Challenge.Span);
        if (!CryptographicOperations.FixedTimeEquals(expected, welcome.Proof.Span))
        {
            await RefuseAsync(output, "the acceptor's proof of the shared secret is wrong", ct);
        }
        await SendAsync(output, new Frame
        {
            Proof = new Proof { Proof_ = ByteString.CopyFrom(Prove(self.SecretKey, s_diallerLabel, welcome.Challenge.Span, challenge)) },
        }, ct);
        var verdict = await ReceiveAsync(input, ct);
        if (verdict.BodyCase != Frame.BodyOneofCase.Accepted)
        {
            throw Unexpected(verdict, "Accepted");
        }
        return new PeerIdentity(peer, welcome.Uid);
    }

    /// <param name="admit">
    /// Called once the peer proved the secret, before Accepted is sent: null admits the peer, a
    /// reason refuses it as a duplicate of a connection this node prefers.
    /// </param>
    public static async Task<PeerIdentity> AcceptAsync(PipeReader input, PipeWriter output, LocalIdentity self,
        Func<PeerIdentity, string?> admit, CancellationToken ct)
    {
        var first = await ReceiveAsync(input, ct);
        if (first.BodyCase != Frame.BodyOneofCase.Hello)
        {
            throw Unexpected(first, "Hello");
        }
        var hello = first.Hello;
        var peer = await CheckPeerAsync(output, self, hello.ProtocolVersion, hello.ClusterName, hello.Address, ct);
        var challenge = RandomNumberGenerator.GetBytes(ChallengeSize);
        await SendAsync(output, new Frame
        {
            Welcome = new Welcome
            {
                ProtocolVersion = self.ProtocolVersion,
                ClusterName = self.ClusterName,
                Address = self.Address.ToString(),
                Uid = self.Uid,
                Challenge = ByteString.CopyFrom(challenge),
                Proof = ByteString.CopyFrom(Prove(self.SecretKey, s_acceptorLabel, hello.Challenge.Span, challenge)),
            },
        }, ct);
        var reply = await ReceiveAsync(input, ct);
        if (reply.BodyCase != Frame.BodyOneofCase.Proof)
        {
            throw Unexpected(reply, "Proof");
        }
        var expected = Prove(self.SecretKey, s_diallerLabel, challenge, hello.Challenge.Span);
        if (!CryptographicOperations.FixedTimeEquals(expected, reply.Proof.Proof_.Span))
        {
            await RefuseAsync(output, "the dialler's proof of the shared secret is wrong", ct);
        }
        var identity = new PeerIdentity(peer, hello.Uid);
        if (admit(identity) is { } duplicate)
        {
            await RefuseAsync(output, duplicate, ct, isDuplicate: true);
        }
        await SendAsync(output, new Frame { Accepted = new Accepted() }, ct);
        return identity;
    }

    private static async Task<Address> CheckPeerAsync(PipeWriter output, LocalIdentity self, uint version, string cluster, string address, CancellationToken ct)
    {
        if (version != self.ProtocolVersion)
        {
            await RefuseAsync(output, $"protocol version {version} is not supported (this node speaks {self.ProtocolVersion})", ct);
        }
        if (!string.Equals(cluster, self.ClusterName, StringComparison.Ordinal))
        {
            await RefuseAsync(output, $"cluster name '{cluster}' does not match this node's '{self.ClusterName}'", ct);
        }
        if (!ActorPath.TryParse(address, out var path) || path.Address.Host is null
            || !string.Equals(path.Address.System, self.ClusterName, StringComparison.Ordinal))
        {
            await RefuseAsync(output, $"'{address}' is not a node address of cluster '{self.ClusterName}'", ct);
        }
        return path!.Address;
    }

    private static byte[] Prove(byte[] key, byte[] label, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var data = new byte[label.Length + first.Length + second.Length];
        label.CopyTo(data, 0);
        first.CopyTo(data.AsSpan(label.Length));
        second.CopyTo(data.AsSpan(label.Length + first.Length));
        return HMACSHA256.HashData(key, data);
    }

    private static async Task RefuseAsync(PipeWriter output, string reason, CancellationToken ct, bool isDuplicate = false)
    {
        try
        {
            await SendAsync(output, new Frame { Refused = new Refused { Reason = reason, Duplicate = isDuplicate } }, ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The peer may already be gone; the refusal is still ours to report.
        }
        throw new HandshakeException(reason, refusedByPeer: false, isDuplicate);
    }

    private static HandshakeException Unexpected(Frame frame, string expected) =>
        frame.BodyCase == Frame.BodyOneofCase.Refused
            ? new HandshakeException(frame.Refused.Reason, refusedByPeer: true, frame.Refused.Duplicate)
            : new HandshakeException($"expected {expected} but the peer sent {frame.BodyCase}", refusedByPeer: false);

    private static async Task SendAsync(PipeWriter output, Frame frame, CancellationToken ct)
    {
        FrameCodec.Write(output, frame, MaximumHandshakeFrame);
        await output.FlushAsync(ct);
    }

    private static async Task<Frame> ReceiveAsync(PipeReader input, CancellationToken ct)
    {
        while (true)
        {
            var result = await input.ReadAsync(ct);
            var buffer = result.Buffer;
            if (FrameCodec.TryReadFrame(ref buffer, MaximumHandshakeFrame, out var frame))
            {
                var parsed = Frame.Parser.ParseFrom(frame);
                input.AdvanceTo(buffer.Start);
                return parsed;
            }
            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new HandshakeException("the peer closed the connection during the handshake", refusedByPeer: false, peerClosed: true);
            }
        }
    }
}

/// <summary>
/// A failed handshake; <see cref="RefusedByPeer"/> tells whose verdict it was, and
/// <see cref="IsDuplicate"/> that it only lost a simultaneous dial and may be retried.
/// </summary>
internal sealed class HandshakeException(string reason, bool refusedByPeer, bool isDuplicate = false, bool peerClosed = false) : Exception(reason)
{
    /// <summary>The peer went away mid-handshake (a process exiting): nothing was refused.</summary>
    public bool PeerClosed { get; } = peerClosed;

    public bool RefusedByPeer { get; } = refusedByPeer;

    public bool IsDuplicate { get; } = isDuplicate;
}
