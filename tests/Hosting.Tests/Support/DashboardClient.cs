using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ActorMap.Hosting.Api;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// An HTTP/1.1 client for the dashboard, as a browser or a script is: no redirects followed, no
/// cookies kept unless given, and the address of its last connection known (the node's log names it).
/// </summary>
internal sealed class DashboardClient : IDisposable
{
    private readonly HttpClient _http;
    private volatile string _lastAddress = "";

    public DashboardClient(string baseUrl, X509Certificate2? certificate = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // One connection per request: each refusal names a peer of its own.
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                _lastAddress = PeerAddress.Of(socket.LocalEndPoint);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                // The cluster's CA is private: this client checks nothing, the node checks it.
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                ClientCertificates = certificate is null ? null : [certificate],
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30), DefaultRequestVersion = HttpVersion.Version11 };
    }

    /// <summary>This end's address on the last connection, as the node logs it.</summary>
    public string LastAddress => _lastAddress;

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
