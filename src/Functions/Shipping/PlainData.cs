using System.Numerics;
using System.Reflection;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// What captured state may hold, by type. The rule, in order:
/// <list type="number">
/// <item>Refused: delegates, pointers and handles (IntPtr, SafeHandle), tasks, threads,
/// cancellation, reflection objects, lazy LINQ sequences, and anything IDisposable or
/// IAsyncDisposable: streams, clients, sockets, connections, timers are resources of one
/// process, and IDisposable is how .NET marks a resource.</item>
/// <item>Plain values: primitives, enums, string, decimal, dates and times, Guid, BigInteger, Uri, Version.</item>
/// <item>Collections System.Text.Json restores: one-dimensional arrays and the
/// System.Collections.Generic/ObjectModel/Immutable/Concurrent types, checked element by element.</item>
/// <item>Other framework types are refused (they are not plain data); the user's types
/// (records, classes, structs) and closures are checked field by field.</item>
/// </list>
/// </summary>
internal static class PlainData
{
    private static readonly HashSet<Type> s_values =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly),
        typeof(TimeOnly), typeof(Guid), typeof(BigInteger), typeof(Half), typeof(Int128), typeof(UInt128), typeof(Uri), typeof(Version),
    ];

    private static readonly string[] s_collectionNamespaces =
        ["System.Collections.Generic", "System.Collections.ObjectModel", "System.Collections.Immutable", "System.Collections.Concurrent"];

    /// <summary>Why a value of <paramref name="type"/> cannot travel, or null when it may.</summary>
    public static string? WhyNot(Type type, object? value)
    {
        if (type.IsPointer || type.IsFunctionPointer || type == typeof(IntPtr) || type == typeof(UIntPtr) || type == typeof(Pointer))
        {
            return "a pointer or native handle means nothing in another process";
        }
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return value is Delegate { Target: { } target } d
                ? $"a delegate to {d.Method.Name} on an instance of {CapturedNames.Display(target.GetType())}, which would have to travel too"
                : "a delegate; only the function itself is shipped";
        }
        if (typeof(Task).IsAssignableFrom(type) || IsGeneric(type, typeof(ValueTask<>)) || type == typeof(ValueTask))
        {
            return "a task runs in the caller's process";
        }
        if (type == typeof(CancellationToken) || type == typeof(Thread))
        {
            return "it belongs to the caller's process";
        }
        if (typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type))
        {
            return "a reflection object names code in the caller's process";
        }
        // Before IDisposable: LINQ's iterators are disposable too, and the advice for them differs.
        if (type.Namespace == "System.Linq" || (CapturedNames.IsCompilerGenerated(type) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)))
        {
            return "a lazy sequence would run again on every node; materialize it with ToArray() or ToList() first";
        }
        if (typeof(IDisposable).IsAssignableFrom(type) || typeof(IAsyncDisposable).IsAssignableFrom(type))
        {
            return "it is IDisposable, a resource of the caller's process such as a stream, a client or a connection";
        }
        return null;
    }

    public static bool IsValue(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || s_values.Contains(underlying);
    }

    /// <summary>A collection from the framework that System.Text.Json writes and restores.</summary>
    public static bool IsCollection(Type type) =>
        (type.IsArray && type.GetArrayRank() == 1)
        || (type.Namespace is { } ns && s_collectionNamespaces.Contains(ns) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type));

    /// <summary>A declared type that System.Text.Json fills with a collection of its own choosing (a List for IEnumerable&lt;T&gt;).</summary>
    public static bool IsCollectionInterface(Type type) =>
        type.IsInterface && type.IsGenericType && type.Namespace == "System.Collections.Generic";

    /// <summary>Framework structs that are plain pairs or tuples of their arguments.</summary>
    public static bool IsTuple(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            || type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true
            || type.FullName?.StartsWith("System.Tuple`", StringComparison.Ordinal) == true);

    public static bool IsFramework(Type type) => type.Assembly == typeof(object).Assembly || HostAssemblies.IsFramework(type.Assembly);

    /// <summary>The element type a collection holds (its IEnumerable&lt;T&gt;), or object.</summary>
    public static Type ElementType(Type collection)
    {
        if (collection.IsArray)
        {
            return collection.GetElementType()!;
        }
        var enumerable = collection.IsGenericType && collection.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? collection
            : collection.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? typeof(object);
    }

    private static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;
}
