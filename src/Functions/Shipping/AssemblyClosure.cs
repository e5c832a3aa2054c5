using System.Reflection;
using System.Runtime.Loader;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// The assemblies a delegate's assembly needs that a node does not have of its own: its
/// references, transitively, resolved the way the caller's runtime resolves them (through
/// the load context each referencing assembly lives in), less the framework, ActorMap and Akka.
/// </summary>
internal static class AssemblyClosure
{
    /// <summary>
    /// The roots (those that are not the host's) first, then breadth first. Resolving a reference loads it into
    /// the caller's process if it was not yet (what the caller's own code would do on first use).
    /// A reference that does not resolve is left out: the caller could not use it either, and the
    /// node fails the same way only if the function reaches it.
    /// </summary>
    public static IReadOnlyList<Assembly> Of(IEnumerable<Assembly> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var found = new List<Assembly>();
        var byName = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<Assembly>();
        foreach (var root in roots)
        {
            if (root.GetName().Name is { } rootName && !HostAssemblies.IsHostName(rootName) && !HostAssemblies.IsFramework(root))
            {
                Add(root, null);
            }
        }
        while (queue.Count > 0)
        {
            var assembly = queue.Dequeue();
            var context = AssemblyLoadContext.GetLoadContext(assembly) ?? AssemblyLoadContext.Default;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || HostAssemblies.IsHostName(reference.Name))
                {
                    continue;
                }
                if (Resolve(context, reference) is { } dependency && !HostAssemblies.IsFramework(dependency))
                {
                    Add(dependency, assembly);
                }
            }
        }
        return found;

        void Add(Assembly assembly, Assembly? referencedBy)
        {
            var name = assembly.GetName().Name ?? throw new UnshippableFunctionException($"an assembly without a name cannot be shipped ({assembly})");
            if (byName.TryGetValue(name, out var known))
            {
                // One name, one assembly: a node's context resolves by name, so two versions in
                // one function cannot both be honoured.
                if (!ReferenceEquals(known, assembly))
                {
                    throw new UnshippableFunctionException(
                        $"the function needs two assemblies named '{name}' ({known.GetName().Version} and {assembly.GetName().Version}, the latter referenced by {referencedBy?.GetName().Name}); a shipped function can use one version of each assembly");
                }
                return;
            }
            byName.Add(name, assembly);
            found.Add(assembly);
            queue.Enqueue(assembly);
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName reference)
    {
        try
        {
            return context.LoadFromAssemblyName(reference);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
