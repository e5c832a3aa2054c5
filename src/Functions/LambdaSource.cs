using ActorMap.Functions.Input;
using System.Security.Cryptography;
using System.Text;

namespace ActorMap.Functions;

/// <summary>
/// The user's lambdas and the element type they take, and the C# compilation unit wrapping them.
/// The wrapper puts each lambda on its own lines behind a #line directive, so the compiler
/// reports positions relative to the user's text.
/// </summary>
internal sealed record LambdaSource(string Function, ElementKind Kind, string? Reduce)
{
    public const string TypeName = "ActorMapLambda";
    public const string MethodName = "Make";
    public const string FunctionFile = "FUNCTION";
    public const string ReduceFile = "REDUCE";

    /// <summary>
    /// Names the compiled assembly in the cache. The console's own module id is part of it: the
    /// wrapper binds to this build's TypedFunction, so a rebuilt console must not load old entries.
    /// </summary>
    public string CacheKey()
    {
        var version = typeof(TypedFunction).Assembly.ManifestModule.ModuleVersionId;
        var text = $"actormap-lambda/1\n{version}\n{Kind}\n{Function.Length}\n{Function}\n{Reduce?.Length ?? -1}\n{Reduce}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public string CompilationUnit()
    {
        var text = new StringBuilder();
        text.Append("using System;\nusing System.Linq;\n\n");
        text.Append($"public static class {TypeName}\n{{\n");
        text.Append($"    public static ActorMap.Functions.TypedFunction {MethodName}() =>\n");
        text.Append($"        ActorMap.Functions.TypedFunction.Create(default({Kind.CSharpName()}),\n");
        AppendUserText(text, FunctionFile, Function);
        text.Append("        )");
        if (Reduce is not null)
        {
            text.Append(".WithReduce(\n");
            AppendUserText(text, ReduceFile, Reduce);
            text.Append("        )");
        }
        text.Append(";\n}\n");
        return text.ToString();
    }

    private static void AppendUserText(StringBuilder text, string file, string source) =>
        text.Append($"#line 1 \"{file}\"\n").Append(source).Append("\n#line default\n");
}
