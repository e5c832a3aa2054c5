namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>The YAML files under deploy/kubernetes, as the checks read them: objects by kind and name, their containers.</summary>
internal sealed class KubernetesManifests
{
    public const string Folder = "deploy/kubernetes";

    public KubernetesManifests(IReadOnlyDictionary<string, string> files)
    {
        Files = files;
        Objects = [.. files.OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => Yaml.LoadAll(f.Value)).Where(d => d is not null)];
    }

    /// <summary>File name to text.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public IReadOnlyList<object?> Objects { get; }

    public static KubernetesManifests FromRepository() =>
        new(Directory.GetFiles(RepositoryFiles.PathOf(Folder), "*.yaml")
            .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f), StringComparer.Ordinal));

    public IEnumerable<object?> OfKind(string kind) => Objects.Where(o => Yaml.Scalar(o, "kind") == kind);

    public object? Find(string kind, string name) => OfKind(kind).FirstOrDefault(o => Yaml.Scalar(o, "metadata", "name") == name);

    /// <summary>Deployments and StatefulSets, the objects that run containers here.</summary>
    public IEnumerable<object?> Workloads => OfKind("StatefulSet").Concat(OfKind("Deployment"));

    public static string Name(object? o) => $"{Yaml.Scalar(o, "kind")}/{Yaml.Scalar(o, "metadata", "name")}";

    public static IEnumerable<object?> Containers(object? workload) => Yaml.List(workload, "spec", "template", "spec", "containers");

    public static IReadOnlyList<string> Runs(object? container) =>
        [.. Yaml.Words(Yaml.At(container, "command")), .. Yaml.Words(Yaml.At(container, "args"))];

    /// <summary>A container's literal variables (valueFrom ones have a null value).</summary>
    public static IReadOnlyDictionary<string, string?> Environment(object? container) =>
        Yaml.List(container, "env").ToDictionary(e => Yaml.Scalar(e, "name") ?? "", e => Yaml.Scalar(e, "value"), StringComparer.Ordinal);

    public static object? Variable(object? container, string name) =>
        Yaml.List(container, "env").FirstOrDefault(e => Yaml.Scalar(e, "name") == name);
}
