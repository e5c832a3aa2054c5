using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// Reads a target's JSON (as System.Text.Json wrote it) back into the user's types by plain
/// reflection. Only types made entirely of the framework's are handed to System.Text.Json:
/// it caches what it learns about a type in process-wide tables, and an entry naming a type of
/// a shipped context would keep that context from ever being collected. The rules are
/// System.Text.Json's defaults, so the caller can check a round trip with it before sending:
/// the constructor it would pick, public settable properties and public fields by name.
/// </summary>
internal static class TargetBinder
{
    private const int MaxDepth = 64;

    // Framework types only: caching their metadata for the process's life is harmless.
    private static readonly JsonSerializerOptions s_framework = TargetJson.NewOptions();
    private static readonly JsonSerializerOptions s_keys = new(TargetJson.NewOptions()) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public static object? Read(JsonElement json, Type type) => Read(json, type, 0);

    private static object? Read(JsonElement json, Type type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonException($"the state is nested more than {MaxDepth} levels deep");
        }
        if (IsAllFramework(type))
        {
            return json.Deserialize(type, s_framework);
        }
        if (json.ValueKind == JsonValueKind.Null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? throw new JsonException($"null cannot be a {type}") : null;
        }
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            return Enum.ToObject(underlying, json.GetInt64());
        }
        if (underlying.IsArray)
        {
            var element = underlying.GetElementType()!;
            var array = Array.CreateInstance(element, json.GetArrayLength());
            var i = 0;
            foreach (var item in json.EnumerateArray())
            {
                array.SetValue(Read(item, element, depth + 1), i++);
            }
            return array;
        }
        if (underlying.IsGenericType && underlying.Namespace == "System.Collections.Generic")
        {
            return ReadCollection(json, underlying, depth);
        }
        return ReadObject(json, underlying, depth);
    }

    private static object ReadCollection(JsonElement json, Type type, int depth)
    {
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            foreach (var property in json.EnumerateObject())
            {
                dictionary.Add(ReadKey(property.Name, arguments[0]), Read(property.Value, arguments[1], depth + 1));
            }
            return dictionary;
        }
        var concrete = definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>)
            ? typeof(HashSet<>)
            : definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>)
                || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
                ? typeof(List<>)
                : throw new NotSupportedException($"a {type} of shipped types cannot be restored; use an array, a List, a HashSet or a Dictionary");
        var collection = Activator.CreateInstance(concrete.MakeGenericType(arguments))!;
        var add = collection.GetType().GetMethod("Add", [arguments[0]])!;
        foreach (var item in json.EnumerateArray())
        {
            add.Invoke(collection, [Read(item, arguments[0], depth + 1)]);
        }
        return collection;
    }

    // System.Text.Json writes every key as a string: numbers as their digits, enums by name.
    private static object ReadKey(string key, Type type) =>
        type == typeof(string) ? key
        : type.IsEnum ? Enum.Parse(type, key)
        : JsonSerializer.Deserialize(JsonSerializer.Serialize(key, s_keys), type, s_keys)!;

    private static object ReadObject(JsonElement json, Type type, int depth)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"a {type} is written as a JSON object, not {json.ValueKind}");
        }
        var properties = json.EnumerateObject().ToList();
        var constructor = ChosenConstructor(type);
        var consumed = new HashSet<string>(StringComparer.Ordinal);
        object instance;
        if (constructor is null)
        {
            instance = type.IsValueType ? Activator.CreateInstance(type)! : throw new NotSupportedException($"{type} has no public constructor to restore it with");
        }
        else
        {
            var parameters = constructor.GetParameters();
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var parameter = parameters[i];
                var match = properties.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (match.Name is not null)
                {
                    consumed.Add(match.Name);
                    arguments[i] = Read(match.Value, parameter.ParameterType, depth + 1);
                }
                else
                {
                    arguments[i] = parameter.HasDefaultValue ? parameter.DefaultValue
                        : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
                }
            }
            instance = constructor.Invoke(arguments);
        }
        var members = WritableMembers(type);
        foreach (var property in properties)
        {
            if (consumed.Contains(property.Name) || !members.TryGetValue(property.Name, out var member))
            {
                continue;
            }
            switch (member)
            {
                case FieldInfo field:
                    field.SetValue(instance, Read(property.Value, field.FieldType, depth + 1));
                    break;
                case PropertyInfo setter:
                    setter.SetValue(instance, Read(property.Value, setter.PropertyType, depth + 1));
                    break;
            }
        }
        return instance;
    }

    // As System.Text.Json chooses: [JsonConstructor], else a public parameterless one, else the only public one.
    private static ConstructorInfo? ChosenConstructor(Type type)
    {
        var constructors = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        return constructors.FirstOrDefault(c => c.IsDefined(typeof(JsonConstructorAttribute)))
            ?? constructors.FirstOrDefault(c => c.IsPublic && c.GetParameters().Length == 0)
            ?? (constructors.Count(c => c.IsPublic) == 1 ? constructors.Single(c => c.IsPublic) : null);
    }

    private static Dictionary<string, MemberInfo> WritableMembers(Type type)
    {
        var members = new Dictionary<string, MemberInfo>(StringComparer.Ordinal);
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public))
        {
            if (!field.IsInitOnly && !field.IsDefined(typeof(JsonIgnoreAttribute)) && !CapturedNames.IsDelegateCache(field))
            {
                members.TryAdd(JsonName(field), field);
            }
        }
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.SetMethod?.IsPublic == true && property.GetIndexParameters().Length == 0 && !property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                members.TryAdd(JsonName(property), property);
            }
        }
        return members;
    }

    private static string JsonName(MemberInfo member) => member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? member.Name;

    private static bool IsAllFramework(Type type) =>
        type.IsArray ? IsAllFramework(type.GetElementType()!)
        : PlainData.IsFramework(type) && (!type.IsGenericType || type.GetGenericArguments().All(IsAllFramework));
}
