using ActorMap.Functions;

namespace ActorMap.Client.Commands;

/// <summary>map --assembly DLL --function Namespace.Type.Method, as typed: resolved only once the input's element type is known.</summary>
internal sealed record AssemblyMethod(string Assembly, string Function)
{
    /// <summary>Null for a lambda run; a <see cref="UsageException"/> for any mix of the two ways to give the function.</summary>
    public static AssemblyMethod? From(string? lambda, string? assembly, string? function)
    {
        if (assembly is null)
        {
            return function is null
                ? null
                : throw new UsageException("--function names a method of --assembly DLL; give --assembly too, or give FUNCTION as a lambda without --function");
        }
        if (lambda is not null)
        {
            throw new UsageException($"give FUNCTION (a lambda) or --assembly with --function, not both (FUNCTION was '{lambda}')");
        }
        if (string.IsNullOrWhiteSpace(function))
        {
            throw new UsageException("--assembly needs --function Namespace.Type.Method: the public static method to apply to each element");
        }
        return string.IsNullOrWhiteSpace(assembly)
            ? throw new UsageException("--assembly is empty: give the path of a .dll")
            : new AssemblyMethod(assembly, function.Trim());
    }
}
