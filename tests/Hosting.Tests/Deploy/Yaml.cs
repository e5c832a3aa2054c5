using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>
/// YAML as plain trees (mappings, sequences, strings), with merge keys (<c>&lt;&lt;: *node</c>)
/// applied as docker compose applies them, and small lookups that return null where a path is absent.
/// </summary>
internal static class Yaml
{
    public static IReadOnlyList<object?> LoadAll(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<object?>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(deserializer.Deserialize<object?>(parser));
        }
        return documents;
    }

    public static object? At(object? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is IDictionary<object, object?> map && map.TryGetValue(key, out var child) ? child : null;
        }
        return node;
    }

    public static IDictionary<object, object?> Map(object? node, params string[] path) =>
        At(node, path) as IDictionary<object, object?> ?? new Dictionary<object, object?>();

    public static IList<object?> List(object? node, params string[] path) => At(node, path) as IList<object?> ?? [];

    public static string? Scalar(object? node, params string[] path) => At(node, path) as string;

    /// <summary>A command as its words: a sequence as it is, a string split at spaces (compose's short form).</summary>
    public static IReadOnlyList<string> Words(object? node) => node switch
    {
        IList<object?> list => [.. list.Select(w => w?.ToString() ?? "")],
        string text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };
}
