using ActorMap.Functions;
using ActorMap.Compute;

namespace ActorMap.Client.Commands;

/// <summary>The map verb's arguments, checked: everything a user can get wrong is a <see cref="UsageException"/> here.</summary>
internal sealed record MapRequest(
    string? Function,
    LongRange? Range,
    string? Input,
    ReduceChoice Reduce,
    int? ChunkSize,
    int? Workers,
    Balancing? Balancing,
    string? Output,
    string? ConfigFile)
{
    /// <summary>--assembly and --function: a static method of the user's assembly; null when FUNCTION is a lambda.</summary>
    public AssemblyMethod? Method { get; init; }

    /// <summary>Where --report writes the job's performance report; null writes none.</summary>
    public string? Report { get; init; }

    /// <summary>HOST:PORT of a cluster's Seed; null runs on the embedded default.</summary>
    public string? Seed { get; init; }

    /// <summary>The job's own supervision (--supervision, --on, --retries, --retry-window), over the configuration's.</summary>
    public SupervisionOverrides Supervision { get; init; } = SupervisionOverrides.None;

    /// <summary>How the console proves itself to the Seed (--tls, ACTORMAP_TLS_DIR, ACTORMAP_TOKEN_FILE).</summary>
    public Hosting.Client.ClusterCredentials Credentials { get; init; } = new();

    public static MapRequest Create(string? function, string? range, string? input, string? reduce, int? chunkSize, int? workers,
        string? balancing, string? output, string? configFile, string? assembly = null, string? method = null)
    {
        var assemblyMethod = AssemblyMethod.From(function, assembly, method);
        if (assemblyMethod is null && string.IsNullOrWhiteSpace(function))
        {
            throw new UsageException("FUNCTION is empty: give a C# lambda such as \"x => x * x\", or --assembly DLL --function Namespace.Type.Method");
        }
        if ((range is null) == (input is null))
        {
            throw new UsageException("give exactly one of --range A..B and --input FILE|-");
        }
        LongRange? parsedRange = null;
        if (range is not null)
        {
            parsedRange = LongRange.TryParse(range, out var r)
                ? r
                : throw new UsageException($"--range must be A..B with integers A <= B (B excluded), got '{range}'");
        }
        if (chunkSize is < 1)
        {
            throw new UsageException($"--chunk-size must be at least 1, got {chunkSize}");
        }
        if (workers is < 1)
        {
            throw new UsageException($"--workers must be at least 1, got {workers}");
        }
        Balancing? parsedBalancing = balancing switch
        {
            null => null,
            "round-robin" => Compute.Balancing.RoundRobin,
            "pull" => Compute.Balancing.Pull,
            _ => throw new UsageException($"--balancing must be round-robin or pull, got '{balancing}'"),
        };
        var reduceChoice = assemblyMethod is null ? ReduceChoice.Parse(reduce) : ReduceChoice.ParseForAssembly(reduce);
        return new MapRequest(function, parsedRange, input, reduceChoice, chunkSize, workers, parsedBalancing, output, configFile) { Method = assemblyMethod };
    }
}
