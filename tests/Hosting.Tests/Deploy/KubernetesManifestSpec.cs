namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>
/// deploy/kubernetes checked statically against the project (there is no Kubernetes here). Each
/// check passes on the real manifests and fails on manifests broken the way it guards against.
/// </summary>
public sealed class KubernetesManifestSpec
{
    private static ProjectFacts Facts => ProjectFacts.Instance;
    private static KubernetesManifests Manifests => KubernetesManifests.FromRepository();

    [Fact]
    public void Holds_a_Seed_StatefulSet_its_Services_and_a_worker_Deployment()
    {
        Assert.NotNull(Manifests.Find("StatefulSet", KubernetesChecks.SeedSet));
        Assert.NotNull(Manifests.Find("Service", "actormap-api"));
        Assert.NotNull(Manifests.Find("Deployment", KubernetesChecks.WorkerDeployment));
    }

    [Fact]
    public void Sets_only_variables_the_project_reads() => NoProblems.In(KubernetesChecks.Variables(Manifests, Facts));

    [Fact]
    public void Uses_the_configured_ports() => NoProblems.In(KubernetesChecks.Ports(Manifests, Facts));

    [Fact]
    public void Holds_no_secret_and_mounts_TLS_from_a_Secret_read_only() => NoProblems.In(KubernetesChecks.Secrets(Manifests));

    [Fact]
    public void Runs_the_published_programs_and_probes_health_with_the_node_binary() => NoProblems.In(KubernetesChecks.Commands(Manifests, Facts));

    [Fact]
    public void Advertises_the_Seed_stable_name_and_the_worker_pod_IP() => NoProblems.In(KubernetesChecks.Addresses(Manifests));

    [Fact]
    public void Gives_pods_time_for_a_graceful_leave() => NoProblems.In(KubernetesChecks.Grace(Manifests, Facts));

    public static TheoryData<string, string, string, string> Breakages => new()
    {
        { "worker.yaml", "name: ACTORMAP_REJOIN", "name: ACTORMAP_REJOIN_MODE", "sets ACTORMAP_REJOIN_MODE" },
        { "seed.yaml", "containerPort: 4080", "containerPort: 8080", "port api = 8080" },
        { "seed.yaml", "      port: 4053", "      port: 4054", "port cluster = 4054" },
        { "worker.yaml", "containerPort: 4053", "containerPort: 4053\n              hostPort: 4053", "hostPort" },
        { "worker.yaml", "actormap-seed-0.actormap-seed:4053", "actormap-seed:4053", "--seed actormap-seed-0.actormap-seed:4053" },
        { "worker.yaml", "# WorkerNodes", "# -----BEGIN CERTIFICATE-----\n# WorkerNodes", "PEM" },
        { "worker.yaml", "          env:\n", "          env:\n            - name: API_TOKEN\n              value: s3cret\n", "API_TOKEN holds a secret" },
        { "worker.yaml", "            defaultMode: 0440\n", "            defaultMode: 0440\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: actormap-tls}\nstringData: {token: abc}\n", "a Secret in the manifests" },
        { "seed.yaml", "readOnly: true", "readOnly: false", "readOnly Secret volume" },
        { "worker.yaml", "secretName: actormap-tls", "emptyDir: {}", "readOnly Secret volume" },
        { "seed.yaml", "args: [\"seed/actormap-seed.dll\"]", "args: [\"actormap-seed.dll\"]", "must run seed/actormap-seed.dll" },
        { "worker.yaml", "[\"dotnet\", \"worker/actormap-worker.dll\", \"health\"]", "[\"dotnet\", \"worker/actormap-worker.dll\", \"health\", \"--live\"]", "readinessProbe must exec" },
        { "seed.yaml", "livenessProbe:\n            exec:\n              command: [\"dotnet\", \"seed/actormap-seed.dll\", \"health\", \"--live\"]", "livenessProbe:\n            exec:\n              command: [\"dotnet\", \"seed/actormap-seed.dll\", \"health\"]", "livenessProbe must exec" },
        { "seed.yaml", "publishNotReadyAddresses: true", "publishNotReadyAddresses: false", "publishNotReadyAddresses: true" },
        { "seed.yaml", "  clusterIP: None\n", "", "headless Service" },
        { "seed.yaml", "value: actormap-seed-0.actormap-seed", "value: actormap-seed", "must advertise its stable name" },
        { "worker.yaml", "fieldPath: status.podIP", "fieldPath: metadata.name", "status.podIP" },
        { "worker.yaml", "value: 0.0.0.0", "value: 127.0.0.1", "must bind 0.0.0.0" },
        { "worker.yaml", "value: \"off\"", "value: \"on\"", "ACTORMAP_REJOIN must be" },
        { "worker.yaml", "terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: 30", "terminationGracePeriodSeconds 30" },
        { "worker.yaml", "      terminationGracePeriodSeconds: 45\n", "", "terminationGracePeriodSeconds 30" },
        { "seed.yaml", "command: [\"sleep\", \"5\"]", "command: [\"sleep\", \"15\"]", "preStop 15 s" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Broken_manifests_fail_their_check(string file, string original, string broken, string expected)
    {
        var files = Manifests.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        Assert.Contains(original, files[file], StringComparison.Ordinal);
        files[file] = files[file].Replace(original, broken, StringComparison.Ordinal);

        var problems = KubernetesChecks.All(new KubernetesManifests(files), Facts).ToList();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }
}
