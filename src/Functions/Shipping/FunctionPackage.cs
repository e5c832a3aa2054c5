using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ActorMap.Functions.Shipping;

/// <summary>A managed assembly of the set, by content: the bytes themselves travel apart, by hash.</summary>
internal sealed record PackageAssembly(string Name, string Version, string Hash, string? PdbHash, IReadOnlyList<PackageNative> Natives);

/// <summary>A native library of the set; <see cref="Rid"/> is empty for one that fits any runtime.</summary>
internal sealed record PackageNative(string FileName, string Rid, string Hash);

/// <summary>
/// The method a delegate calls. <see cref="DeclaringType"/> is assembly-qualified and resolves
/// within the set (or the framework). The metadata token finds the exact overload, and the
/// parameter types check that it is still the method the caller meant.
/// </summary>
internal sealed record ShippedMethod(
    string DeclaringType,
    string Name,
    int MetadataToken,
    bool IsStatic,
    IReadOnlyList<string> ParameterTypes,
    IReadOnlyList<string> GenericArguments);

/// <summary>The delegate's target (a closure, a record, an instance) as System.Text.Json wrote it, and its assembly-qualified type.</summary>
internal sealed record ShippedTarget(string Type, byte[] Json);

/// <summary>
/// A reducer shipped with the function, called where the job's results are folded (the Seed)
/// as reduce(accumulator, result), in the function's load context. <see cref="SeedJson"/> is the
/// fold's first accumulator as JSON; null when the first result starts the fold.
/// </summary>
internal sealed record ShippedReducer(ShippedMethod Method, ShippedTarget? Target, string AccumulatorType, byte[]? SeedJson);

/// <summary>
/// Everything a node needs to call a caller's delegate, except the assemblies' bytes, which a
/// node fetches by hash only when its store lacks them. <see cref="ToBytes"/> is the form a
/// wire message carries; the layers above map it into their own messages.
/// </summary>
internal sealed record FunctionPackage(
    IReadOnlyList<PackageAssembly> Assemblies,
    ShippedMethod Method,
    ShippedTarget? Target,
    string InputType,
    string ResultType)
{
    public const string CurrentFormat = "actormap-function/1";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    /// <summary>Checked first on reading, so a node refuses a later format instead of guessing.</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>The job's reducer when the caller gave a delegate for it; null for none or a built-in one.</summary>
    public ShippedReducer? Reducer { get; init; }

    /// <summary>
    /// Names the load context: the sorted hashes of every file of the set. Two jobs with the same
    /// set share a context; a job with any other file, or another version, gets its own.
    /// </summary>
    public string SetKey()
    {
        var text = new StringBuilder("actormap-set/1\n");
        foreach (var hash in ContentHashes().Order(StringComparer.Ordinal))
        {
            text.Append(hash).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Every hash a node's store must hold to load this package (assemblies, PDBs, native libraries).</summary>
    public IEnumerable<string> ContentHashes()
    {
        foreach (var assembly in Assemblies)
        {
            yield return assembly.Hash;
            if (assembly.PdbHash is not null)
            {
                yield return assembly.PdbHash;
            }
            foreach (var native in assembly.Natives)
            {
                yield return native.Hash;
            }
        }
    }

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, s_json);

    /// <summary>The package, checked enough that nothing in it can name a file outside the store; a <see cref="ShippedAssemblyException"/> says what is wrong.</summary>
    public static FunctionPackage FromBytes(ReadOnlySpan<byte> bytes)
    {
        FunctionPackage? package;
        try
        {
            package = JsonSerializer.Deserialize<FunctionPackage>(bytes, s_json);
        }
        catch (JsonException e)
        {
            throw new ShippedAssemblyException($"the function package cannot be read: {e.Message}", e);
        }
        if (package is null)
        {
            throw new ShippedAssemblyException("the function package is empty");
        }
        package.Validate();
        return package;
    }

    private void Validate()
    {
        if (Format != CurrentFormat)
        {
            throw new ShippedAssemblyException($"the function package has format '{Format}'; this node reads '{CurrentFormat}'");
        }
        // No assembly is right for a framework method (Math.Sqrt): the node has it.
        Require(Assemblies is not null, "has no assembly list");
        Require(Method is not null && !string.IsNullOrEmpty(Method.DeclaringType) && !string.IsNullOrEmpty(Method.Name), "names no method");
        Require(Method.ParameterTypes is not null && Method.GenericArguments is not null, "has a method without parameter types");
        Require(!string.IsNullOrEmpty(InputType) && !string.IsNullOrEmpty(ResultType), "has no element types");
        Require(Target is null || (!string.IsNullOrEmpty(Target.Type) && Target.Json is not null), "has a target without type or state");
        Require(Reducer is null || (Reducer.Method is { ParameterTypes: not null, GenericArguments: not null } && !string.IsNullOrEmpty(Reducer.Method.DeclaringType)
            && !string.IsNullOrEmpty(Reducer.AccumulatorType) && (Reducer.Target is null || (!string.IsNullOrEmpty(Reducer.Target.Type) && Reducer.Target.Json is not null))),
            "has a reducer without its method, its accumulator type or its state");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in Assemblies)
        {
            Require(assembly is not null && !string.IsNullOrEmpty(assembly.Name) && assembly.Natives is not null, "has an assembly without a name");
            Require(names.Add(assembly.Name), $"lists assembly '{assembly.Name}' twice");
            Require(ContentHash.IsValid(assembly.Hash), $"has a bad hash '{assembly.Hash}' for '{assembly.Name}'");
            Require(assembly.PdbHash is null || ContentHash.IsValid(assembly.PdbHash), $"has a bad PDB hash for '{assembly.Name}'");
            foreach (var native in assembly.Natives)
            {
                // The file name reaches the runtime's native loader: no directories.
                Require(native is not null && !string.IsNullOrEmpty(native.FileName) && native.FileName == Path.GetFileName(native.FileName) && native.Rid is not null,
                    $"has a bad native library name for '{assembly.Name}'");
                Require(ContentHash.IsValid(native.Hash), $"has a bad hash for native library '{native.FileName}'");
            }
        }
    }

    private static void Require([DoesNotReturnIf(false)] bool condition, string problem)
    {
        if (!condition)
        {
            throw new ShippedAssemblyException($"the function package {problem}");
        }
    }
}
