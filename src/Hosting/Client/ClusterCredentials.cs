namespace ActorMap.Hosting.Client;

/// <summary>
/// How a client proves itself to a Seed: the cluster's TLS directory (its client certificate, and
/// the CA the Seed's certificate is checked against), and/or a token file.
/// </summary>
public sealed record ClusterCredentials(string? TlsDirectory = null, string? TokenFile = null)
{
    /// <summary>ACTORMAP_TLS_DIR and ACTORMAP_TOKEN_FILE, where set.</summary>
    public static ClusterCredentials FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        return new ClusterCredentials(NonEmpty(getVariable("ACTORMAP_TLS_DIR")), NonEmpty(getVariable("ACTORMAP_TOKEN_FILE")));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
