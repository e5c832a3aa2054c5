using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// Checks, on the caller and before any job starts, that a delegate's target (its closure,
/// or the instance of an instance method) is plain data that System.Text.Json can send and
/// restore. The walk follows the values, not only the declared types, so an <c>object</c>
/// field holding a stream is found. A refusal names the captured variable (a closure's
/// field is named after it) and its type; <see cref="PlainData"/> holds the rule for types.
/// </summary>
internal static class CaptureCheck
{
    // Deeper than this is not a closure over plain data; System.Text.Json stops at 64.
    private const int MaxDepth = 32;

    private const string Advice = "create it inside the function or pass plain data";

    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Throws <see cref="UnshippableFunctionException"/> naming the first thing that cannot travel.</summary>
    public static void Verify(object target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var type = target.GetType();
        new Walker().Visit(target, type, CapturedNames.IsCompilerGenerated(type) ? "" : "this", 0);
    }

    private sealed class Walker
    {
        private readonly HashSet<object> _onPath = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<object> _done = new(ReferenceEqualityComparer.Instance);

        public void Visit(object? value, Type declared, string path, int depth)
        {
            if (PlainData.WhyNot(declared, value) is { } declaredReason)
            {
                throw Refuse(path, declared, declaredReason);
            }
            if (value is null)
            {
                return;
            }
            var type = value.GetType();
            if (PlainData.WhyNot(type, value) is { } reason)
            {
                throw Refuse(path, type, reason);
            }
            CheckDeclared(path, declared, type);
            if (PlainData.IsValue(type))
            {
                return;
            }
            if (depth > MaxDepth)
            {
                throw Refuse(path, type, $"it is nested more than {MaxDepth} levels deep");
            }
            if (!type.IsValueType)
            {
                if (_onPath.Contains(value))
                {
                    throw Refuse(path, type, "it refers back to itself, and System.Text.Json cannot write a cycle");
                }
                if (!_done.Add(value))
                {
                    return;
                }
                _onPath.Add(value);
            }
            if (PlainData.IsCollection(type))
            {
                VisitCollection(value, type, path, depth);
            }
            else if (PlainData.IsTuple(type) || !PlainData.IsFramework(type))
            {
                VisitFields(value, type, path, depth);
            }
            else
            {
                throw Refuse(path, type, "a framework type that is not plain data");
            }
            _onPath.Remove(value);
        }

        private void VisitCollection(object value, Type type, string path, int depth)
        {
            var element = PlainData.ElementType(type);
            if (value is IDictionary dictionary && element.IsGenericType && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            {
                var (keyType, valueType) = (element.GetGenericArguments()[0], element.GetGenericArguments()[1]);
                if (!PlainData.IsValue(keyType))
                {
                    throw Refuse(path, type, $"its keys are {CapturedNames.Display(keyType)}, and System.Text.Json writes only plain values as keys");
                }
                foreach (DictionaryEntry entry in dictionary)
                {
                    Visit(entry.Value, valueType, $"{path}[{entry.Key}]", depth + 1);
                }
                return;
            }
            // A long[] of a million elements needs no walk: no element can be a resource.
            if (PlainData.IsValue(element) && element.IsSealed)
            {
                return;
            }
            var index = 0;
            foreach (var item in (IEnumerable)value)
            {
                Visit(item, element, $"{path}[{index++}]", depth + 1);
            }
        }

        private void VisitFields(object value, Type type, string path, int depth)
        {
            // The compiler's closures have public fields only; a tuple's parts are public.
            var checkVisibility = !CapturedNames.IsCompilerGenerated(type) && !PlainData.IsTuple(type);
            var constructorNames = checkVisibility ? ConstructorParameterNames(type) : null;
            for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                foreach (var field in t.GetFields(InstanceFields))
                {
                    if (IsIgnored(field))
                    {
                        continue;
                    }
                    var name = CapturedNames.Of(field);
                    var fieldPath = name is null ? path : path.Length == 0 ? name : $"{path}.{name}";
                    // The value first: a client in a private field is refused as a client, which says more.
                    Visit(field.GetValue(value), field.FieldType, fieldPath, depth + 1);
                    if (checkVisibility && !Travels(field, constructorNames!))
                    {
                        throw Refuse(fieldPath, field.FieldType,
                            $"{CapturedNames.Display(type)} keeps it where System.Text.Json does not look (it sends public properties and fields, and restores those it can set)",
                            "make it a public property that is settable or a constructor parameter, or pass plain data");
                    }
                }
            }
        }

        private static void CheckDeclared(string path, Type declared, Type actual)
        {
            if (declared == actual || Nullable.GetUnderlyingType(declared) == actual
                || (PlainData.IsCollectionInterface(declared) && PlainData.IsCollection(actual)))
            {
                return;
            }
            var reason = declared == typeof(object) || declared.IsInterface || declared.IsAbstract
                ? $"it is declared as {CapturedNames.Display(declared)}, which System.Text.Json cannot restore as a {CapturedNames.Display(actual)}"
                : $"it holds a {CapturedNames.Display(actual)} where {CapturedNames.Display(declared)} is declared, and System.Text.Json would send only the {CapturedNames.Display(declared)} part";
            throw Refuse(path, actual, reason, "declare it with its concrete type, or pass plain data");
        }
    }

    private static bool IsIgnored(FieldInfo field) =>
        CapturedNames.IsDelegateCache(field) || field.IsDefined(typeof(JsonIgnoreAttribute)) || CapturedNames.BackedProperty(field)?.IsDefined(typeof(JsonIgnoreAttribute)) == true;

    // As System.Text.Json restores an object: public properties with a public setter (init
    // included), public fields that are not read-only, and whatever the constructor it uses takes.
    private static bool Travels(FieldInfo field, HashSet<string> constructorNames)
    {
        if (CapturedNames.BackedProperty(field) is { } property)
        {
            return property.GetMethod?.IsPublic == true && (property.SetMethod?.IsPublic == true || constructorNames.Contains(property.Name));
        }
        return field.IsPublic && (!field.IsInitOnly || constructorNames.Contains(field.Name));
    }

    // The constructor System.Text.Json picks: the [JsonConstructor] one, else a public
    // parameterless one (then no parameter counts), else the only public one.
    private static HashSet<string> ConstructorParameterNames(Type type)
    {
        var constructors = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        var chosen = constructors.FirstOrDefault(c => c.IsDefined(typeof(JsonConstructorAttribute)));
        var publicOnes = constructors.Where(c => c.IsPublic).ToArray();
        if (chosen is null && !publicOnes.Any(c => c.GetParameters().Length == 0) && publicOnes.Length == 1)
        {
            chosen = publicOnes[0];
        }
        return new HashSet<string>(chosen?.GetParameters().Select(p => p.Name ?? "") ?? [], StringComparer.OrdinalIgnoreCase);
    }

    private static UnshippableFunctionException Refuse(string path, Type type, string reason, string advice = Advice) =>
        new($"the function captures '{(path.Length == 0 ? "its closure" : path)}' of type {CapturedNames.Display(type)}, which cannot be sent to other nodes: {reason}; {advice}");
}
