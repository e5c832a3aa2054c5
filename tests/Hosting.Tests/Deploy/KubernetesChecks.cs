using System.Globalization;

namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>
/// deploy/kubernetes against the project: each check lists what is wrong, so a spec can show both
/// that the real manifests pass and that broken ones fail.
/// </summary>
internal static class KubernetesChecks
{
    public const string SeedSet = "actormap-seed";
    public const string WorkerDeployment = "actormap-worker";

    public static IEnumerable<string> All(KubernetesManifests manifests, ProjectFacts facts) =>
        Variables(manifests, facts).Concat(Ports(manifests, facts)).Concat(Secrets(manifests)).Concat(Commands(manifests, facts))
            .Concat(Addresses(manifests)).Concat(Grace(manifests, facts));

    public static IEnumerable<string> Variables(KubernetesManifests manifests, ProjectFacts facts) =>
        from workload in manifests.Workloads
        from container in KubernetesManifests.Containers(workload)
        from variable in Yaml.List(container, "env")
        let name = Yaml.Scalar(variable, "name") ?? ""
        where name.StartsWith("ACTORMAP_", StringComparison.Ordinal) && !facts.Variables.Contains(name)
        select $"{KubernetesManifests.Name(workload)}: sets {name}, which neither cluster.hocon, a reference.conf nor the code reads";

    public static IEnumerable<string> Ports(KubernetesManifests manifests, ProjectFacts facts)
    {
        var named = new Dictionary<string, int> { ["cluster"] = facts.ClusterPort, ["api"] = facts.ApiPort };
        foreach (var workload in manifests.Workloads)
        {
            foreach (var port in KubernetesManifests.Containers(workload).SelectMany(c => Yaml.List(c, "ports")))
            {
                var name = Yaml.Scalar(port, "name") ?? "";
                if (!named.TryGetValue(name, out var expected) || Yaml.Scalar(port, "containerPort") != expected.ToString(CultureInfo.InvariantCulture))
                {
                    yield return $"{KubernetesManifests.Name(workload)}: port {name} = {Yaml.Scalar(port, "containerPort")}, configured: cluster {facts.ClusterPort}, api {facts.ApiPort}";
                }
                if (Yaml.At(port, "hostPort") is not null)
                {
                    yield return $"{KubernetesManifests.Name(workload)}: a hostPort pins one pod per machine";
                }
            }
        }
        foreach (var service in manifests.OfKind("Service"))
        {
            foreach (var port in Yaml.List(service, "spec", "ports"))
            {
                var name = Yaml.Scalar(port, "name") ?? "";
                if (!named.TryGetValue(name, out var expected) || Yaml.Scalar(port, "port") != expected.ToString(CultureInfo.InvariantCulture))
                {
                    yield return $"{KubernetesManifests.Name(service)}: port {name} = {Yaml.Scalar(port, "port")}, configured: cluster {facts.ClusterPort}, api {facts.ApiPort}";
                }
            }
        }
        var seed = NodeArguments.Flag(WorkerRuns(manifests), "--seed");
        if (seed is null || NodeArguments.HostAndPort(seed, facts.ClusterPort) != (SeedAddress(manifests), facts.ClusterPort))
        {
            yield return $"{WorkerDeployment}: must pass --seed {SeedAddress(manifests)}:{facts.ClusterPort}, got '{seed}'";
        }
    }

    public static IEnumerable<string> Secrets(KubernetesManifests manifests)
    {
        foreach (var (file, text) in manifests.Files)
        {
            foreach (var problem in SecretChecks.InText(file, text))
            {
                yield return problem;
            }
        }
        foreach (var secret in manifests.OfKind("Secret"))
        {
            yield return $"{KubernetesManifests.Name(secret)}: a Secret in the manifests puts its data in git; create it with kubectl";
        }
        foreach (var workload in manifests.Workloads)
        {
            var volumes = Yaml.List(workload, "spec", "template", "spec", "volumes");
            foreach (var container in KubernetesManifests.Containers(workload))
            {
                var where = KubernetesManifests.Name(workload);
                foreach (var problem in SecretChecks.InEnvironment(where, KubernetesManifests.Environment(container)))
                {
                    yield return problem;
                }
                var tls = KubernetesManifests.Environment(container).GetValueOrDefault("ACTORMAP_TLS_DIR");
                var mount = Yaml.List(container, "volumeMounts").FirstOrDefault(m => Yaml.Scalar(m, "mountPath") == tls);
                var volume = volumes.FirstOrDefault(v => Yaml.Scalar(v, "name") == Yaml.Scalar(mount, "name"));
                if (tls is null || mount is null || Yaml.Scalar(mount, "readOnly") != "true" || Yaml.Scalar(volume, "secret", "secretName") is null)
                {
                    yield return $"{where}: ACTORMAP_TLS_DIR ('{tls}') must be the mountPath of a readOnly Secret volume";
                }
            }
        }
    }

