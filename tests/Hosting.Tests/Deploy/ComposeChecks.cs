using System.Globalization;

namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>
/// docker-compose.yml against the project: each check lists what is wrong, so a spec can show both
/// that the real file passes and that a broken one fails.
/// </summary>
internal static class ComposeChecks
{
    public const string Seed = "seed";
    public const string Worker = "worker";
    public const string Client = "client";
    private const string SecretsDirectory = "/run/secrets/";

    private static readonly string[] s_nodes = [Seed, Worker];

    public static IEnumerable<string> All(ComposeFile compose, ProjectFacts facts) =>
        Variables(compose, facts).Concat(Ports(compose, facts)).Concat(Secrets(compose)).Concat(Commands(compose, facts))
            .Concat(Scaling(compose)).Concat(Addresses(compose)).Concat(Grace(compose, facts)).Concat(Restarts(compose))
            .Concat(ObservabilityChecks.All(compose));

    public static IEnumerable<string> Variables(ComposeFile compose, ProjectFacts facts) =>
        from service in compose.Services
        from name in ComposeFile.Environment(service.Value).Keys
        where name.StartsWith("ACTORMAP_", StringComparison.Ordinal) && !facts.Variables.Contains(name)
        select $"{service.Key}: sets {name}, which neither cluster.hocon, a reference.conf nor the code reads";

    public static IEnumerable<string> Ports(ComposeFile compose, ProjectFacts facts)
    {
        var seed = compose.Service(Seed);
        foreach (var mapping in Yaml.List(seed, "ports"))
        {
            var container = mapping is string text ? text.Split(':')[^1].Split('/')[0] : Yaml.Scalar(mapping, "target");
            if (container != facts.ApiPort.ToString(CultureInfo.InvariantCulture))
            {
                yield return $"seed: publishes {container}; only the API port {facts.ApiPort} is for the host";
            }
        }
        if (Yaml.List(seed, "ports").Count == 0)
        {
            yield return $"seed: does not publish the API port {facts.ApiPort}";
        }
        foreach (var problem in Expect(compose, Seed, "--port", "ACTORMAP_PORT", facts.ClusterPort)
            .Concat(Expect(compose, Seed, "--api-port", "ACTORMAP_API_PORT", facts.ApiPort))
            .Concat(Expect(compose, Worker, "--port", "ACTORMAP_PORT", facts.ClusterPort)))
        {
            yield return problem;
        }
        foreach (var (service, port) in new[] { (Worker, facts.ClusterPort), (Client, facts.ApiPort) })
        {
            var seedFlag = NodeArguments.Flag(ComposeFile.Runs(compose.Service(service)), "--seed");
            var dialled = seedFlag is null ? ((string Host, int Port)?)null : NodeArguments.HostAndPort(seedFlag, port);
            if (dialled is null || dialled.Value.Host != Seed || dialled.Value.Port != port)
            {
                yield return $"{service}: must pass --seed {Seed}:{port}, got '{seedFlag}'";
            }
        }
    }

    // A port a service may set by flag or variable: either must be the configured one (never 0).
    private static IEnumerable<string> Expect(ComposeFile compose, string service, string flag, string variable, int configured)
    {
        var expected = configured.ToString(CultureInfo.InvariantCulture);
        var fromFlag = NodeArguments.Flag(ComposeFile.Runs(compose.Service(service)), flag);
        ComposeFile.Environment(compose.Service(service)).TryGetValue(variable, out var fromVariable);
        foreach (var (how, value) in new[] { (flag, fromFlag), (variable, fromVariable) })
        {
            if (value is not null && value != expected)
            {
                yield return $"{service}: {how} {value}, but the configured port is {expected} (a fixed port: a restart comes back at the same host:port)";
            }
        }
    }

    public static IEnumerable<string> Secrets(ComposeFile compose)
    {
        foreach (var problem in SecretChecks.InText("docker-compose.yml", compose.Text))
        {
            yield return problem;
        }
        var declared = Yaml.Map(compose.Root, "secrets");
        foreach (var (name, service) in compose.Services)
        {
            var environment = ComposeFile.Environment(service);
            foreach (var problem in SecretChecks.InEnvironment(name, environment))
            {
                yield return problem;
            }
            foreach (var volume in Yaml.List(service, "volumes"))
            {
                yield return $"{name}: mounts a volume ({Yaml.Scalar(volume, "source") ?? volume}); TLS material comes as a compose secret only";
            }
            if (!ActorMapImage(compose, name))
            {
                // The collector and Prometheus hold no cluster credentials: they only receive and scrape.
                continue;
            }
            var tls = environment.GetValueOrDefault("ACTORMAP_TLS_DIR");
            var secret = tls is not null && tls.StartsWith(SecretsDirectory, StringComparison.Ordinal) ? tls[SecretsDirectory.Length..] : null;
            var given = Yaml.List(service, "secrets").Select(s => s as string ?? Yaml.Scalar(s, "source"));
            if (secret is null || !given.Contains(secret) || Yaml.Scalar(declared, secret, "file") is null)
            {
                yield return $"{name}: ACTORMAP_TLS_DIR must be {SecretsDirectory}NAME for a file secret NAME the service lists, got '{tls}'";
            }
        }
        foreach (var file in Yaml.Map(compose.Root, "secrets").Values.Select(s => Yaml.Scalar(s, "file")).OfType<string>())
        {
            var entry = file.TrimStart('.', '/').TrimEnd('/') + "/";
            foreach (var ignore in new[] { ".gitignore", ".dockerignore" })
            {
                if (!RepositoryFiles.Read(ignore).Split('\n').Select(l => l.Trim()).Contains(entry))
                {
                    yield return $"secret file {file} is not in {ignore} as '{entry}'";
                }
            }
        }
    }

