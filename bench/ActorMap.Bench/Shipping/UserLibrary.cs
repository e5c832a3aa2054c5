using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace ActorMap.Bench.Shipping;

/// <summary>
/// A user library compiled now with Roslyn (as tests/Functions.Tests' fixtures are), with its PDB,
/// into a folder of its own, and loaded in a load context of its own as an application's plugin
/// would be: the packager then finds its file, and Fractions.dll beside the bench through the
/// default context and the bench's deps.json, as it finds a NuGet package of any caller.
/// </summary>
internal sealed class UserLibrary
{
    private readonly Assembly _assembly;

    private UserLibrary(Assembly assembly, string dll)
    {
        _assembly = assembly;
        Dll = dll;
    }

    public string Dll { get; }

    public long DllBytes => new FileInfo(Dll).Length;

    public long PdbBytes => new FileInfo(Path.ChangeExtension(Dll, ".pdb")).Length;

    public static string FractionsPath => Path.Combine(AppContext.BaseDirectory, "Fractions.dll");

    public static UserLibrary Compile(string name, string source, string directory, bool withFractions)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: $"/bench/{name}.cs", encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.Create(name, [tree], References(withFractions),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true));
        Directory.CreateDirectory(directory);
        var dll = Path.Combine(directory, name + ".dll");
        using (var dllStream = File.Create(dll))
        using (var pdbStream = File.Create(Path.ChangeExtension(dll, ".pdb")))
        {
            var result = compilation.Emit(dllStream, pdbStream,
                options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: name + ".pdb"));
            if (!result.Success)
            {
                throw new InvalidOperationException($"{name} does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }
        var context = new FolderLoadContext(directory);
        return new UserLibrary(context.LoadFromAssemblyPath(dll), dll);
    }

    public TDelegate Static<TDelegate>(string type, string method) where TDelegate : Delegate =>
        _assembly.GetType(type, throwOnError: true)!.GetMethod(method)!.CreateDelegate<TDelegate>();

    private static List<MetadataReference> References(bool withFractions)
    {
        var framework = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"));
        var paths = withFractions ? framework.Append(FractionsPath) : framework;
        return [.. paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    /// <summary>The library's folder first, the default context (the framework, Fractions) for the rest.</summary>
    private sealed class FolderLoadContext(string directory) : AssemblyLoadContext("bench-" + Path.GetFileName(directory))
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
