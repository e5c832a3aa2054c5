using System.Reflection;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// The caller's side of shipping: a delegate (a static method, a lambda, an instance method)
/// becomes a <see cref="PackagedFunction"/>. Everything that would make it fail on a node is
/// found here, before a job starts: state that cannot travel, a signature that is not one
/// element in and one result out, an assembly with no file. Files are hashed once per path
/// and write time (<see cref="FileHashes"/>), so a caller sending many jobs reads them once.
/// </summary>
internal sealed class DelegatePackager(FileHashes hashes, NativeAssets natives)
{
    private static readonly Lazy<DelegatePackager> s_default = new(() => new DelegatePackager(FileHashes.Shared, NativeAssets.ForApp()));

    /// <summary>The process's own: the shared hashes and the app's deps.json.</summary>
    public static DelegatePackager Default => s_default.Value;

    public FileHashes Hashes { get; } = hashes ?? throw new ArgumentNullException(nameof(hashes));

    public PackagedFunction Package(Delegate function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.GetInvocationList().Length > 1)
        {
            throw new UnshippableFunctionException("the function is a multicast delegate (several methods combined); ship one method");
        }
        var method = function.Method;
        if (method.DeclaringType is null || method is System.Reflection.Emit.DynamicMethod)
        {
            throw new UnshippableFunctionException("the function is a dynamic method (a compiled expression tree, for instance), which has no assembly to ship; write it as a method or a lambda");
        }
        var invoke = function.GetType().GetMethod("Invoke")!;
        var parameters = invoke.GetParameters();
        if (parameters.Length != 1 || parameters[0].ParameterType.IsByRef || invoke.ReturnType == typeof(void))
        {
            throw new UnshippableFunctionException(
                $"the function must take one element and return a result (a Func<TIn, TOut>); {method.Name} is a {CapturedNames.Display(function.GetType())}");
        }
        var (input, result) = (parameters[0].ParameterType, invoke.ReturnType);

        ShippedTarget? target = null;
        if (function.Target is { } state)
        {
            CaptureCheck.Verify(state);
            target = new ShippedTarget(state.GetType().AssemblyQualifiedName!, TargetJson.Write(state));
        }

        var roots = new List<Assembly> { method.DeclaringType.Assembly, input.Assembly, result.Assembly };
        if (function.Target is { } t)
        {
            roots.Add(t.GetType().Assembly);
        }
        if (method.IsGenericMethod)
        {
            roots.AddRange(method.GetGenericArguments().Select(a => a.Assembly));
        }
        var assemblies = AssemblyClosure.Of(roots).Select(Ship).ToArray();
        var shippedMethod = new ShippedMethod(
            method.DeclaringType.AssemblyQualifiedName!,
            method.Name,
            method.MetadataToken,
            method.IsStatic,
            [.. method.GetParameters().Select(p => p.ParameterType.ToString())],
            method.IsGenericMethod ? [.. method.GetGenericArguments().Select(a => a.AssemblyQualifiedName!)] : []);
        var package = new FunctionPackage(
            [.. assemblies.Select(a => a.Describe())], shippedMethod, target, input.AssemblyQualifiedName!, result.AssemblyQualifiedName!);
        return new PackagedFunction(package, assemblies);
    }

    private ShippedAssembly Ship(Assembly assembly)
    {
        var name = assembly.GetName();
        var location = assembly.IsDynamic ? "" : assembly.Location;
        if (location.Length == 0)
        {
            throw new UnshippableFunctionException(
                $"the function needs assembly '{name.Name}', which was loaded from memory, not from a file, so there is nothing to ship; load it from a file");
        }
        var pdbPath = Path.ChangeExtension(location, ".pdb");
        var pdb = File.Exists(pdbPath) ? ShippedContent.FromFile(pdbPath, Hashes) : null;
        var nativeFiles = natives.For(Path.GetFileName(location))
            .Select(n => new ShippedNative(n.FileName, n.Rid, ShippedContent.FromFile(n.Path, Hashes)))
            .ToArray();
        return new ShippedAssembly(name.Name!, name.Version?.ToString() ?? "", ShippedContent.FromFile(location, Hashes), pdb, nativeFiles);
    }
}
