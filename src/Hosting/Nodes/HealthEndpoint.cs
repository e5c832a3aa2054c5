using System.Net;
using System.Net.Sockets;
using System.Text;
using Akka.Actor;
using Microsoft.Extensions.Hosting;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// Answers `health` (<see cref="HealthCommand"/>) on 127.0.0.1:actormap.health.port with this
/// node's member status, one line, then closes. Plain TCP on loopback, no HTTP: the runtime image
/// has no curl, and a probe must not need the cluster's TLS material.
/// </summary>
internal sealed class HealthEndpoint(ActorSystem system, int port) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task _serving = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"actormap.health.port = {port}: cannot listen on 127.0.0.1:{port} ({e.SocketErrorCode}); " +
                "another node on this machine may use it: give each its own (ACTORMAP_HEALTH_PORT), or 0 for none", e);
        }
        _listener = listener;
        _serving = ServeAsync(listener, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        await _serving.ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Up, Joining, Leaving, ...: Akka's member status of this node, or Terminated once its actor system ended.</summary>
    private string Status() =>
        system.WhenTerminated.IsCompleted ? "Terminated" : Akka.Cluster.Cluster.Get(system).SelfMember.Status.ToString();

    private async Task ServeAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(stopping).ConfigureAwait(false);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(Status() + "\n"), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
            {
                // One probe that hung up early; the next one is served.
                if (stopping.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
