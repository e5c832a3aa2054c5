namespace ActorMap.Hosting.Nodes;

public enum NodeRole
{
    /// <summary>Leads the cluster, coordinates jobs, takes clients' jobs (and runs workers when allow-local-routees is on).</summary>
    Seed,

    /// <summary>Joins a seed and runs worker actors.</summary>
    Worker,
}
