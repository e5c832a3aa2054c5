namespace ActorMap.Functions;

/// <summary>Types as a C# user writes them (long, not Int64), for messages.</summary>
internal static class TypeNames
{
    public static string Of(Type type) => type switch
    {
        _ when type == typeof(long) => "long",
        _ when type == typeof(int) => "int",
        _ when type == typeof(short) => "short",
        _ when type == typeof(byte) => "byte",
        _ when type == typeof(double) => "double",
        _ when type == typeof(float) => "float",
        _ when type == typeof(decimal) => "decimal",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(char) => "char",
        _ when type == typeof(string) => "string",
        _ when type == typeof(object) => "object",
        _ when type == typeof(void) => "void",
        { IsArray: true } => Of(type.GetElementType()!) + "[]",
        { IsGenericType: true } => $"{type.Name.Split('`')[0]}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>",
        _ => type.Name,
    };
}
