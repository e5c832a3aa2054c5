using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActorMap.Functions;

/// <summary>
/// sum, min and max over the function's result type. The type is only known once the lambda is
/// compiled, so the generic-math or comparer delegate is picked by reflection, once per job;
/// the fold itself then runs with no reflection or boxing per element.
/// </summary>
internal static class BuiltinReducers
{
    /// <summary>
    /// A new sum for one job: exact for integers (it widens rather than overflows), plain addition
    /// for floating-point and decimal results.
    /// </summary>
    public static SumReducer<T> Sum<T>()
    {
        var type = typeof(T);
        if (!Implements(type, typeof(INumberBase<>)))
        {
            throw new UsageException($"--reduce sum needs numeric results, but FUNCTION returns {TypeNames.Of(type)}");
        }
        // char is an IBinaryInteger too, but its sum is a char as before, not a number.
        var reducer = Implements(type, typeof(IBinaryInteger<>)) && Implements(type, typeof(IMinMaxValue<>)) && type != typeof(char)
            ? typeof(ExactIntegerSum<,>).MakeGenericType(type, Unsafe.SizeOf<T>() <= sizeof(long) ? typeof(Int128) : typeof(BigInteger))
            : typeof(CheckedSum<>).MakeGenericType(type);
        return (SumReducer<T>)Activator.CreateInstance(reducer)!;
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
