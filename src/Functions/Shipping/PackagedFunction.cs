namespace ActorMap.Functions.Shipping;

/// <summary>
/// A caller's delegate ready to ship: the <see cref="Package"/> every node gets, and the
/// <see cref="Assemblies"/> whose files are uploaded to a node only for the hashes it lacks.
/// </summary>
internal sealed record PackagedFunction(FunctionPackage Package, IReadOnlyList<ShippedAssembly> Assemblies)
{
    /// <summary>Every file of the set by hash, with a name for messages.</summary>
    public IReadOnlyDictionary<string, (string Name, ShippedContent Content)> Files()
    {
        var files = new Dictionary<string, (string, ShippedContent)>(StringComparer.Ordinal);
        foreach (var assembly in Assemblies)
        {
            foreach (var (name, content) in assembly.Files())
            {
                files.TryAdd(content.Hash, (name, content));
            }
        }
        return files;
    }

    /// <summary>Puts what <paramref name="store"/> lacks into it, and returns how many bytes that took: an in-process upload.</summary>
    public long UploadTo(AssemblyStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var files = Files();
        long uploaded = 0;
        foreach (var hash in store.Missing(files.Keys))
        {
            var (name, content) = files[hash];
            var bytes = content.Read();
            store.Put(hash, bytes, name);
            uploaded += bytes.LongLength;
        }
        return uploaded;
    }
}
