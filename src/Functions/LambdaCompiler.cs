using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActorMap.Functions;

/// <summary>
/// Compiles a <see cref="LambdaSource"/> with Roslyn. The only type that names Roslyn's types:
/// on a cache hit it is never touched, so Roslyn's assemblies are never loaded.
/// </summary>
internal static class LambdaCompiler
{
    // Reading ~170 framework assemblies' metadata is the slow half of a first compile; do it once per process.
    private static readonly Lazy<MetadataReference[]> s_references = new(LoadReferences);

    /// <summary>The emitted assembly; a <see cref="UsageException"/> carries the compiler's errors.</summary>
    public static byte[] Compile(LambdaSource source)
    {
        CheckIsOneExpression(source.Function, LambdaSource.FunctionFile, "FUNCTION");
        if (source.Reduce is not null)
        {
            CheckIsOneExpression(source.Reduce, LambdaSource.ReduceFile, "--reduce");
        }

        var tree = CSharpSyntaxTree.ParseText(source.CompilationUnit(), new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "actormap-lambda-" + source.CacheKey()[..16],
            [tree],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Disable,
                deterministic: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new UsageException(Describe(source, result.Diagnostics));
        }
        return image.ToArray();
    }

    // A whole expression and nothing more: text such as "x => x), Evil(" must not reshape the wrapper.
    private static void CheckIsOneExpression(string text, string file, string what)
    {
        var expression = SyntaxFactory.ParseExpression(text);
        var errors = expression.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new UsageException(Describe(file, text, errors));
        }
        if (expression.FullSpan.Length != text.Length)
        {
            var column = expression.FullSpan.End + 1;
            throw new UsageException($"{file}:1:{column}: {what} must be one C# expression, such as \"x => x * x\"; unexpected text at column {column}\n{Caret(text, 0, expression.FullSpan.End)}");
        }
    }

    private static string Describe(LambdaSource source, IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var inFunction = errors.Where(d => d.Location.GetMappedLineSpan().Path == LambdaSource.FunctionFile).ToList();
        var inReduce = errors.Where(d => d.Location.GetMappedLineSpan().Path == LambdaSource.ReduceFile).ToList();
        if (inFunction.Count > 0)
        {
            return Describe(LambdaSource.FunctionFile, source.Function, inFunction);
        }
        if (inReduce.Count > 0)
        {
            return Describe(LambdaSource.ReduceFile, source.Reduce!, inReduce);
        }
        // Errors in the wrapper itself mean the lambdas did not fit it as a whole: most often a
        // function with no value to return (CS0411, TOut cannot be inferred).
        var text = new StringBuilder();
        
        text.Append(errors.Any(d => d.Id == "CS0411")
            ? "FUNCTION must return a value (its result type could not be inferred)"
            : "FUNCTION and --reduce do not fit together (--reduce takes two results of FUNCTION and returns one)");
        foreach (var error in errors)
        {
            text.Append($"\n  {error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        return text.ToString();
    }

    private static string Describe(string file, string userText, IEnumerable<Diagnostic> errors)
    {
        var text = new StringBuilder();
        foreach (var error in errors.Take(5))
        {
            var span = error.Location.GetMappedLineSpan();
            var line = span.StartLinePosition.Line;
            var column = span.StartLinePosition.Character;
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            text.Append($"{file}:{line + 1}:{column + 1}: {error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n");
            text.Append(Caret(userText, line, column));
        }
        return text.ToString();
    }

    private static string Caret(string userText, int line, int column)
    {
        var lines = userText.Split('\n');
        var shown = line < lines.Length ? lines[line].TrimEnd('\r') : "";
        return $"  {shown}\n  {new string(' ', Math.Min(column, shown.Length))}^";
    }

    private static MetadataReference[] LoadReferences()
    {
        var paths = new List<string>();
        var platform = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var path in platform)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            // The framework only: a lambda has no business with the console's own dependencies.
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard")
            {
                paths.Add(path);
            }
        }
        foreach (var own in new[] { typeof(TypedFunction).Assembly, typeof(Compute.MapPool).Assembly, typeof(Akka.Actor.ActorSystem).Assembly })
        {
            paths.Add(own.Location);
        }
        return paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    }
}
