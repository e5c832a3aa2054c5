using System.Numerics;
using System.Reflection;

namespace ActorMap.Functions;

/// <summary>
/// sum, min and max over the function's result type. The type is only known once the lambda is
/// compiled, so the generic-math or comparer delegate is picked by reflection, once per job;
/// the fold itself then runs with no reflection or boxing per element.
/// </summary>
internal static class BuiltinReducers
{
    /// <summary>Checked addition: a sum that overflows fails the job rather than wrapping silently.</summary>
    public static (Func<T, T, T> Add, T Zero) Sum<T>()
    {
        if (!Implements(typeof(T), typeof(INumberBase<>)))
        {
            throw new UsageException($"--reduce sum needs numeric results, but FUNCTION returns {TypeNames.Of(typeof(T))}");
        }
        var sum = typeof(BuiltinReducers).GetMethod(nameof(NumericSum), BindingFlags.NonPublic | BindingFlags.Static)!;
        return ((Func<T, T, T>, T))sum.MakeGenericMethod(typeof(T)).Invoke(null, null)!;
    }

    public static Func<T, T, T> Min<T>()
    {
        var comparer = ComparerFor<T>("min");
        return (a, b) => comparer.Compare(b, a) < 0 ? b : a;
    }

    public static Func<T, T, T> Max<T>()
    {
        var comparer = ComparerFor<T>("max");
        return (a, b) => comparer.Compare(b, a) > 0 ? b : a;
    }

    private static (Func<T, T, T>, T) NumericSum<T>()
        where T : INumberBase<T> =>
        (static (a, b) => checked(a + b), T.Zero);

    private static Comparer<T> ComparerFor<T>(string name) =>
        Implements(typeof(T), typeof(IComparable<>)) || typeof(IComparable).IsAssignableFrom(typeof(T))
            ? Comparer<T>.Default
            : throw new UsageException($"--reduce {name} needs comparable results, but FUNCTION returns {TypeNames.Of(typeof(T))}");

    private static bool Implements(Type type, Type genericInterface)
    {
        foreach (var candidate in type.GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == genericInterface && candidate.GenericTypeArguments[0] == type)
            {
                return true;
            }
        }
        return false;
    }
}
