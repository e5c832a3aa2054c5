using System.Net;

namespace ActorMap.Hosting.Api;

/// <summary>A client's address as log lines show it: 127.0.0.1:51234, never the IPv4-mapped IPv6 form.</summary>
internal static class PeerAddress
{
    public static string Of(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint { Address.IsIPv4MappedToIPv6: true } ip => new IPEndPoint(ip.Address.MapToIPv4(), ip.Port).ToString(),
        IPEndPoint ip => ip.ToString(),
        null => "an unknown address",
        _ => endPoint.ToString() ?? "an unknown address",
    };

    public static string Of(IPAddress? address, int port) => address is null ? Of((EndPoint?)null) : Of(new IPEndPoint(address, port));
}
