namespace ActorMap.Compute;

/// <summary>How a job's router assigns chunks to workers.</summary>
public enum Balancing
{
    /// <summary>Chunk i goes to worker i mod N, in turn.</summary>
    RoundRobin,

    /// <summary>Each worker takes the next chunk when it has room: dynamic load balancing for skewed work.</summary>
    Pull,
}
