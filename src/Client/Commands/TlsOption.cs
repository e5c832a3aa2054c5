using System.CommandLine;
using ActorMap.Hosting.Client;

namespace ActorMap.Client.Commands;

/// <summary>--tls DIR, shared by the verbs that talk to a Seed.</summary>
internal static class TlsOption
{
    public static Option<string?> Create() => new("--tls")
    {
        Description = "The cluster's TLS directory (actormap certs create): its client certificate proves this console to the Seed (default: ACTORMAP_TLS_DIR)",
        HelpName = "DIR",
    };

    public static ClusterCredentials Credentials(CliEnvironment environment, string? tls)
    {
        var fromEnvironment = ClusterCredentials.FromEnvironment(environment.GetVariable);
        return tls is null ? fromEnvironment : fromEnvironment with { TlsDirectory = environment.FullPath(tls) };
    }
}
