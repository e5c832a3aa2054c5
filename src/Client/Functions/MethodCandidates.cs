using System.Reflection;
using System.Text;
using ActorMap.Functions;

namespace ActorMap.Client.Functions;

/// <summary>The lists a resolution error shows: short, one candidate a line, signatures as C# writes them.</summary>
internal static class MethodCandidates
{
    // Enough to spot a typo; a longer list would bury the error line above it.
    public const int MaxShown = 10;

    /// <summary><c>long Score(long)</c>, or <c>long MyLib.Scoring.Score(long)</c> when <paramref name="qualified"/>.</summary>
    public static string Signature(MethodInfo method, bool qualified = false)
    {
        var name = qualified ? $"{method.DeclaringType!.FullName}.{method.Name}" : method.Name;
        var parameters = string.Join(", ", method.GetParameters().Select(p => Parameter(p.ParameterType)));
        return $"{TypeNames.Of(method.ReturnType)} {name}({parameters})";
    }

    /// <summary>The public static methods a user can name: no property accessors or operators.</summary>
    public static MethodInfo[] PublicStatic(Type type) =>
        [.. type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => !m.IsSpecialName).OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>The public types of the assembly, those that load: a type whose base is missing is not a candidate.</summary>
    public static Type[] PublicTypes(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }
        return [.. types.OfType<Type>().Where(t => t.IsVisible).OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    /// <summary>A heading and up to <see cref="MaxShown"/> items, indented, then "and N more"; empty when there are none.</summary>
    public static string Section(string heading, IReadOnlyCollection<string> items)
    {
        if (items.Count == 0)
        {
            return "";
        }
        var text = new StringBuilder().Append('\n').Append(heading).Append(':');
        foreach (var item in items.Take(MaxShown))
        {
            text.Append("\n  ").Append(item);
        }
        if (items.Count > MaxShown)
        {
            text.Append("\n  and ").Append(items.Count - MaxShown).Append(" more");
        }
        return text.ToString();
    }

    private static string Parameter(Type type) =>
        type.IsByRef ? "ref " + TypeNames.Of(type.GetElementType()!) : TypeNames.Of(type);
}