    public static IEnumerable<string> Commands(KubernetesManifests manifests, ProjectFacts facts)
    {
        foreach (var (kind, name, dll) in new[] { ("StatefulSet", SeedSet, facts.SeedDll), ("Deployment", WorkerDeployment, facts.WorkerDll) })
        {
            var containers = KubernetesManifests.Containers(manifests.Find(kind, name)).ToList();
            if (containers.Count != 1)
            {
                yield return $"{name}: expected one container, found {containers.Count}";
                continue;
            }
            var runs = NodeArguments.Dlls(KubernetesManifests.Runs(containers[0]));
            if (!runs.SequenceEqual([dll]))
            {
                yield return $"{name}: must run {dll} (the Dockerfile's publish output), runs [{string.Join(", ", runs)}]";
            }
            foreach (var (probe, verb) in new[] { ("readinessProbe", new[] { "health" }), ("livenessProbe", ["health", "--live"]) })
            {
                var command = Yaml.Words(Yaml.At(containers[0], probe, "exec", "command"));
                if (!command.SequenceEqual(["dotnet", dll, .. verb]))
                {
                    yield return $"{name}: {probe} must exec [dotnet, {dll}, {string.Join(", ", verb)}], got [{string.Join(", ", command)}]";
                }
            }
        }
    }

    public static IEnumerable<string> Addresses(KubernetesManifests manifests)
    {
        var set = manifests.Find("StatefulSet", SeedSet);
        var headless = manifests.Find("Service", Yaml.Scalar(set, "spec", "serviceName") ?? "");
        if (Yaml.Scalar(headless, "spec", "clusterIP") != "None" || Yaml.Scalar(headless, "spec", "publishNotReadyAddresses") != "true")
        {
            yield return $"{SeedSet}: its serviceName must be a headless Service (clusterIP: None) with publishNotReadyAddresses: true";
        }
        var seedContainer = KubernetesManifests.Containers(set).FirstOrDefault();
        if (KubernetesManifests.Environment(seedContainer).GetValueOrDefault("ACTORMAP_PUBLIC_HOSTNAME") != SeedAddress(manifests))
        {
            yield return $"{SeedSet}: must advertise its stable name {SeedAddress(manifests)} (ACTORMAP_PUBLIC_HOSTNAME), what workers dial";
        }
        var worker = KubernetesManifests.Containers(manifests.Find("Deployment", WorkerDeployment)).FirstOrDefault();
        if (Yaml.Scalar(KubernetesManifests.Variable(worker, "ACTORMAP_PUBLIC_HOSTNAME"), "valueFrom", "fieldRef", "fieldPath") != "status.podIP")
        {
            yield return $"{WorkerDeployment}: ACTORMAP_PUBLIC_HOSTNAME must come from the downward API's status.podIP";
        }
        foreach (var container in new[] { seedContainer, worker })
        {
            if (KubernetesManifests.Environment(container).GetValueOrDefault("ACTORMAP_HOSTNAME") != "0.0.0.0")
            {
                yield return $"{Yaml.Scalar(container, "name")}: must bind 0.0.0.0 (ACTORMAP_HOSTNAME)";
            }
        }
        if (KubernetesManifests.Environment(worker).GetValueOrDefault("ACTORMAP_REJOIN") != "off")
        {
            yield return $"{WorkerDeployment}: ACTORMAP_REJOIN must be \"off\": a downed worker exits 1 and the kubelet restarts it";
        }
    }

    public static IEnumerable<string> Grace(KubernetesManifests manifests, ProjectFacts facts)
    {
        foreach (var workload in manifests.Workloads)
        {
            var spec = Yaml.At(workload, "spec", "template", "spec");
            var grace = int.TryParse(Yaml.Scalar(spec, "terminationGracePeriodSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(30);
            // A preStop hook runs before SIGTERM, inside the same grace period.
            var preStop = KubernetesManifests.Containers(workload).Select(PreStopSleep).DefaultIfEmpty(TimeSpan.Zero).Max();
            if (grace <= preStop + facts.LeaveTakesAtMost)
            {
                yield return $"{KubernetesManifests.Name(workload)}: terminationGracePeriodSeconds {grace.TotalSeconds} does not cover preStop " +
                    $"{preStop.TotalSeconds} s + abandon-user-code-after {facts.AbandonUserCodeAfter.TotalSeconds} s + {ProjectFacts.LeaveMargin.TotalSeconds} s";
            }
        }
    }

    private static TimeSpan PreStopSleep(object? container)
    {
        var hook = Yaml.At(container, "lifecycle", "preStop");
        var command = Yaml.Words(Yaml.At(hook, "exec", "command"));
        var seconds = command is ["sleep", var n] ? n : Yaml.Scalar(hook, "sleep", "seconds");
        return int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? TimeSpan.FromSeconds(s) : TimeSpan.Zero;
    }

    /// <summary>The Seed pod's stable DNS name: POD-0.SERVICE of its StatefulSet.</summary>
    private static string SeedAddress(KubernetesManifests manifests)
    {
        var set = manifests.Find("StatefulSet", SeedSet);
        return $"{Yaml.Scalar(set, "metadata", "name")}-0.{Yaml.Scalar(set, "spec", "serviceName")}";
    }

    private static IReadOnlyList<string> WorkerRuns(KubernetesManifests manifests) =>
        KubernetesManifests.Runs(KubernetesManifests.Containers(manifests.Find("Deployment", WorkerDeployment)).FirstOrDefault());
}
