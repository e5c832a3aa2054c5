using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using ActorMap.Functions.Input;

namespace ActorMap.Functions;

/// <summary>Gets a lambda's <see cref="TypedFunction"/>: from the cache when it can, by compiling when it must.</summary>
internal static class FunctionLoader
{
    public static LoadedFunction Load(LambdaSource source, LambdaCache cache)
    {
        var key = source.CacheKey();
        var origin = LambdaOrigin.Compiled;
        if (cache.TryRead(key) is { } cached)
        {
            if (TryInstantiate(cached, source, key) is var (hit, hitContext))
            {
                return new LoadedFunction(hit, LambdaOrigin.Cache, TimeSpan.Zero, cache.PathOf(key)) { Context = hitContext };
            }
            origin = LambdaOrigin.Recompiled;
        }

        var started = Stopwatch.GetTimestamp();
        var image = Compile(source);
        var (compiled, context) = TryInstantiate(image, source, key)
            ?? throw new InvalidOperationException("a freshly compiled lambda could not be loaded");
        var elapsed = Stopwatch.GetElapsedTime(started);
        cache.Write(key, image);
        return new LoadedFunction(compiled, origin, elapsed, cache.PathOf(key)) { Context = context };
    }

    /// <summary>True once any Roslyn assembly is in the process (a cache hit must leave this false).</summary>
    public static bool IsRoslynLoaded()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }
        return false;
    }

    // Not inlined: the JIT would otherwise resolve LambdaCompiler, and with it Roslyn, while
    // compiling Load, even when the cache hits.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] Compile(LambdaSource source) => LambdaCompiler.Compile(source);

    // Collectible, one context per lambda: LoadedFunctions can unload a lambda it no longer holds.
    private static (TypedFunction Function, AssemblyLoadContext Context)? TryInstantiate(byte[] image, LambdaSource source, string key)
    {
        var context = new AssemblyLoadContext("actormap-lambda-" + key[..16], isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image, writable: false));
            var make = assembly.GetType(LambdaSource.TypeName)?.GetMethod(LambdaSource.MethodName, BindingFlags.Public | BindingFlags.Static);
            if (make?.Invoke(null, null) is TypedFunction function && function.InputType == source.Kind.ClrType())
            {
                return (function, context);
            }
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or TargetInvocationException or TypeLoadException or MissingMethodException or IOException)
        {
            // Unloaded below, like any entry that does not hold the expected function.
        }
        context.Unload();
        return null;
    }
}
