using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// The names a user wrote, recovered from what the C# compiler emits: a closure's field is
/// named after the captured variable, <c>&lt;&gt;4__this</c> is <c>this</c>, an auto-property's
/// field is <c>&lt;Name&gt;k__BackingField</c>. For messages that name what the user captured.
/// </summary>
internal static class CapturedNames
{
    /// <summary>The variable or member a field holds, or null for a field that only links closures (an outer scope's locals).</summary>
    public static string? Of(FieldInfo field)
    {
        var name = field.Name;
        if (name.StartsWith("CS$<>8__locals", StringComparison.Ordinal))
        {
            return null;
        }
        if (name.EndsWith("__this", StringComparison.Ordinal) && name.StartsWith("<>", StringComparison.Ordinal))
        {
            return "this";
        }
        // <Name>k__BackingField (auto-property), <name>P (a primary constructor's parameter).
        if (name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is var end and > 1)
        {
            return name[1..end];
        }
        return name;
    }

    /// <summary>The property an auto-property field backs, if it is one.</summary>
    public static PropertyInfo? BackedProperty(FieldInfo field)
    {
        const string Suffix = ">k__BackingField";
        var name = field.Name;
        return name.StartsWith('<') && name.EndsWith(Suffix, StringComparison.Ordinal)
            ? field.DeclaringType?.GetProperty(name[1..^Suffix.Length], BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            : null;
    }

    /// <summary>Closures, the cached-lambda holder <c>&lt;&gt;c</c>, and their nested kin: types the user never wrote.</summary>
    /// <summary>
    /// A closure's cache of a lambda nested in it (<c>&lt;&gt;9__N</c>): not state but the compiler's
    /// reuse of a delegate, made again on first use when it is null, so it never travels.
    /// </summary>
    public static bool IsDelegateCache(FieldInfo field) =>
        field.Name.StartsWith("<>9__", StringComparison.Ordinal) && typeof(Delegate).IsAssignableFrom(field.FieldType)
        && field.DeclaringType is { } type && IsCompilerGenerated(type);

    public static bool IsCompilerGenerated(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && t.Name.Contains('<', StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>As C# writes it, with namespace: System.Collections.Generic.List&lt;System.Int32&gt;.</summary>
    public static string Display(Type type)
    {
        if (type.IsArray)
        {
            return Display(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }
        if (type.IsPointer)
        {
            return Display(type.GetElementType()!) + "*";
        }
        var text = new StringBuilder();
        if (type.IsNested && !type.IsGenericParameter)
        {
            text.Append(Display(type.DeclaringType!)).Append('.');
        }
        else if (type.Namespace is { Length: > 0 } ns)
        {
            text.Append(ns).Append('.');
        }
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        text.Append(tick < 0 ? name : name[..tick]);
        // Only this type's own arguments: a nested type's outer ones were shown with the outer type.
        var arguments = type.GetGenericArguments().Skip(type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0).ToArray();
        if (arguments.Length > 0 && !type.IsGenericTypeDefinition)
        {
            text.Append('<').AppendJoin(", ", arguments.Select(Display)).Append('>');
        }
        return text.ToString();
    }
}
