using ActorMap.Functions;

namespace ActorMap.Client.Functions;

/// <summary>
/// map --assembly: a public static method of the user's assembly, bound as the same
/// <see cref="TypedFunction"/> a compiled lambda becomes, so it runs through the same pipeline.
/// <see cref="Map"/> (a <c>Func&lt;TIn, TOut&gt;</c>) and <see cref="Reduce"/> (a
/// <c>Func&lt;TOut, TOut, TOut&gt;</c>) are kept as delegates so they can be packaged and
/// shipped to a cluster as they are.
/// </summary>
internal sealed record AssemblyFunction(Delegate Map, Delegate? Reduce, TypedFunction Function, string Description)
{
    /// <summary>
    /// Loads <paramref name="assemblyPath"/> (a full path; <paramref name="displayed"/> is as the
    /// user typed it) and binds <paramref name="functionName"/> for elements of type <paramref name="input"/>.
    /// </summary>
    public static AssemblyFunction Load(string assemblyPath, string displayed, string functionName, Type input, ReduceChoice reduce)
    {
        var assembly = UserAssembly.Load(assemblyPath, displayed);
        var file = Path.GetFileName(assemblyPath);
        var method = MethodResolver.FindFunction(assembly, functionName, input, file);
        var output = method.ReturnType;
        var map = method.CreateDelegate(typeof(Func<,>).MakeGenericType(input, output));
        var function = TypedFunction.Of(map);
        var description = $"function {method.DeclaringType!.FullName}.{method.Name} from {file}";
        if (reduce.Kind != ReduceKind.Method)
        {
            return new AssemblyFunction(map, null, function, description);
        }
        var reducer = MethodResolver.FindReducer(method, reduce.MethodName!, file);
        var reduceDelegate = reducer.CreateDelegate(typeof(Func<,,>).MakeGenericType(output, output, output));
        function = function.WithReducer(reduceDelegate);
        return new AssemblyFunction(map, reduceDelegate, function, $"{description}, reduce {reducer.DeclaringType!.FullName}.{reducer.Name}");
    }
}
