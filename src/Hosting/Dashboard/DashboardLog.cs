using ActorMap.Hosting.Api;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Dashboard;

/// <summary>The dashboard's lines, in the client endpoint's category and style: one line each, naming the peer.</summary>
internal static partial class DashboardLog
{
    public const string Category = ApiLog.Category;

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a dashboard request from {Peer}: {Reason} (open the dashboard as /?token=TOKEN with the token in actormap.api.token-file, or with a client certificate of this cluster)")]
    public static partial void Refused(ILogger logger, string peer, string reason);
}
