using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ActorMap.Hosting.Api;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>A TLS client that trusts any server and shows the certificate it is given: an intruder's.</summary>
internal static class RawTls
{
    /// <summary>Tries a TLS handshake with <paramref name="certificate"/>; returns this end's address once the node has refused it.</summary>
    public static async Task<string> HandshakeRefusedAsync(int port, X509Certificate2 certificate, TimeSpan timeout)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var address = PeerAddress.Of(tcp.Client.LocalEndPoint);
        using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        using var deadline = new CancellationTokenSource(timeout);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificates = [certificate],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, deadline.Token);
            // TLS 1.3 finishes the client's side before the server has checked its certificate:
            // the refusal then shows as the connection closing.
            var buffer = new byte[256];
            while (await tls.ReadAsync(buffer, deadline.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            // Refused.
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the node neither refused nor closed the TLS connection from {address} within {timeout.TotalSeconds:0} s");
        }
        return address;
    }
}
