using ActorMap.Functions.Shipping;
using Akka.Actor;
using Proto = ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Shipping;

/// <summary>
/// A node's side of fetching shipped files from the Seed's <see cref="AssemblyServer"/>, over
/// the cluster's own connection, part by part so no message comes near a frame's limit. What
/// arrives goes through <see cref="AssemblyStore.Put"/>, which checks it against its hash.
/// </summary>
internal static class AssemblyFetcher
{
    /// <summary>A part that does not come within this fails the chunk; a retry asks again.</summary>
    public static readonly TimeSpan PartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Fetches <paramref name="missing"/> into <paramref name="store"/>; returns the bytes fetched.</summary>
    public static long Fetch(ActorSystem system, string server, FunctionPackage package, IReadOnlyList<string> missing, AssemblyStore store, CancellationToken cancellation)
    {
        var names = NamesOf(package);
        long total = 0;
        foreach (var hash in missing)
        {
            total += Fetch(system, server, hash, names.GetValueOrDefault(hash, hash), store, cancellation);
        }
        return total;
    }

    /// <summary>Fetches one file (<paramref name="name"/> is for messages) into <paramref name="store"/>; returns its length.</summary>
    public static long Fetch(ActorSystem system, string server, string hash, string name, AssemblyStore store, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(server))
        {
            throw new ShippedAssemblyException("the chunk names no assembly server to fetch its shipped files from");
        }
        var bytes = FetchFile(system.ActorSelection(server), hash, name, store, cancellation);
        store.Put(hash, bytes, name);
        return bytes.LongLength;
    }

    // Blocking is right here: this runs on the job's worker, which has nothing else to do until its function is loaded.
    private static byte[] FetchFile(ActorSelection server, string hash, string name, AssemblyStore store, CancellationToken cancellation)
    {
        byte[]? file = null;
        long offset = 0;
        do
        {
            Proto.AssemblyPart part;
            try
            {
                part = server.Ask<Proto.AssemblyPart>(new Proto.FetchAssembly { Hash = hash, Offset = offset }, PartTimeout, cancellation).GetAwaiter().GetResult();
            }
            catch (AskTimeoutException e)
            {
                throw new ShippedAssemblyException($"'{name}' ({hash}) did not come from the Seed's assembly server {server.PathString} within {PartTimeout.TotalSeconds:0} s", e);
            }
            if (part.Error.Length > 0)
            {
                throw new ShippedAssemblyException($"the Seed cannot send '{name}' ({hash}): {part.Error}");
            }
            if (part.Hash != hash || part.Offset != offset || part.Length < 0 || part.Length > store.SizeLimit || (file is not null && part.Length != file.LongLength)
                || offset + part.Data.Length > part.Length || (part.Data.Length == 0 && offset < part.Length))
            {
                throw new ShippedAssemblyException($"the Seed's assembly server sent a part of '{name}' that does not fit (offset {part.Offset} of {part.Length}, {part.Data.Length} bytes)");
            }
            file ??= new byte[part.Length];
            part.Data.Span.CopyTo(file.AsSpan(checked((int)offset)));
            offset += part.Data.Length;
        }
        while (offset < file.LongLength);
        return file;
    }

    private static Dictionary<string, string> NamesOf(FunctionPackage package)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in package.Assemblies)
        {
            names.TryAdd(assembly.Hash, assembly.Name + ".dll");
            if (assembly.PdbHash is { } pdb)
            {
                names.TryAdd(pdb, assembly.Name + ".pdb");
            }
            foreach (var native in assembly.Natives)
            {
                names.TryAdd(native.Hash, native.FileName);
            }
        }
        return names;
    }
}