    /// <summary>True for a service that runs the project's image (a node or the console), which needs the cluster's TLS.</summary>
    private static bool ActorMapImage(ComposeFile compose, string service) =>
        Yaml.Scalar(compose.Service(service), "image") == Yaml.Scalar(compose.Service(Seed), "image");

    public static IEnumerable<string> Commands(ComposeFile compose, ProjectFacts facts)
    {
        var expected = new Dictionary<string, string> { [Seed] = facts.SeedDll, [Worker] = facts.WorkerDll, [Client] = facts.ClientDll };
        foreach (var (service, dll) in expected)
        {
            var runs = NodeArguments.Dlls(ComposeFile.Runs(compose.Service(service)));
            if (!runs.SequenceEqual([dll]))
            {
                yield return $"{service}: must run {dll} (the Dockerfile's publish output), runs [{string.Join(", ", runs)}]";
            }
        }
        foreach (var node in s_nodes)
        {
            var test = Yaml.Words(Yaml.At(compose.Service(node), "healthcheck", "test"));
            if (!test.SequenceEqual(["CMD", "dotnet", expected[node], "health"]))
            {
                yield return $"{node}: healthcheck must be [CMD, dotnet, {expected[node]}, health] (the node binary's health verb), got [{string.Join(", ", test)}]";
            }
        }
    }

    public static IEnumerable<string> Scaling(ComposeFile compose)
    {
        var worker = compose.Service(Worker);
        foreach (var key in new[] { "container_name", "hostname", "ports" })
        {
            if (Yaml.At(worker, key) is not null)
            {
                yield return $"worker: sets {key}, so `--scale worker=N` cannot run N replicas";
            }
        }
    }

    public static IEnumerable<string> Addresses(ComposeFile compose)
    {
        foreach (var node in s_nodes)
        {
            if (ComposeFile.Environment(compose.Service(node)).GetValueOrDefault("ACTORMAP_HOSTNAME") != "0.0.0.0")
            {
                yield return $"{node}: must bind 0.0.0.0 (ACTORMAP_HOSTNAME), or peers in other containers cannot reach it";
            }
        }
        if (ComposeFile.Environment(compose.Service(Seed)).GetValueOrDefault("ACTORMAP_PUBLIC_HOSTNAME") != Seed)
        {
            yield return "seed: must advertise 'seed' (ACTORMAP_PUBLIC_HOSTNAME), the name workers dial: Akka matches addresses exactly";
        }
        if (ComposeFile.Environment(compose.Service(Worker)).ContainsKey("ACTORMAP_PUBLIC_HOSTNAME"))
        {
            yield return "worker: sets ACTORMAP_PUBLIC_HOSTNAME, which every replica would advertise";
        }
    }

    public static IEnumerable<string> Grace(ComposeFile compose, ProjectFacts facts) =>
        from node in s_nodes
        let text = Yaml.Scalar(compose.Service(node), "stop_grace_period")
        let grace = ComposeFile.Duration(text) ?? TimeSpan.FromSeconds(10)
        where grace <= facts.LeaveTakesAtMost
        select $"{node}: stop_grace_period {text ?? "(Docker's 10 s)"} does not cover a graceful leave " +
            $"(abandon-user-code-after {facts.AbandonUserCodeAfter.TotalSeconds} s + {ProjectFacts.LeaveMargin.TotalSeconds} s)";

    public static IEnumerable<string> Restarts(ComposeFile compose)
    {
        foreach (var node in s_nodes)
        {
            var service = compose.Service(node);
            if (Yaml.Scalar(service, "restart") is not ("on-failure" or "unless-stopped"))
            {
                yield return $"{node}: restart must be on-failure or unless-stopped, got '{Yaml.Scalar(service, "restart")}'";
            }
            if (ComposeFile.Environment(service).GetValueOrDefault("ACTORMAP_REJOIN") != "off")
            {
                yield return $"{node}: under a restart policy ACTORMAP_REJOIN must be \"off\": a downed node exits 1 and comes back as a new incarnation";
            }
        }
        foreach (var dependent in new[] { Worker, Client })
        {
            if (Yaml.Scalar(compose.Service(dependent), "depends_on", Seed, "condition") != "service_healthy")
            {
                yield return $"{dependent}: must depend on seed with condition service_healthy";
            }
        }
        if (!Yaml.List(compose.Service(Client), "profiles").Contains(Client))
        {
            yield return "client: must be under the 'client' profile, so `up` does not start it";
        }
    }
}
