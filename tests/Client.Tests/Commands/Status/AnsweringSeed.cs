using System.Net;
using ActorMap.Messages.Compute;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorMap.Client.Tests.Commands.Status;

/// <summary>
/// The Seed's client endpoint and nothing behind it: the real gRPC service contract on Kestrel,
/// over loopback, answering every status call with one reply. Enough to watch a real connection
/// break, without an actor system.
/// </summary>
internal sealed class AnsweringSeed : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StatusOnly _service;

    private AnsweringSeed(WebApplication app, StatusOnly service)
    {
        _app = app;
        _service = service;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = $"127.0.0.1:{new Uri(address).Port}";
    }

    /// <summary>HOST:PORT, as --seed takes it.</summary>
    public string Address { get; }

    /// <summary>
    /// Completes when the second status call arrives: the console calls one at a time and shows a
    /// reply before it asks again, so by then it has shown the first.
    /// </summary>
    public Task Shown => _service.SecondCall.Task;

    public static async Task<AnsweringSeed> StartAsync(StatusReply reply)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var service = new StatusOnly(reply);
        builder.Services.AddSingleton(service);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<StatusOnly>();
        await app.StartAsync();
        return new AnsweringSeed(app, service);
    }

    /// <summary>Gone as a stopped Seed is: its connections closed, its port refusing.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    internal sealed class StatusOnly(StatusReply reply) : JobService.JobServiceBase
    {
        private int _calls;

        public TaskCompletionSource SecondCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task<StatusReply> Status(StatusRequest request, ServerCallContext context)
        {
            if (Interlocked.Increment(ref _calls) == 2)
            {
                SecondCall.TrySetResult();
            }
            return Task.FromResult(reply);
        }
    }
}
