using System.Reflection;
using ActorMap.Functions;

namespace ActorMap.Client.Functions;

/// <summary>
/// Finds --function and a method --reduce in the user's assembly by name and shape. Every way
/// to miss is a <see cref="UsageException"/> listing what the user may have meant: the type's
/// public static methods, types of that simple name, methods of that name elsewhere.
/// </summary>
internal static class MethodResolver
{
    /// <summary>A public static method taking one <paramref name="input"/> and returning a value; among overloads, the one that takes <paramref name="input"/>.</summary>
    public static MethodInfo FindFunction(Assembly assembly, string name, Type input, string assemblyFile)
    {
        var split = name.LastIndexOf('.');
        if (split <= 0 || split == name.Length - 1)
        {
            throw new UsageException($"--function must be Namespace.Type.Method (a nested type as Outer+Inner), got '{name}'");
        }
        var (typeName, methodName) = (name[..split], name[(split + 1)..]);
        var type = FindType(assembly, typeName, methodName, "--function", assemblyFile);
        return FindMethod(type, methodName, "--function",
            m => m.GetParameters() is [var p] && p.ParameterType == input && ReturnsValue(m.ReturnType),
            $"take one {TypeNames.Of(input)} (the input's elements) and return a value: TOut {methodName}({TypeNames.Of(input)})");
    }

    /// <summary>
    /// A public static (TOut, TOut) -> TOut. <paramref name="name"/> is Type.Method (the type by
    /// full name or in <paramref name="function"/>'s namespace) or Method of <paramref name="function"/>'s type.
    /// </summary>
    public static MethodInfo FindReducer(MethodInfo function, string name, string assemblyFile)
    {
        var declaring = function.DeclaringType!;
        var result = function.ReturnType;
        var split = name.LastIndexOf('.');
        var methodName = split < 0 ? name : name[(split + 1)..];
        var type = declaring;
        if (split >= 0)
        {
            var typeName = name[..split];
            var assembly = declaring.Assembly;
            type = (declaring.Namespace is { Length: > 0 } ns ? assembly.GetType($"{ns}.{typeName}") : null)
                ?? FindType(assembly, typeName, methodName, "--reduce", assemblyFile);
        }
        var shown = TypeNames.Of(result);
        return FindMethod(type, methodName, "--reduce",
            m => m.GetParameters() is [var a, var b] && a.ParameterType == result && b.ParameterType == result && m.ReturnType == result,
            $"combine two results of {function.Name} into one: {shown} {methodName}({shown}, {shown})");
    }

    private static bool ReturnsValue(Type type) =>
        type != typeof(void) && !type.IsByRef && !type.IsPointer && !type.IsByRefLike && !type.ContainsGenericParameters;

    private static Type FindType(Assembly assembly, string typeName, string methodName, string option, string assemblyFile)
    {
        if (assembly.GetType(typeName) is { } found)
        {
            return found.IsVisible ? found : throw new UsageException($"{option}: type {typeName} in {assemblyFile} is not public");
        }
        var types = MethodCandidates.PublicTypes(assembly);
        var simple = typeName[(typeName.LastIndexOfAny(['.', '+']) + 1)..];
        var similar = types.Where(t => EndsWithSimpleName(t.FullName!, simple)).Select(t => t.FullName!).ToList();
        var sameName = types.SelectMany(MethodCandidates.PublicStatic)
            .Where(m => string.Equals(m.Name, methodName, StringComparison.OrdinalIgnoreCase))
            .Select(m => MethodCandidates.Signature(m, qualified: true)).ToList();
        var message = $"{option}: {assemblyFile} has no type {typeName}"
            + MethodCandidates.Section($"types named {simple}", similar)
            + MethodCandidates.Section($"public static methods named {methodName}", sameName);
        if (similar.Count == 0 && sameName.Count == 0)
        {
            message += types.Length == 0
                ? $"\n{assemblyFile} has no public types"
                : MethodCandidates.Section("its public types", [.. types.Select(t => t.FullName!)]);
        }
        throw new UsageException(message);
    }

    private static bool EndsWithSimpleName(string fullName, string simple) =>
        fullName.EndsWith(simple, StringComparison.OrdinalIgnoreCase)
        && (fullName.Length == simple.Length || fullName[^(simple.Length + 1)] is '.' or '+');

    private static MethodInfo FindMethod(Type type, string methodName, string option, Func<MethodInfo, bool> fits, string shape)
    {
        var all = MethodCandidates.PublicStatic(type);
        var named = all.Where(m => m.Name == methodName).ToList();
        var fitting = named.Where(m => !m.IsGenericMethodDefinition && fits(m)).ToList();
        if (fitting.Count == 1)
        {
            return fitting[0];
        }
        var typeName = type.FullName;
        if (named.Count == 0)
        {
            var hidden = type.GetMethods(BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public)
                .Any(m => m.Name == methodName);
            var why = hidden ? $"{typeName}.{methodName} is not public static" : $"{typeName} has no public static method {methodName}";
            var list = MethodCandidates.Section("its public static methods", [.. all.Select(m => MethodCandidates.Signature(m))]);
            throw new UsageException($"{option}: {why}" + (list.Length > 0 ? list : $"; {typeName} has no public static methods"));
        }
        // None fits, or (only in IL that overloads on the return type) several do: either way the user must see them.
        throw new UsageException($"{option}: {typeName}.{methodName} must {shape}"
            + MethodCandidates.Section("found", [.. named.Select(m => MethodCandidates.Signature(m))]));
    }
}
