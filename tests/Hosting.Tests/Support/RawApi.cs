using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorMap.Hosting.Api;
using ActorMap.Messages.Compute;
using Grpc.Core;
using Grpc.Net.Client;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// A gRPC client of the Seed that sends what it is told, lies and garbage included, over a
/// connection of its own, so the Seed's log line about it can be found by its address.
/// </summary>
internal sealed class RawApi : IDisposable
{
    private static readonly Marshaller<byte[]> s_bytes = Marshallers.Create(b => b, b => b);
    private static readonly Method<byte[], byte[]> s_runBytes = new(MethodType.DuplexStreaming, "actormap.compute.JobService", "Run", s_bytes, s_bytes);

    private readonly GrpcChannel _channel;
    private EndPoint? _local;

    private RawApi(int port)
    {
        var handler = new SocketsHttpHandler
        {
            // One connection, whose address this client remembers: the Seed logs the peer by it.
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                _local = socket.LocalEndPoint;
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        Jobs = new JobService.JobServiceClient(_channel);
    }

    public JobService.JobServiceClient Jobs { get; }

    /// <summary>This client's address as the Seed logs it (known once a call has connected).</summary>
    public string Address => PeerAddress.Of(_local ?? throw new InvalidOperationException("no call has connected yet"));

    public static RawApi Connect(int port) => new(port);

    /// <summary>A Run call whose request messages are raw bytes, each sent as one gRPC message.</summary>
    public AsyncDuplexStreamingCall<byte[], byte[]> RunBytes() => _channel.CreateCallInvoker().AsyncDuplexStreamingCall(s_runBytes, null, new CallOptions());

    /// <summary>Sends <paramref name="messages"/> on one Run call and returns the status the Seed ends it with.</summary>
    public Task<RpcException> RefusedAsync(params ClientMessage[] messages) =>
        RefusedAsync(Jobs.Run(), messages, (stream, message) => stream.WriteAsync(message));

    /// <summary>Sends raw <paramref name="messages"/> on one Run call and returns the status the Seed ends it with.</summary>
    public Task<RpcException> RefusedAsync(params byte[][] messages) =>
        RefusedAsync(RunBytes(), messages, (stream, message) => stream.WriteAsync(message));

    private static async Task<RpcException> RefusedAsync<TRequest, TResponse>(AsyncDuplexStreamingCall<TRequest, TResponse> call, TRequest[] messages,
        Func<IClientStreamWriter<TRequest>, TRequest, Task> write)
    {
        using (call)
        {
            try
            {
                foreach (var message in messages)
                {
                    await write(call.RequestStream, message);
                }
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
            {
                // The Seed may end the call before it has read everything: its answer is below.
            }
            using var deadline = new CancellationTokenSource(GuardedCluster.Deadline);
            return await Assert.ThrowsAsync<RpcException>(async () =>
            {
                while (await call.ResponseStream.MoveNext(deadline.Token))
                {
                    Assert.Fail($"the Seed answered {call.ResponseStream.Current}");
                }
            });
        }
    }

    public void Dispose() => _channel.Dispose();
}
