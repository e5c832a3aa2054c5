using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using ActorMap.Hosting.Api;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Security;

/// <summary>
/// Who may use the Seed's client endpoint: with TLS, a client presenting a certificate of the
/// cluster's CA (Kestrel has checked it by then) or the token from ACTORMAP_TOKEN_FILE; without
/// TLS (loopback only), anyone, unless a token file is set.
/// </summary>
internal sealed class ClientAuthentication(bool tls, byte[]? token, ILogger logger) : Interceptor
{
    public static byte[]? ReadToken(string? file)
    {
        if (file is null)
        {
            return null;
        }
        try
        {
            var text = File.ReadAllText(file).Trim();
            return text.Length == 0 ? throw new ArgumentException($"ACTORMAP_TOKEN_FILE: '{file}' is empty") : Encoding.UTF8.GetBytes(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"ACTORMAP_TOKEN_FILE: cannot read '{file}': {e.Message}", e);
        }
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }

    // Uploads of code (UploadAssemblies): the same rule as every other call, or anyone could ship code to the nodes.
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, responseStream, context);
    }

    private void Authenticate(ServerCallContext context)
    {
        if (tls && context.GetHttpContext().Connection.ClientCertificate is not null)
        {
            return;
        }
        if (!tls && token is null)
        {
            return;
        }
        var header = context.RequestHeaders.GetValue("authorization");
        const string bearer = "Bearer ";
        if (token is not null && header is not null && header.StartsWith(bearer, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[bearer.Length..]), token))
        {
            return;
        }
        var connection = context.GetHttpContext().Connection;
        var reason = header is null ? "no client certificate and no token" : "a wrong token";
        ApiLog.Unauthenticated(logger, PeerAddress.Of(connection.RemoteIpAddress, connection.RemotePort), reason);
        throw new RpcException(new Status(StatusCode.Unauthenticated,
            "this Seed requires a client certificate of its cluster (--tls DIR) or its token (ACTORMAP_TOKEN_FILE)"));
    }
}
