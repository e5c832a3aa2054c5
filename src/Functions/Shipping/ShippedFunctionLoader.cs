using System.Reflection;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// Turns a <see cref="FunctionPackage"/> into the same <see cref="TypedFunction"/> a compiled
/// lambda becomes, so the pipeline that runs lambdas runs shipped methods unchanged: the
/// method found by token in the set's context, its target restored from JSON into the
/// context's own type, bound as a <c>Func&lt;TIn, TOut&gt;</c>.
/// </summary>
internal static class ShippedFunctionLoader
{
    private const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// The function, holding its context until disposed. A <see cref="ShippedAssemblyException"/>
    /// says what is missing or wrong (a file not in the store, one changed on disk, a method that
    /// is not the caller's); the context is released then.
    /// </summary>
    public static LoadedShippedFunction Load(FunctionPackage package, ShippedContexts contexts)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(contexts);
        var lease = contexts.Acquire(package);
        try
        {
            var (function, typed) = Bind(package, lease.Context);
            return new LoadedShippedFunction(lease, function, typed);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private static (Delegate Function, TypedFunction Typed) Bind(FunctionPackage package, ShippedLoadContext context)
    {
        var shipped = package.Method;
        var method = FindMethod(shipped, Resolve(context, shipped.DeclaringType));
        var input = Resolve(context, package.InputType);
        var result = Resolve(context, package.ResultType);
        var delegateType = typeof(Func<,>).MakeGenericType(input, result);
        Delegate function;
        try
        {
            if (package.Target is { } target)
            {
                var state = TargetJson.Read(target.Json, Resolve(context, target.Type));
                function = method.CreateDelegate(delegateType, state);
            }
            else
            {
                function = method.CreateDelegate(delegateType);
            }
        }
        catch (ArgumentException e)
        {
            throw new ShippedAssemblyException($"{Describe(shipped)} cannot be called as a function from {input} to {result}: {e.Message}", e);
        }
        var typed = TypedFunction.Of(function);
        if (package.Reducer is { } reducer)
        {
            typed = BindReducer(reducer, result, typed, context);
        }
        return (function, typed);
    }

    private static TypedFunction BindReducer(ShippedReducer reducer, Type result, TypedFunction typed, ShippedLoadContext context)
    {
        var method = FindMethod(reducer.Method, Resolve(context, reducer.Method.DeclaringType));
        var accumulator = Resolve(context, reducer.AccumulatorType);
        var delegateType = typeof(Func<,,>).MakeGenericType(accumulator, result, accumulator);
        Delegate reduce;
        try
        {
            reduce = reducer.Target is { } target
                ? method.CreateDelegate(delegateType, TargetJson.Read(target.Json, Resolve(context, target.Type)))
                : method.CreateDelegate(delegateType);
        }
        catch (ArgumentException e)
        {
            throw new ShippedAssemblyException($"{Describe(reducer.Method)} cannot be called as a reducer of {result} into {accumulator}: {e.Message}", e);
        }
        var seed = reducer.SeedJson is { } json && !json.AsSpan().SequenceEqual("null"u8) ? TargetJson.Read(json, accumulator) : null;
        return typed.WithFold(reduce, reducer.SeedJson is not null, seed);
    }

    private static MethodInfo FindMethod(ShippedMethod shipped, Type declaring)
    {
        var method = declaring.GetMethods(AllMethods).FirstOrDefault(m => m.MetadataToken == shipped.MetadataToken);
        if (method is null || method.Name != shipped.Name || method.IsStatic != shipped.IsStatic)
        {
            throw new ShippedAssemblyException($"{Describe(shipped)} is not in the shipped assembly (token 0x{shipped.MetadataToken:x8} names {method?.Name ?? "nothing"})");
        }
        if (method.IsGenericMethodDefinition)
        {
            method = method.MakeGenericMethod([.. shipped.GenericArguments.Select(a => Resolve(declaring.Assembly, a))]);
        }
        var parameters = method.GetParameters().Select(p => p.ParameterType.ToString()).ToArray();
        if (!parameters.SequenceEqual(shipped.ParameterTypes))
        {
            throw new ShippedAssemblyException(
                $"{Describe(shipped)} has parameters ({string.Join(", ", parameters)}) here, not ({string.Join(", ", shipped.ParameterTypes)}) as on the caller");
        }
        return method;
    }

    private static Type Resolve(System.Runtime.Loader.AssemblyLoadContext context, string typeName)
    {
        try
        {
            return Type.GetType(typeName, context.LoadFromAssemblyName, null, throwOnError: true)!;
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            // The runtime wraps what the context's Load threw (content missing or changed): that is the message to give.
            for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (inner is ShippedAssemblyException shipped)
                {
                    throw new ShippedAssemblyException(shipped.Message, e);
                }
            }
            throw new ShippedAssemblyException($"type '{typeName}' cannot be found in the shipped assemblies or the framework: {e.Message}", e);
        }
    }

    private static Type Resolve(Assembly within, string typeName) =>
        Resolve(System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(within)!, typeName);

    private static string Describe(ShippedMethod method) => $"method {method.Name} of {method.DeclaringType.Split(',')[0]}";
}

/// <summary>A shipped function bound on this node, holding its load context until disposed.</summary>
internal sealed class LoadedShippedFunction(ShippedContextLease lease, Delegate function, TypedFunction typed) : IDisposable
{
    /// <summary>The caller's delegate as this node has it: a <c>Func&lt;TIn, TOut&gt;</c>.</summary>
    public Delegate Function { get; } = function;

    /// <summary>What a worker runs, as a compiled lambda's <see cref="LoadedFunction.Function"/> is.</summary>
    public TypedFunction Typed { get; } = typed;

    public ShippedLoadContext Context => lease.Context;

    public Compute.Jobs.IMapFunction CreateMapFunction() => Typed.CreateMapFunction();

    public void Dispose() => lease.Dispose();
}
