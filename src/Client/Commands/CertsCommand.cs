using System.CommandLine;
using ActorMap.Functions;
using ActorMap.Hosting.Security;

namespace ActorMap.Client.Commands;

/// <summary><c>actormap certs create --out DIR</c>: everything a cluster needs for TLS, with no openssl.</summary>
internal static class CertsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var output = new Option<string>("--out") { Description = "The directory to write ca.crt, ca.pfx, node.pfx and client.pfx into", HelpName = "DIR", Required = true };
        var hosts = new Option<string[]>("--host")
        {
            Description = "A name or address the nodes are reached by, beside localhost and 127.0.0.1 (repeatable)",
            HelpName = "NAME",
            AllowMultipleArgumentsPerToken = true,
        };
        var days = new Option<int>("--days") { Description = "How long the certificates are valid", DefaultValueFactory = _ => 365 };
        var create = new Command("create", "Create a cluster CA, a node certificate and a client certificate") { output, hosts, days };
        create.SetAction(parse =>
        {
            var directory = environment.FullPath(parse.GetValue(output)!);
            var validity = parse.GetValue(days);
            if (validity < 1)
            {
                throw new UsageException($"--days must be at least 1, got {validity}");
            }
            try
            {
                ClusterCertificates.Create(directory, parse.GetValue(hosts) ?? [], TimeSpan.FromDays(validity));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--out: {e.Message}");
            }
            environment.Stdout.WriteLine($"wrote {ClusterCertificates.CaFile}, ca.pfx, {ClusterCertificates.NodeFile} and {ClusterCertificates.ClientFile} to {directory}");
            environment.Stdout.WriteLine($"nodes: --tls {directory} (or ACTORMAP_TLS_DIR); clients need ca.crt and client.pfx; keep ca.pfx offline");
            return ExitCodes.Success;
        });
        return new Command("certs", "TLS certificates for a cluster") { create };
    }
}
