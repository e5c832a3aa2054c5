using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace ActorMap.Functions.Tests.Support;

/// <summary>
/// The user assemblies of the specs, compiled here with Roslyn (which ActorMap.Functions
/// already brings) rather than as projects: two assemblies of one name and two versions
/// cannot both be project references, and compiling a few lines is faster than building
/// projects on a shared machine. Each is written with its PDB to its own folder (named by a
/// hash of its source, so a rerun reuses it) and loaded in a <see cref="CallerContext"/> of
/// its own, never in the test's default context, as an application's plugin would be.
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<Fixture> s_v1 = new(() => Build("Scoring", [ScoringSources.Common, ScoringSources.V1], [FractionsPath()]));
    private static readonly Lazy<Fixture> s_v2 = new(() => Build("Scoring", [ScoringSources.Common, ScoringSources.V2], [FractionsPath()]));
    private static readonly Lazy<Fixture> s_native = new(() => Build("Zprobe", [ScoringSources.Native], []));

    public static Fixture ScoringV1 => s_v1.Value;

    public static Fixture ScoringV2 => s_v2.Value;

    public static Fixture Native => s_native.Value;

    // Copied beside the specs by its PackageReference; the default context resolves it from there.
    private static string FractionsPath() => Path.Combine(AppContext.BaseDirectory, "Fractions.dll");

    private static Fixture Build(string name, string[] sources, string[] references)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + "\n" + string.Join("\n//--\n", sources))))[..16];
        var directory = Path.Combine(Path.GetTempPath(), "actormap-functions-tests", $"{name}-{key}");
        var dll = Path.Combine(directory, name + ".dll");
        if (!File.Exists(dll))
        {
            Compile(name, sources, references, directory);
        }
        var context = new CallerContext(name + "-" + key, directory);
        return new Fixture(context.LoadFromAssemblyPath(dll), directory);
    }

    private static void Compile(string name, string[] sources, string[] references, string directory)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(
            text, new CSharpParseOptions(LanguageVersion.Latest), path: $"/fixtures/{name}/{(i == 0 ? "Common" : "Score")}.cs", encoding: Encoding.UTF8));
        var compilation = CSharpCompilation.Create(name, trees, References(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Debug,
                nullableContextOptions: NullableContextOptions.Disable, deterministic: true));
        Directory.CreateDirectory(directory);
        // Written aside and renamed: specs run in parallel and may build the same fixture.
        var temporary = Path.Combine(directory, Guid.NewGuid().ToString("N"));
        using (var dll = File.Create(temporary + ".dll"))
        using (var pdb = File.Create(temporary + ".pdb"))
        {
            var result = compilation.Emit(dll, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: name + ".pdb"));
            if (!result.Success)
            {
                throw new InvalidOperationException("fixture does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }
        File.Move(temporary + ".pdb", Path.Combine(directory, name + ".pdb"), overwrite: true);
        File.Move(temporary + ".dll", Path.Combine(directory, name + ".dll"), overwrite: true);
    }

    private static List<MetadataReference> References(string[] extra)
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "System.dll" or "netstandard.dll" or "mscorlib.dll"))
            .Concat(extra);
        return [.. paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}

/// <summary>A compiled user assembly as its caller has it loaded, and the folder it lives in.</summary>
internal sealed class Fixture(Assembly assembly, string directory)
{
    public Assembly Assembly { get; } = assembly;

    public string Directory { get; } = directory;

    public Type Type(string name) => Assembly.GetType(name, throwOnError: true)!;

    /// <summary>A static method as a delegate.</summary>
    public TDelegate Static<TDelegate>(string type, string method) where TDelegate : Delegate =>
        Type(type).GetMethod(method)!.CreateDelegate<TDelegate>();

    /// <summary>What a static factory method returns (a closure it builds).</summary>
    public T Call<T>(string type, string method, params object[] arguments) => (T)Type(type).GetMethod(method)!.Invoke(null, arguments)!;

    public object New(string type, params object[] arguments) => Activator.CreateInstance(Type(type), arguments)!;
}

/// <summary>The caller's own load context for a fixture: its folder first, the default context for the rest.</summary>
internal sealed class CallerContext(string name, string directory) : AssemblyLoadContext("caller-" + name)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
