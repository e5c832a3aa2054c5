namespace ActorMap.Functions.Shipping;

/// <summary>
/// One file's bytes as the caller holds them: on disk (<see cref="Path"/>, read when uploaded)
/// or in memory (<see cref="Bytes"/>). <see cref="Hash"/> is what the cluster knows it by.
/// </summary>
internal sealed record ShippedContent(string Hash, long Length, string? Path, byte[]? Bytes)
{
    public static ShippedContent FromFile(string path, FileHashes hashes) =>
        new(hashes.Of(path), new FileInfo(path).Length, path, null);

    public static ShippedContent FromBytes(byte[] bytes) => new(ContentHash.Of(bytes), bytes.LongLength, null, bytes);

    /// <summary>The bytes to upload. A file rebuilt since it was hashed no longer matches, and the store refuses it.</summary>
    public byte[] Read() => Bytes ?? File.ReadAllBytes(Path ?? throw new InvalidOperationException("content with neither bytes nor a path"));
}

/// <summary>A native library that goes with an assembly: the file name the runtime asks for, and the runtime it was built for.</summary>
internal sealed record ShippedNative(string FileName, string Rid, ShippedContent Content);

/// <summary>
/// One managed assembly of a function's set, with its PDB when there is one (so a node's
/// stack traces have line numbers) and the native libraries of its package.
/// </summary>
internal sealed record ShippedAssembly(string Name, string Version, ShippedContent Image, ShippedContent? Pdb, IReadOnlyList<ShippedNative> Natives)
{
    public PackageAssembly Describe() => new(
        Name,
        Version,
        Image.Hash,
        Pdb?.Hash,
        [.. Natives.Select(n => new PackageNative(n.FileName, n.Rid, n.Content.Hash))]);

    /// <summary>Every file that must be in a node's store, with its hash, its size and a name for messages.</summary>
    public IEnumerable<(string Name, ShippedContent Content)> Files()
    {
        yield return (Name + ".dll", Image);
        if (Pdb is not null)
        {
            yield return (Name + ".pdb", Pdb);
        }
        foreach (var native in Natives)
        {
            yield return (native.FileName, native.Content);
        }
    }
}
