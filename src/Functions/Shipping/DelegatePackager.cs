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

    public PackagedFunction Package(Delegate function) => Package(function, null);

    /// <summary>The function and, when given, the job's reducer: one package, one assembly set, so both see the same types.</summary>
    public PackagedFunction Package(Delegate function, ReducerToShip? reducer)
    {
        ArgumentNullException.ThrowIfNull(function);
        var (input, result) = Signature(function);
        var roots = new List<Assembly> { input.Assembly, result.Assembly };
        var method = Describe(function, roots, out var target);
        ShippedReducer? shippedReducer = null;
        if (reducer is not null)
        {
            var accumulator = ReducerSignature(reducer.Reduce, result);
            roots.Add(accumulator.Assembly);
            var reduceMethod = Describe(reducer.Reduce, roots, out var reduceTarget);
            shippedReducer = new ShippedReducer(reduceMethod, reduceTarget, accumulator.AssemblyQualifiedName!,
                reducer.HasSeed ? SeedJson(reducer.Seed, accumulator) : null);
        }
        var assemblies = AssemblyClosure.Of(roots).Select(Ship).ToArray();
        var package = new FunctionPackage(
            [.. assemblies.Select(a => a.Describe())], method, target, input.AssemblyQualifiedName!, result.AssemblyQualifiedName!)
        {
            Reducer = shippedReducer,
        };
        return new PackagedFunction(package, assemblies);
    }

    private static (Type Input, Type Result) Signature(Delegate function)
    {
        var invoke = function.GetType().GetMethod("Invoke")!;
        var parameters = invoke.GetParameters();
        if (parameters.Length != 1 || parameters[0].ParameterType.IsByRef || invoke.ReturnType == typeof(void))
        {
            throw new UnshippableFunctionException(
                $"the function must take one element and return a result (a Func<TIn, TOut>); {function.Method.Name} is a {CapturedNames.Display(function.GetType())}");
        }
        return (parameters[0].ParameterType, invoke.ReturnType);
    }

    // reduce(accumulator, result) -> accumulator: the accumulator's type is the first parameter's.
    private static Type ReducerSignature(Delegate reduce, Type result)
    {
        var invoke = reduce.GetType().GetMethod("Invoke")!;
        var parameters = invoke.GetParameters();
        if (parameters.Length != 2 || parameters[1].ParameterType != result || parameters[0].ParameterType != invoke.ReturnType
            || parameters.Any(p => p.ParameterType.IsByRef))
        {
            throw new UnshippableFunctionException(
                $"the reducer must fold a result into an accumulator (a Func<TAcc, {CapturedNames.Display(result)}, TAcc}}); {reduce.Method.Name} is a {CapturedNames.Display(reduce.GetType())}");
        }
        return invoke.ReturnType;
    }

    /// <summary>The delegate's method and target, checked; adds the assemblies they need to <paramref name="roots"/>.</summary>
    private static ShippedMethod Describe(Delegate function, List<Assembly> roots, out ShippedTarget? target)
    {
        if (function.GetInvocationList().Length > 1)
        {
            throw new UnshippableFunctionException("the function is a multicast delegate (several methods combined); ship one method");
        }
        var method = function.Method;
        if (method.DeclaringType is null || method is System.Reflection.Emit.DynamicMethod)
        {
            throw new UnshippableFunctionException("the function is a dynamic method (a compiled expression tree, for instance), which has no assembly to ship; write it as a method or a lambda");
        }
        target = null;
        if (function.Target is { } state)
        {
            CaptureCheck.Verify(state);
            target = new ShippedTarget(state.GetType().AssemblyQualifiedName!, TargetJson.Write(state));
            roots.Add(state.GetType().Assembly);
        }
        roots.Add(method.DeclaringType.Assembly);
        if (method.IsGenericMethod)
        {
            roots.AddRange(method.GetGenericArguments().Select(a => a.Assembly));
        }
        return new ShippedMethod(
            method.DeclaringType.AssemblyQualifiedName!,
            method.Name,
            method.MetadataToken,
            method.IsStatic,
            [.. method.GetParameters().Select(p => p.ParameterType.ToString())],
            method.IsGenericMethod ? [.. method.GetGenericArguments().Select(a => a.AssemblyQualifiedName!)] : []);
    }

    // The seed is checked as captured state is: plain data of exactly the accumulator's type.
    private static byte[] SeedJson(object? seed, Type accumulator)
    {
        if (seed is null)
        {
            return "null"u8.ToArray();
        }
        if (seed.GetType() != accumulator && Nullable.GetUnderlyingType(accumulator) != seed.GetType())
        {
            throw new UnshippableFunctionException(
                $"the reducer's seed is a {CapturedNames.Display(seed.GetType())} where the accumulator is a {CapturedNames.Display(accumulator)}; JSON would restore the accumulator's type");
        }
        CaptureCheck.Verify(seed);
        return TargetJson.Write(seed);
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

/// <summary>A job's reducer to ship with its function: reduce(accumulator, result), from <see cref="Seed"/> when <see cref="HasSeed"/>.</summary>
internal sealed record ReducerToShip(Delegate Reduce, bool HasSeed, object? Seed);
